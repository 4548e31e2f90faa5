/** Shared helpers for benchmarks: timing statistics and the printed table. */
import { cpus, totalmem } from "node:os";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** One line describing the machine, for the record in docs/PERFORMANCE.md. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export interface Figure {
  figure: string;
  value: string;
  target: string;
  ok: boolean;
}

export function printFigures(figures: readonly Figure[]): void {
  console.log(`machine: ${machine()}`);
  console.table(
    figures.map((f) => ({
      figure: f.figure,
      value: f.value,
      target: f.target,
      met: f.ok ? "yes" : "NO",
    })),
  );
}
