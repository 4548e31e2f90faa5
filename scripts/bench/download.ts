/**
 * Image downloads at the edge over the real registry (docs/PERFORMANCE.md, "Downloads"), with a
 * status in which every mirror is `ok`, the origin publishes every image folder of the real
 * config (isos, cloud, live, raspberrypi; three versions, their arches) and nine mirrors in ten
 * carry each folder verified:
 * - one `/download/` answer (path resolved, verified mirrors chosen, redirect written) for the
 *   mirrorlist bench's 4000 clients, 5 % on-net (target: median < 50 µs), and one `.meta4`;
 * - the image asset (`v1-images.json`: each folder's path, verified mirrors and files), read on an
 *   isolate's first download or `/nearest` only, and `v1.json`, which carries no image data
 *   (target: gzipped ≤ 80 KiB);
 * - the cold start in Node: parse and index `v1.json` (target < 10 ms), and the first download's
 *   extra reading of `v1-images.json`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { answerDownload, prepareImages } from "../../src/core/images/edge-images.ts";
import type { ImageAsset } from "../../src/core/images/image-index.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import { geonamesLocator } from "../../src/site/mirror-coordinates.ts";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { withImages } from "./_image-status.ts";
import { median, percentile, report } from "./_report.ts";
import { benchClients, requestMicros } from "./_selection.ts";

const INDEX_FILE = join(tmpdir(), "download-bench-v1.json");
const FILES_FILE = join(tmpdir(), "download-bench-v1-images.json");
const COLD_FILES: Record<string, string> = { index: INDEX_FILE, files: FILES_FILE };

if (process.argv[2] === "--cold") {
  // Child mode: the first parse and indexing in a fresh process, the text already in memory.
  const text = readFileSync(COLD_FILES[process.argv[3] ?? ""] ?? INDEX_FILE, "utf8");
  const started = performance.now();
  if (process.argv[3] === "files") prepareImages(JSON.parse(text) as ImageAsset);
  else prepareIndex(parseIndex(text));
  console.log(performance.now() - started);
  process.exit(0);
}

const { files } = mirrorlistFiles(withImages(loadRegistry()), geonamesLocator());
const textOf = (path: string) => files.find((f) => f.path === path)?.text ?? "";
const v1 = textOf("mirrorlist/v1.json");
const imagesText = textOf("mirrorlist/v1-images.json");
writeFileSync(INDEX_FILE, v1);
writeFileSync(FILES_FILE, imagesText);
const prepared = prepareIndex(parseIndex(v1));
const images = prepareImages(JSON.parse(imagesText) as ImageAsset);

const PATHS = [
  "/download/9/isos/x86_64/AlmaLinux-9-latest-x86_64-dvd.iso",
  "/download/10.2/isos/aarch64/AlmaLinux-10.2-aarch64-boot.iso",
  "/download/8/cloud/x86_64/images/AlmaLinux-8-latest-x86_64-GenericCloud.iso",
  "/download/9/live/x86_64/AlmaLinux-9.8-x86_64-KDE.iso",
  "/download/10/raspberrypi/images/AlmaLinux-10-latest-aarch64-GenericCloud.iso",
];
/** The mirrorlist bench's clients: on-net every 20th (McGill's subnet, or FCIX's ASN). */
const clients = (count: number) =>
  benchClients(prepared, count, "bench", (i) =>
    i % 40 === 0 ? { ip: "132.206.7.7" } : i % 40 === 20 ? { asn: 7034 } : null,
  );
const now = new Date("2026-03-14T10:00:00Z");
function micros(suffix: string, count: number): number[] {
  return clients(count).map((client, i) => {
    const path = `${PATHS[i % PATHS.length]}${suffix}`;
    const t = performance.now();
    const answer = answerDownload(prepared, images, path, "", client, now);
    const us = (performance.now() - t) * 1000;
    if (answer.status !== 302 && answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body}`);
    return us;
  });
}

micros("", 2000); // warm the JIT, as a live isolate is
const perDownload = micros("", 4000);
requestMicros(prepared, clients(2000));
const perList = requestMicros(prepared, clients(4000));
micros(".meta4", 2000);
const perMeta4 = micros(".meta4", 4000);

const cold = (which: string) =>
  median(
    Array.from({ length: 10 }, () =>
      Number(spawnSync(process.execPath, [import.meta.filename, "--cold", which], { encoding: "utf8" }).stdout.trim()),
    ),
  );
const indexCold = cold("index");
const filesCold = cold("files");
for (const file of Object.values(COLD_FILES)) rmSync(file, { force: true });

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const us = (n: number) => `${n.toFixed(1)} µs`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const folders = images.byKey.size;

report([
  {
    metric: "one /download/ answer (302), median",
    figure: us(median(perDownload)),
    value: median(perDownload),
    target: { comparison: "<", value: 50, unit: "µs" },
    note: "the mirrorlist bench's 4000 clients over five image paths, after a warm-up",
  },
  { metric: "one /download/ answer, p99", figure: us(percentile(perDownload, 99)) },
  {
    metric: "for scale: one mirrorlist answer, the same clients, same run, median",
    figure: us(median(perList)),
    note: "the lists' own bench is `npm run bench -- mirrorlist`",
  },
  { metric: "one .meta4 answer, median", figure: us(median(perMeta4)), note: "up to ten mirrors, size and sha-256" },
  {
    metric: `\`v1-images.json\` (${folders} folders: paths, verified mirrors, files with size and sha-256), gzip -9`,
    figure: `${kib(gz(imagesText))} (raw ${kib(Buffer.byteLength(imagesText))})`,
    note: "read on an isolate's first /download/ or /nearest/ only; v1.json carries no image data",
  },
  {
    metric: "`v1.json` gzip -9 (the lists' index, unchanged by the image data)",
    figure: kib(gz(v1)),
    value: gz(v1) / 1024,
    target: { comparison: "≤", value: 80, unit: "KiB" },
    note: "without repomd hashes here; the lists' bench measures it with them",
  },
  {
    metric: "for scale: cold start in Node, parse and index `v1.json` (median of 10)",
    figure: ms(indexCold),
    note: "the lists' cold start, whose target (< 10 ms) the lists' bench holds; the image data is not in it",
  },
  {
    metric: "first /download/ or /nearest/ of an isolate: parse and index `v1-images.json` (median of 10)",
    figure: ms(filesCold),
  },
]);
