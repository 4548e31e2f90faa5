/**
 * Validation speed over the real registry (530 files):
 * - the whole `npm run validate` process, npm's own start included (target: median < 0.4 s), and
 *   its CPU time (user + system), which depends far less on the machine's load;
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

/**
 * Median seconds of `npm run validate` (with the given extra arguments) over RUNS runs: wall time,
 * and CPU time (user + system, npm and its children), which a loaded machine inflates far less.
 * The CPU time comes from the shell's `times` (children's line, in hundredths of a second).
 */
function wholeProcess(...extra: string[]): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  const command = `npm run -s validate -- ${extra.join(" ")} >/dev/null || exit 1; times`;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const run = spawnSync("sh", ["-c", command], { encoding: "utf8" });
    walls.push(performance.now() - t);
    if (run.status !== 0) throw new Error("npm run validate failed on the real registry");
    const children = run.stdout.trim().split("\n").at(-1) ?? "";
    const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    cpus.push(seconds.reduce((a, b) => a + b, 0));
  }
  return { wall: median(walls) / 1000, cpu: median(cpus) };
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
const cached = wholeProcess();
const uncached = wholeProcess("--no-cache");
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
    figure: `${cached.wall.toFixed(2)} s`,
    value: cached.wall,
    target: WHOLE_PROCESS,
    reference: UPSTREAM,
    note: "the usual case: results of unchanged files come from the cache",
  },
  {
    metric: "the same, CPU time (user + system of npm and its children, median of 15)",
    figure: `${cached.cpu.toFixed(2)} s`,
    note: "what the run costs the machine: a loaded machine stretches the wall time, much less this",
  },
  {
    metric: "`npm run validate -- --no-cache`, whole process (median of 15)",
    figure: `${uncached.wall.toFixed(2)} s`,
    value: uncached.wall,
    target: WHOLE_PROCESS,
    reference: UPSTREAM,
    note: "every file parsed and checked again",
  },
  {
    metric: "the same, CPU time (user + system of npm and its children, median of 15)",
    figure: `${uncached.cpu.toFixed(2)} s`,
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
