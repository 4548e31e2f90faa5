/**
 * Shared helpers for benchmarks: timing statistics, the machine, and `report`, which prints a
 * bench's rows and hands them to the runner (`scripts/bench.ts`) for docs/PERFORMANCE.md.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { type Row, targetMet, targetText } from "./_performance-md.ts";

export type { Row, Target } from "./_performance-md.ts";

/**
 * Where the runner wants the rows of this run (a JSON file); unset when a bench is run on its
 * own (`node scripts/bench/NAME.ts`), which then only prints.
 */
export const RESULTS_ENV = "BENCH_RESULTS";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The machine, for the record in docs/PERFORMANCE.md: CPU model, cores, RAM, Node version. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() || "unknown CPU";
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/**
 * Prints `rows` with whether each meets its target, passes them to the runner when it asked
 * for them, and makes the process exit with 1 when a target is missed.
 */
export function report(rows: readonly Row[]): void {
  console.log(`machine: ${machine()}`);
  console.table(
    rows.map((row) => {
      const met = targetMet(row);
      return {
        metric: row.metric,
        figure: row.figure,
        target: row.target ? targetText(row.target) : "—",
        met: met === null ? "—" : met ? "yes" : "MISSED",
        reference: row.reference ?? "—",
      };
    }),
  );
  const file = process.env[RESULTS_ENV];
  if (file) writeFileSync(file, JSON.stringify(rows));
  if (rows.some((row) => targetMet(row) === false)) process.exitCode = 1;
}
