/**
 * Scale (docs/PERFORMANCE.md, "Scale"): synthetic registries of 1,000 and 10,000 mirrors
 * (`scripts/synthetic/generate.ts`, modelled on the real one), and for each size
 * - validation work: `buildRegistry` over the files, texts already in memory;
 * - the site build (`astro build` with `MIRRORS_DIR`/`MIRRORS_CONFIG`): time and peak memory,
 *   and the ratio of the largest size to the smallest (target: ≤ 12× for 10× the mirrors);
 * - `v1.json` raw and gzipped;
 * and at the largest size, one mirrorlist request's selection time (target: median < 200 µs), with
 * the smallest size's as its reference.
 *
 * `node scripts/bench/scale.ts [--sizes 1000,10000] [--locales en,de,…] [--no-build]`.
 * `--locales` is passed to the build as `LOCALES` (default: every locale the site has).
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { loadRegistry } from "../../src/core/load.ts";
import { exportIndex, serializeIndex } from "../../src/core/mirrorlist/export-index.ts";
import { type PreparedIndex, prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import { ALL_LOCALES, localeSegment } from "../../src/i18n/locales.ts";
import { geonamesLocator } from "../../src/site/mirror-coordinates.ts";
import { syntheticMirrors } from "../synthetic/generate.ts";
import { median, percentile, type Row, report } from "./_report.ts";
import { benchClients, requestMicros } from "./_selection.ts";

const { values: options } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    locales: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});
const sizes = options.sizes
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
if (sizes.length === 0) {
  console.error("usage: node scripts/bench/scale.ts [--sizes 1000,10000] [--locales en,de] [--no-build]");
  process.exit(2);
}

const astro = join(import.meta.dirname, "../../node_modules/astro/bin/astro.mjs");
const real = loadRegistry({ mirrorsDir: "mirrors.d", configFile: "config.yml" });
const configText = readFileSync("config.yml", "utf8");
const locate = geonamesLocator();

interface BuildRun {
  seconds: number;
  peakBytes: number;
  pages: number;
  locales: number;
}

/** Resident set sizes of a process and all its descendants, from `/proc`: [sum of VmRSS, largest VmHWM]. */
function treeMemory(root: number): [number, number] {
  const parents = new Map<number, number>();
  const status = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/status`, "utf8");
      parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(text)?.[1] ?? 0));
      status.set(Number(entry), text);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parents.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let rss = 0;
  let hwm = 0;
  for (const [pid, text] of status) {
    if (!inTree(pid)) continue;
    rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(text)?.[1] ?? 0) * 1024;
    hwm = Math.max(hwm, Number(/^VmHWM:\s+(\d+) kB/m.exec(text)?.[1] ?? 0) * 1024);
  }
  return [rss, hwm];
}

/**
 * One `astro build` of the registry in `dir`. Peak memory is the larger of the sampled sum of
 * the process tree's resident sets (every 100 ms) and the largest single process's high-water
 * mark; `/usr/bin/time` is not needed.
 */
function buildSite(dir: string, outDir: string): Promise<BuildRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    MIRRORS_DIR: join(dir, "mirrors.d"),
    MIRRORS_CONFIG: join(dir, "config.yml"),
  };
  if (options.locales) env.LOCALES = options.locales;
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [astro, "build", "--outDir", outDir], { stdio: "ignore", env });
  let peak = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const [rss, hwm] = treeMemory(child.pid);
    peak = Math.max(peak, rss, hwm);
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`astro build of ${dir} failed (exit ${code})`));
      const built = ALL_LOCALES.filter((l) => existsSync(join(outDir, localeSegment(l), "index.html")));
      resolve({ seconds, peakBytes: peak, pages: countPages(outDir), locales: built.length });
    });
  });
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

/** Every 20th client on a synthetic mirror's private network. */
const clients = (prepared: PreparedIndex, count: number) =>
  benchClients(prepared, count, "scale", (i) => (i % 20 === 0 ? { ip: `100.64.${i % 256}.7` } : null));

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
const rows: Row[] = [];
const builds = new Map<number, BuildRun>();
/** Each size's prepared `v1.json`, for the selection figures of the largest and the smallest. */
const indexes = new Map<number, PreparedIndex>();

for (const size of sizes) {
  const files = syntheticMirrors(real.mirrors, size, 1).map((f) => ({ file: `mirrors.d/${f.name}`, text: f.text }));
  const config = { file: "config.yml", text: configText };
  const validation: number[] = [];
  const first = performance.now();
  let registry = buildRegistry(files, config);
  const firstMs = performance.now() - first;
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    registry = buildRegistry(files, config);
    validation.push(performance.now() - t);
  }
  if (registry.mirrors.length !== size)
    throw new Error(`${registry.mirrors.length} of ${size} synthetic mirrors valid`);
  rows.push({
    metric: `validation work, ${size.toLocaleString("en")} mirrors (median of 5)`,
    figure: `${median(validation).toFixed(0)} ms (first run ${firstMs.toFixed(0)} ms)`,
    note: `${registry.mirrors.length.toLocaleString("en")} of ${size.toLocaleString("en")} valid`,
  });

  const v1 = serializeIndex(exportIndex(registry, locate));
  rows.push({
    metric: `\`v1.json\` at ${size.toLocaleString("en")} mirrors, raw / gzip -9`,
    figure: `${kib(Buffer.byteLength(v1))} / ${kib(gzipSync(v1, { level: 9 }).length)}`,
  });
  if (size === sizes[0] || size === sizes.at(-1)) indexes.set(size, prepareIndex(parseIndex(v1)));

  if (!options["no-build"]) {
    const dir = join(tmpdir(), `scale-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "mirrors.d"), { recursive: true });
    for (const f of files) writeFileSync(join(dir, f.file), f.text);
    copyFileSync("config.yml", join(dir, "config.yml"));
    const outDir = join(tmpdir(), `scale-${size}-dist`);
    const run = await buildSite(dir, outDir);
    builds.set(size, run);
    rows.push({
      metric: `site build, ${size.toLocaleString("en")} mirrors, ${run.locales} locale${run.locales === 1 ? "" : "s"} (${run.pages.toLocaleString("en")} pages)`,
      figure: `${run.seconds.toFixed(1)} s, peak ${mib(run.peakBytes)}`,
      ...(size >= 10_000
        ? { value: run.seconds / 60, target: { comparison: "<", value: 15, unit: "min" } as const }
        : {}),
    });
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

const small = builds.get(sizes[0] ?? 0);
const big = builds.get(sizes.at(-1) ?? 0);
if (small && big && small !== big) {
  const mirrorsRatio = (sizes.at(-1) ?? 1) / (sizes[0] ?? 1);
  const timeRatio = big.seconds / small.seconds;
  rows.push(
    {
      metric: `build time ratio, ${mirrorsRatio}× the mirrors, ${big.locales} locale${big.locales === 1 ? "" : "s"}`,
      figure: `${timeRatio.toFixed(1)}×`,
      value: timeRatio,
      // The target: 10× the mirrors build in at most 12× the time.
      target: { comparison: "≤", value: mirrorsRatio * 1.2, unit: "×" },
    },
    {
      metric: `build peak memory ratio, ${mirrorsRatio}× the mirrors`,
      figure: `${(big.peakBytes / small.peakBytes).toFixed(1)}×`,
    },
  );
}

/** Median and p99 µs of one request over `index`, after a warm-up as a live isolate has. */
function selection(index: PreparedIndex): { median: number; p99: number } {
  requestMicros(index, clients(index, 2000));
  const times = requestMicros(index, clients(index, 4000));
  return { median: median(times), p99: percentile(times, 99) };
}

const largest = indexes.get(sizes.at(-1) ?? 0);
const smallest = indexes.get(sizes[0] ?? 0);
if (largest !== undefined && smallest !== undefined) {
  const big = selection(largest);
  const small = smallest === largest ? big : selection(smallest);
  rows.push({
    metric: `one mirrorlist request at ${sizes.at(-1)?.toLocaleString("en")} mirrors, median`,
    figure: `${big.median.toFixed(1)} µs`,
    // The target is for 10,000 mirrors; a smaller run has none.
    ...((sizes.at(-1) ?? 0) >= 10_000
      ? { value: big.median, target: { comparison: "<", value: 200, unit: "µs" } as const }
      : {}),
    reference: `${sizes[0]?.toLocaleString("en")} mirrors: ${small.median.toFixed(1)} µs`,
    note: `p99 ${big.p99.toFixed(0)} µs`,
  });
}

report(rows);
