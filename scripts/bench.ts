/**
 * `npm run bench [-- NAME... [--OPTION...]]`: runs every benchmark in `scripts/bench/` (or the
 * named ones; options such as `scale --sizes 1000` go to each of them), each in its own Node
 * process so that one's warm caches do not flatter another, and prints their tables.
 *
 * After each bench, its section of docs/PERFORMANCE.md (between `<!-- bench:NAME:start -->` and
 * `<!-- bench:NAME:end -->`) is rewritten with the rows it reported, the date, the machine and
 * the command; the text around the sections is left as it is. `--no-write` (or `--dry-run`)
 * only prints. A bench that fails writes nothing; one that misses a target writes its rows, the
 * miss marked, and the run exits with 1.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { renderSection, replaceSection } from "./bench/_performance-md.ts";
import { machine, RESULTS_ENV, type Row } from "./bench/_report.ts";

const dir = join(import.meta.dirname, "bench");
const performanceFile = join(import.meta.dirname, "../docs/PERFORMANCE.md");
const RUNNER_FLAGS = new Set(["--no-write", "--dry-run"]);

// Names come first; from the first `--option` on, arguments are passed to every bench run.
const all = process.argv.slice(2);
const write = !all.some((a) => RUNNER_FLAGS.has(a));
const args = all.filter((a) => !RUNNER_FLAGS.has(a));
const firstOption = args.findIndex((a) => a.startsWith("--"));
const wanted = firstOption === -1 ? args : args.slice(0, firstOption);
const passed = firstOption === -1 ? [] : args.slice(firstOption);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();

/** Settings that change what a bench measures, besides the `BENCH_*` ones. */
const MEASURED_SETTINGS = new Set(["LOCALES", "MIRRORS_DIR", "MIRRORS_CONFIG", "MIRRORS_STATUS"]);

/** The command that reproduces a bench's figures: its options, and the settings it ran with. */
function command(name: string): string {
  const settings = Object.entries(process.env)
    .filter(([key]) => (key.startsWith("BENCH_") && key !== RESULTS_ENV) || MEASURED_SETTINGS.has(key))
    .map(([key, value]) => `${key}=${value} `)
    .join("");
  return `${settings}npm run bench -- ${[name, ...passed].join(" ")}`;
}

const scratch = mkdtempSync(join(tmpdir(), "mirrorsite-bench-results-"));
let failed = 0;
try {
  for (const name of benches) {
    console.log(`\n## ${name}`);
    const results = join(scratch, `${name}.json`);
    const loadBefore = loadavg()[0] ?? 0;
    const run = spawnSync(process.execPath, [join(dir, `${name}.ts`), ...passed], {
      stdio: "inherit",
      env: { ...process.env, [RESULTS_ENV]: results },
    });
    if (run.status !== 0) failed++;
    let rows: Row[];
    try {
      rows = JSON.parse(readFileSync(results, "utf8")) as Row[];
    } catch {
      console.log(`${name}: no figures reported, docs/PERFORMANCE.md left as it is`);
      continue;
    }
    if (!write) continue;
    const section = renderSection(name, rows, {
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      command: command(name),
      conditions: `load average ${loadBefore.toFixed(1)} before the run, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
    });
    const document = readFileSync(performanceFile, "utf8");
    writeFileSync(performanceFile, replaceSection(document, name, section, `## \`npm run bench -- ${name}\``));
    console.log(`${name}: its section of docs/PERFORMANCE.md rewritten`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
