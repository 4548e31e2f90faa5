/**
 * The ISO page at the real registry: `/isos/x86_64/9.8/` of an `astro build` (one locale) of the
 * 530 mirrors with a status report as the checker writes it (the typical 30-day history of
 * `_history-status.ts`, with `_image-status.ts`'s image folders: the origin's CHECKSUM of every
 * folder and every mirror's state there), first load gzipped: the HTML and every stylesheet
 * and script it loads before any interaction (target: ≤ 60 KiB).
 *
 * And the "Nearest to you" request's answer: the largest `/nearest/isos/x86_64/9.8` answer of the
 * built index, as the worker's `answerNearest` gives it, over clients placed near the mirrors as
 * the mirrorlist bench places them (target: ≤ 2 KiB).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerNearest, prepareImages } from "../../src/core/images/edge-images.ts";
import { IMAGE_ASSET_PATH, type ImageAsset } from "../../src/core/images/image-index.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import { astroBuildSeconds } from "./_astro-build.ts";
import { firstLoad } from "./_first-load.ts";
import { historyStatusFile, registryMirrorNames } from "./_history-status.ts";
import { withImages } from "./_image-status.ts";
import { report } from "./_report.ts";
import { benchClients } from "./_selection.ts";

const PAGE = "/isos/x86_64/9.8/";
const NEAREST_PATH = "/nearest/isos/x86_64/9.8";
const CLIENTS = 1000;
const KIB = 1024;

const registry = loadRegistry();

/** The largest `/nearest/…` answer of the built index (`answerNearest`, as the worker gives it) over `CLIENTS` clients. */
function largestNearest(outDir: string): number {
  const prepared = prepareIndex(parseIndex(readFileSync(join(outDir, "mirrorlist/v1.json"), "utf8")));
  const images = prepareImages(JSON.parse(readFileSync(join(outDir, IMAGE_ASSET_PATH), "utf8")) as ImageAsset);
  const clients = benchClients(prepared, CLIENTS, "image-page", () => null);
  const now = new Date();
  return Math.max(
    ...clients.map((client) => {
      const answer = answerNearest(prepared, images, NEAREST_PATH, "", client, now);
      if (answer.status !== 200) throw new Error(`${NEAREST_PATH} answered ${answer.status}: ${answer.body}`);
      return Buffer.byteLength(answer.body);
    }),
  );
}

const work = mkdtempSync(join(tmpdir(), "mirrorsite-bench-image-page-"));
try {
  const statusFile = join(work, "status.json");
  // The typical history, with the origin's image folders and each mirror's state for them.
  writeFileSync(
    statusFile,
    JSON.stringify(withImages(registry, historyStatusFile(registryMirrorNames(), false)).status),
  );
  const outDir = join(work, "dist");
  astroBuildSeconds(outDir, { LOCALES: "en", MIRRORS_STATUS: statusFile });
  const page = firstLoad(outDir, PAGE);
  const nearest = largestNearest(outDir);
  const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;
  report([
    {
      metric: `ISO page \`${PAGE}\`, real registry with a full status report, first load gzipped (HTML + CSS + JS)`,
      figure: kib(page.total),
      value: page.total / KIB,
      target: { comparison: "≤", value: 60, unit: "KiB" },
      note: `${page.files.size} files besides the HTML; every row server-rendered`,
    },
    { metric: "of which HTML", figure: kib(page.html) },
    {
      metric: `“Nearest to you” answer \`${NEAREST_PATH}\`, the largest over ${CLIENTS} clients placed near the mirrors`,
      figure: `${nearest} B`,
      value: nearest / KIB,
      target: { comparison: "≤", value: 2, unit: "KiB" },
      note: "one same-origin request; uncompressed JSON, five mirrors",
    },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
