/**
 * The build's last step, the check that no output holds a mirror file's contact address
 * (`src/site/contact-leaks-in-files.ts`), over a real site: `BENCH_DIST` (default `dist/`, as
 * `npm run build` leaves it; build it first) with the real registry's contacts. Target: a
 * small part of the build, under 3 s for the whole site in all ten languages. Reported: the
 * median of 5 runs, the files and bytes read, and for scale the cost of only reading them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRegistry } from "../../src/core/load.ts";
import { contactLeaksUnder } from "../../src/site/contact-leaks-in-files.ts";
import { median, report, type Target } from "./_report.ts";

const RUNS = 5;
const TARGET: Target = { comparison: "<", value: 3, unit: "s" };
const root = process.env.BENCH_DIST ?? "dist";
if (!existsSync(join(root, "index.html"))) {
  console.error(`${root}/index.html is missing: run npm run build first (or point BENCH_DIST at a built site).`);
  process.exit(1);
}

const { contacts } = loadRegistry();
const runs: number[] = [];
let checked = { files: 0, leaks: [] as string[] };
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  checked = contactLeaksUnder(root, contacts);
  runs.push((performance.now() - started) / 1000);
}
if (checked.leaks.length > 0) throw new Error(`the built site holds contact addresses: ${checked.leaks[0]}`);

const reads: number[] = [];
let bytes = 0;
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  bytes = 0;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += readFileSync(join(entry.parentPath, entry.name)).length;
  }
  reads.push((performance.now() - started) / 1000);
}

const seconds = median(runs);
report([
  {
    metric: `contact check over the built site (${checked.files} files, ${(bytes / 1024 ** 2).toFixed(0)} MiB; ${contacts.length} contacts; median of ${RUNS})`,
    figure: `${seconds.toFixed(2)} s`,
    value: seconds,
    target: TARGET,
    note: "found: none",
  },
  {
    metric: `reading the same files and nothing else (median of ${RUNS})`,
    figure: `${median(reads).toFixed(2)} s`,
    note: "the floor: the search itself costs the difference",
  },
]);
