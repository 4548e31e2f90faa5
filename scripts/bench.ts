/**
 * `npm run bench [-- NAME... [--OPTION...]]`: runs every benchmark in `scripts/bench/` (or the
 * named ones; options such as `scale --sizes 1000` go to each of them),
 * each in its own Node process so that one's warm caches do not flatter another, and prints
 * the table of figures. `docs/PERFORMANCE.md` holds the latest figures and their targets.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = join(import.meta.dirname, "bench");
// Names come first; from the first `--option` on, arguments are passed to every bench run.
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith("--"));
const wanted = firstOption === -1 ? args : args.slice(0, firstOption);
const passed = firstOption === -1 ? [] : args.slice(firstOption);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace(/\.ts$/, "")}`);
  const run = spawnSync(process.execPath, [join(dir, file), ...passed], { stdio: "inherit" });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
