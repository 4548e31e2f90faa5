import type { DiagnosticCode } from "../diagnostic-catalogue.ts";
import { type Diagnostic, type DiagnosticParams, makeDiagnostic, type Severity } from "../diagnostics.ts";
import type { ValuePath } from "../value-path.ts";
import type { YamlSource } from "../yaml-source.ts";

export { isRecord, valueAt } from "../value-path.ts";

/** Where a report is placed: at the value (default) or its key; `about` when it is about another path. */
export interface ReportPlace {
  at?: "key" | "value";
  /** The path the diagnostic is about, when not the one it is placed at (a missing key's own path). */
  about?: ValuePath;
}

/** Collects the diagnostics of one file, placing each at the value (or key) it is about. */
export interface FileReporter {
  readonly source: YamlSource;
  readonly diagnostics: Diagnostic[];
  report(
    severity: Severity,
    code: DiagnosticCode,
    path: ValuePath,
    params?: DiagnosticParams,
    place?: ReportPlace,
  ): void;
}

export function fileReporter(source: YamlSource, diagnostics: Diagnostic[] = []): FileReporter {
  return {
    source,
    diagnostics,
    report(severity, code, path, params = {}, { at = "value", about = path } = {}) {
      diagnostics.push(makeDiagnostic(source.file, source.positionOf(path, at), severity, code, about, params));
    },
  };
}
