/**
 * Image downloads at the edge over the real registry (docs/PERFORMANCE.md, "Downloads"), with a
 * status in which every mirror is `ok`, the origin publishes every image folder of the real
 * config (isos, cloud, live, raspberrypi; three versions, their arches) and nine mirrors in ten
 * carry each folder verified:
 * - one `/download/` answer (path resolved, verified mirrors chosen, redirect written) for the
 *   mirrorlist bench's 4000 clients, 5 % on-net (target: median < 50 µs), and one `.meta4`;
 * - `v1.json` with the image data, raw and gzipped (target: gzipped ≤ 80 KiB), and the file lists
 *   (`v1-images.json`, read on the first download only);
 * - the cold start in Node: parse and index `v1.json` with the image data (target < 10 ms), and
 *   the first download's extra reading of `v1-images.json`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { answerDownload, prepareImageFiles } from "../../src/core/images/edge-images.ts";
import type { ImageFilesAsset } from "../../src/core/images/image-index.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { serializeIndex } from "../../src/core/mirrorlist/export-index.ts";
import { prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import { geonamesLocator } from "../../src/site/mirror-coordinates.ts";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { withImages } from "./_image-status.ts";
import { median, percentile, report } from "./_report.ts";
import { benchClients, requestMicros } from "./_selection.ts";

const INDEX_FILE = join(tmpdir(), "download-bench-v1.json");
const PLAIN_INDEX_FILE = join(tmpdir(), "download-bench-v1-plain.json");
const FILES_FILE = join(tmpdir(), "download-bench-v1-images.json");
const COLD_FILES: Record<string, string> = { index: INDEX_FILE, plain: PLAIN_INDEX_FILE, files: FILES_FILE };

if (process.argv[2] === "--cold") {
  // Child mode: the first parse and indexing in a fresh process, the text already in memory.
  const text = readFileSync(COLD_FILES[process.argv[3] ?? ""] ?? INDEX_FILE, "utf8");
  const started = performance.now();
  if (process.argv[3] === "files") prepareImageFiles(JSON.parse(text) as ImageFilesAsset);
  else prepareIndex(parseIndex(text));
  console.log(performance.now() - started);
  process.exit(0);
}

const registry = loadRegistry();
const { files } = mirrorlistFiles(withImages(registry), geonamesLocator());
// The same index without the image data, measured in the same run: this machine is shared.
const plainIndex = mirrorlistFiles(registry, geonamesLocator()).files[0]?.text ?? "";
writeFileSync(PLAIN_INDEX_FILE, plainIndex);
const textOf = (path: string) => files.find((f) => f.path === path)?.text ?? "";
const v1 = textOf("mirrorlist/v1.json");
const imagesText = textOf("mirrorlist/v1-images.json");
// What the image data adds: the same index with its `images` left out.
const { images: _, ...withoutImages } = parseIndex(v1);
const v1WithoutImages = serializeIndex(withoutImages);
writeFileSync(INDEX_FILE, v1);
writeFileSync(FILES_FILE, imagesText);
const prepared = prepareIndex(parseIndex(v1));
const imageFiles = prepareImageFiles(JSON.parse(imagesText) as ImageFilesAsset);

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
    const answer = answerDownload(prepared, imageFiles, path, "", client, now);
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
const plainCold = cold("plain");
const filesCold = cold("files");
for (const file of Object.values(COLD_FILES)) rmSync(file, { force: true });

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const us = (n: number) => `${n.toFixed(1)} µs`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const folders = Object.keys(prepared.index.images ?? {}).length;

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
    metric: `\`v1.json\` gzip -9 with the image data (${folders} folders)`,
    figure: `${kib(gz(v1))} (raw ${kib(Buffer.byteLength(v1))})`,
    value: gz(v1) / 1024,
    target: { comparison: "≤", value: 80, unit: "KiB" },
    note: "repomd hashes not included (this bench's status has none)",
  },
  {
    metric: "what the image data adds to `v1.json`, gzip -9",
    figure: kib(gz(v1) - gz(v1WithoutImages)),
    note: "the lists' bench measures v1.json with the repomd hashes; this adds to it",
  },
  {
    metric: "`v1-images.json` (the file lists), gzip -9",
    figure: `${kib(gz(imagesText))} (raw ${kib(Buffer.byteLength(imagesText))})`,
    note: "read on the first /download/ only",
  },
  {
    metric: "cold start in Node: parse and index `v1.json` with the image data (median of 10)",
    figure: ms(indexCold),
    value: indexCold,
    target: { comparison: "<", value: 10, unit: "ms" },
    note: "the text already in memory",
  },
  { metric: "for scale: the same without the image data, same run (median of 10)", figure: ms(plainCold) },
  { metric: "first /download/: parse and index `v1-images.json` (median of 10)", figure: ms(filesCold) },
]);
