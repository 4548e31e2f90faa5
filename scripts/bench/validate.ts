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
import { median, printFigures } from "./_report.ts";

const RUNS = 15;

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
for (let i = 0; i < 5; i++) {
  const child = spawnSync(process.execPath, [import.meta.filename, "--work"], { encoding: "utf8" });
  const figures = JSON.parse(child.stdout) as { cold: number; warm: number };
  colds.push(figures.cold);
  warm = figures.warm;
}
const coldMedian = median(colds);
printFigures([
  {
    figure: "npm run validate, whole process, unchanged files (median of 15)",
    value: `${cached.toFixed(2)} s`,
    target: "< 0.4 s (upstream: 2.8 s)",
    ok: cached < 0.4,
  },
  {
    figure: "npm run validate -- --no-cache, whole process (median of 15)",
    value: `${uncached.toFixed(2)} s`,
    target: "< 0.4 s (upstream: 2.8 s)",
    ok: uncached < 0.4,
  },
  {
    figure: "npm run alone (its built-in env script)",
    value: `${npmAlone.toFixed(2)} s`,
    target: "(part of the 0.4 s)",
    ok: true,
  },
  {
    figure: "validation work, cold process (median of 5)",
    value: `${coldMedian.toFixed(0)} ms`,
    target: "< 100 ms",
    ok: coldMedian < 100,
  },
  {
    figure: "validation work, warm (median of 20)",
    value: `${warm.toFixed(0)} ms`,
    target: "< 100 ms",
    ok: warm < 100,
  },
]);
