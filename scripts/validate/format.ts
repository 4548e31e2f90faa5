/** The three output formats of `npm run validate`: compiler-like text, JSON for tools, GitHub annotations. */
import { countBySeverity, type Diagnostic } from "../../src/core/diagnostics.ts";

export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

export interface ValidationSummary {
  /** The distribution config that was checked, if any. */
  config: string | null;
  files: number;
  mirrors: number;
  diagnostics: readonly Diagnostic[];
}

export function formatReport(format: Format, summary: ValidationSummary): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(toJson(summary), null, 2)}\n`;
    case "github":
      return summary.diagnostics.map(githubAnnotation).join("");
    case "text":
      return summary.diagnostics.map(textLine).join("") + textSummary(summary);
  }
}

function toJson({ files, mirrors, diagnostics }: ValidationSummary) {
  return { files, mirrors, ...countBySeverity(diagnostics), diagnostics };
}

function textLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`;
}

function textSummary({ config, files, mirrors, diagnostics }: ValidationSummary): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (files === 0 && config !== null) {
    return `${config} checked as the distribution config, ${plural(errors, "error")}, ${plural(warnings, "warning")}.\n`;
  }
  return `${plural(files, "file")} checked, ${plural(mirrors, "valid mirror")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}.\n`;
}

/** GitHub workflow command; see "Workflow commands for GitHub Actions" for the escaping rules. */
function githubAnnotation(d: Diagnostic): string {
  const property = (s: string) => escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
  const props = `file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.code)}`;
  return `::${d.severity} ${props}::${escapeData(d.message)}\n`;
}

function escapeData(s: string): string {
  return s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
