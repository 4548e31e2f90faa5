/** Diagnostics: what is wrong (or doubtful) in a file, where, and what to write instead. */
import type { DiagnosticCode } from "./diagnostic-catalogue.ts";
import { type DiagnosticParams, englishMessage } from "./diagnostic-text.ts";
import type { ValuePath } from "./value-path.ts";

export type { DiagnosticParams } from "./diagnostic-text.ts";

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
  code: DiagnosticCode;
  /**
   * The value the diagnostic is about, as map keys and list indices (`["address", "https"]`,
   * `["subnets", 2]`); for a missing key, the path it should have; `[]` for the whole file.
   */
  path: ValuePath;
  /**
   * The values the message names (a key, a URL, a limit …), and `variant` where the code has
   * several wordings; `messageSegments` renders them in any locale.
   */
  params: DiagnosticParams;
  /** What is wrong and what to write instead, in English, from the catalogue: what the CLI prints. */
  message: string;
}

/** A place in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** A diagnostic with its English message rendered from `code` and `params`. */
export function makeDiagnostic(
  file: string,
  position: Position,
  severity: Severity,
  code: DiagnosticCode,
  path: ValuePath,
  params: DiagnosticParams = {},
): Diagnostic {
  const { line, column } = position;
  return { file, line, column, severity, code, path, params, message: englishMessage(code, params) };
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
