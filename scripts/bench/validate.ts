/**
 * Validation speed over the real registry (530 files):
 * - the whole `npm run validate` process, npm's own start included (target: median < 0.4 s);
 * - the validation work itself (read + load + validate + normalise), cold in a fresh process
 *   and warm (target: < 100 ms).
 * Reference: the upstream registry's own check (PyYAML + jsonschema, network steps left out)
 * takes 2.8 s median on this machine.
 */
import { spawnSync } from "node:child_process";
import { listMirrorFiles, readRegistry, registryPaths } from "../../src/core/load.ts";
import { median, report, type Target } from "./_report.ts";

const RUNS = 15;
const WHOLE_PROCESS: Target = { comparison: "<", value: 0.4, unit: "s" };
const WORK: Target = { comparison: "<", value: 100, unit: "ms" };
/** The reference, measured by hand once: this bench does not run the upstream check. */
const UPSTREAM = "upstream's check (PyYAML + jsonschema, no network): 2.8 s, measured by hand 2026-11-28";

if (process.argv[2] === "--work") {
  // Child mode: one cold measurement of the work, after the modules are loaded.
  const paths = registryPaths();
  const started = performance.now();
  const registry = readRegistry(listMirrorFiles(paths.mirrorsDir), paths.configFile);
  const cold = performance.now() - started;
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    readRegistry(listMirrorFiles(paths.mirrorsDir), paths.configFile);
    warm.push(performance.now() - t);
  }
  console.log(JSON.stringify({ cold, warm: median(warm), mirrors: registry.mirrors.length }));
  process.exit(0);
}

/** Median seconds of `npm run validate` (with the given extra arguments) over RUNS runs. */
function wallSeconds(...extra: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const run = spawnSync("npm", ["run", "-s", "validate", "--", ...extra], { stdio: "ignore" });
    times.push(performance.now() - t);
    if (run.status !== 0) throw new Error("npm run validate failed on the real registry");
  }
  return median(times) / 1000;
}

spawnSync("npm", ["run", "-s", "validate"], { stdio: "ignore" }); // build the bundle and fill the cache
const npmAlone = (() => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync("npm", ["run", "-s", "env"], { stdio: "ignore" });
    times.push(performance.now() - t);
  }
  return median(times) / 1000;
})();
const cached = wallSeconds();
const uncached = wallSeconds("--no-cache");
const colds: number[] = [];
let warm = 0;
let mirrors = 0;
for (let i = 0; i < 5; i++) {
  const child = spawnSync(process.execPath, [import.meta.filename, "--work"], { encoding: "utf8" });
  const figures = JSON.parse(child.stdout) as { cold: number; warm: number; mirrors: number };
  colds.push(figures.cold);
  warm = figures.warm;
  mirrors = figures.mirrors;
}
const coldMedian = median(colds);
report([
  {
    metric: "`npm run validate`, whole process, files unchanged since the last run (median of 15)",
    figure: `${cached.toFixed(2)} s`,
    value: cached,
    target: WHOLE_PROCESS,
    reference: UPSTREAM,
    note: "the usual case: results of unchanged files come from the cache",
  },
  {
    metric: "`npm run validate -- --no-cache`, whole process (median of 15)",
    figure: `${uncached.toFixed(2)} s`,
    value: uncached,
    target: WHOLE_PROCESS,
    reference: UPSTREAM,
    note: "every file parsed and checked again",
  },
  {
    metric: "`npm run` alone (its built-in `env` script, median of 5)",
    figure: `${npmAlone.toFixed(2)} s`,
    note: "npm's own start, paid by every `npm run`",
  },
  {
    metric: `validation work (read, parse, validate, normalise ${mirrors} files), cold process (median of 5)`,
    figure: `${coldMedian.toFixed(0)} ms`,
    value: coldMedian,
    target: WORK,
    note: "first use of every function: V8 has not compiled anything yet",
  },
  { metric: "validation work, warm (median of 20)", figure: `${warm.toFixed(0)} ms`, value: warm, target: WORK },
]);
