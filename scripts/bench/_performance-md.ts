/**
 * The generated parts of docs/PERFORMANCE.md: each bench owns one section between
 * `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`, which `npm run bench` rewrites after
 * the bench has run. Everything outside the markers is hand-written and kept byte for byte.
 * Pure: text in, text out (the runner, `scripts/bench.ts`, reads and writes the file).
 */

/** How a figure is compared with its target. */
export type Comparison = "<" | "≤" | ">" | "≥" | "=";

/** A target, as a bench declares it next to the code that measures it. */
export interface Target {
  readonly comparison: Comparison;
  readonly value: number;
  /** The unit of `value` and of the row's measured `value`: "s", "ms", "KB", "%", "×" … */
  readonly unit: string;
  /** What of the figure the target is about, when the figure shows more than one number ("p95"). */
  readonly of?: string;
}

/** One row of a bench's table. */
export interface Row {
  /** What is measured, and how (runs, median …). */
  readonly metric: string;
  /** The figure as shown: "0.41 s", "3.5 ms / 12.4 ms", "1497 files, 2.5 MiB". */
  readonly figure: string;
  /** The number compared with the target, in the target's unit; needed only when there is a target. */
  readonly value?: number;
  readonly target?: Target;
  /** The reference figure the issue names for this row ("upstream: 2.8 s"), if any. */
  readonly reference?: string;
  /** A fixed explanation of the row, declared by the bench (never a figure of another run). */
  readonly note?: string;
}

/** What the runner knows of one run, for the line under the table. */
export interface RunRecord {
  /** The day of the run, `YYYY-MM-DD`. */
  readonly date: string;
  /** The machine, as `machine()` in `_report.ts` describes it. */
  readonly machine: string;
  /** The command that reproduces the figures. */
  readonly command: string;
  /** How busy the machine was, in words ("load average 0.8 before the run, 3.1 after"). */
  readonly conditions?: string;
}

/** Whether the row meets its target: `null` when it has none. A target without a value is missed. */
export function targetMet(row: Row): boolean | null {
  const target = row.target;
  if (target === undefined) return null;
  const value = row.value;
  if (value === undefined || Number.isNaN(value)) return false;
  switch (target.comparison) {
    case "<":
      return value < target.value;
    case "≤":
      return value <= target.value;
    case ">":
      return value > target.value;
    case "≥":
      return value >= target.value;
    case "=":
      return value === target.value;
  }
}

/** "< 0.4 s", "≤ 12×", "p95 < 16 ms", "= 530". */
export function targetText(target: Target): string {
  // A multiplier sits on its number; every other unit is a word of its own.
  const amount =
    target.unit === "×" || target.unit === "" ? `${target.value}${target.unit}` : `${target.value} ${target.unit}`;
  return `${target.of ? `${target.of} ` : ""}${target.comparison} ${amount}`;
}

/** A table cell: one line, with `|` escaped so that it cannot split the row. */
function cell(text: string | undefined): string {
  const flat = (text ?? "")
    .replace(/\s*\n\s*/g, " ")
    .replaceAll("|", "\\|")
    .trim();
  return flat === "" ? "—" : flat;
}

export const startMarker = (name: string): string => `<!-- bench:${name}:start -->`;
export const endMarker = (name: string): string => `<!-- bench:${name}:end -->`;

/** The whole generated section of bench `name`, markers included, without a final newline. */
export function renderSection(name: string, rows: readonly Row[], run: RunRecord): string {
  const lines = [
    startMarker(name),
    `<!-- Written by \`npm run bench -- ${name}\` (scripts/bench/${name}.ts); edits between these markers are overwritten. -->`,
    "",
    "| metric | figure | target | met | reference | note |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => {
      const met = targetMet(row);
      const verdict = met === null ? "—" : met ? "yes" : "**missed**";
      const target = row.target ? targetText(row.target) : undefined;
      return `| ${cell(row.metric)} | ${cell(row.figure)} | ${cell(target)} | ${verdict} | ${cell(row.reference)} | ${cell(row.note)} |`;
    }),
    "",
    `Machine: ${run.machine}. Measured ${run.date}${run.conditions ? ` (${run.conditions})` : ""} with \`${run.command}\`.`,
    endMarker(name),
  ];
  return lines.join("\n");
}

/**
 * `document` with bench `name`'s section replaced by `section` (from `renderSection`), every
 * other byte kept. A document without the section gets it appended under `heading`. A start
 * marker without its end marker (or after it) is an error: guessing where the section ends
 * could delete hand-written text.
 */
export function replaceSection(document: string, name: string, section: string, heading: string): string {
  const start = document.indexOf(startMarker(name));
  const endAt = document.indexOf(endMarker(name));
  if (start === -1 && endAt === -1) {
    const separator = document === "" || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
    return `${document}${separator}${heading}\n\n${section}\n`;
  }
  if (start === -1 || endAt === -1 || endAt < start) {
    throw new Error(`docs/PERFORMANCE.md: the markers of the "${name}" section are not a start then an end`);
  }
  if (document.indexOf(startMarker(name), start + 1) !== -1) {
    throw new Error(`docs/PERFORMANCE.md: the "${name}" section appears twice`);
  }
  const end = endAt + endMarker(name).length;
  return `${document.slice(0, start)}${section}${document.slice(end)}`;
}
