import type { Diagnostic, Severity } from "../diagnostics.ts";
import type { ValuePath } from "../value-path.ts";
import type { YamlSource } from "../yaml-source.ts";

export { isRecord, valueAt } from "../value-path.ts";

/** Collects the diagnostics of one file, placing each at the value (or key) it is about. */
export interface FileReporter {
  readonly source: YamlSource;
  readonly diagnostics: Diagnostic[];
  report(severity: Severity, code: string, path: ValuePath, message: string, at?: "key" | "value"): void;
}

export function fileReporter(source: YamlSource, diagnostics: Diagnostic[] = []): FileReporter {
  return {
    source,
    diagnostics,
    report(severity, code, path, message, at = "value") {
      const { line, column } = source.positionOf(path, at);
      diagnostics.push({ file: source.file, line, column, severity, code, message });
    },
  };
}
