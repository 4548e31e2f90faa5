import type { Diagnostic, Severity } from "../diagnostics.ts";
import type { ValuePath, YamlSource } from "../yaml-source.ts";

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

/** The value at `path` in a plain parsed value, or undefined. */
export function valueAt(root: unknown, path: ValuePath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
