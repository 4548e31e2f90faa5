/** Diagnostics: what is wrong (or doubtful) in a file, where, and what to write instead. */

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path of the file as given to the loader. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** Stable, kebab-case identifier (see `docs/DIAGNOSTICS.md`). */
  code: string;
  /** What is wrong and what to write instead; one sentence or two, no "Error:" prefix. */
  message: string;
}

/** A place in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}
