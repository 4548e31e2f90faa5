/** The three output formats of `npm run validate`: compiler-like text, JSON for tools, GitHub annotations. */
import { countBySeverity, type Diagnostic } from "../../src/core/diagnostics.ts";
import { escapeLogText } from "../../src/core/log-text.ts";

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

/** One line a diagnostic: the file name and message escaped, so no registry text starts a line of its own. */
function textLine(d: Diagnostic): string {
  return `${escapeLogText(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${escapeLogText(d.message)}\n`;
}

function textSummary({ config, files, mirrors, diagnostics }: ValidationSummary): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (files === 0 && config !== null) {
    return `${escapeLogText(config)} checked as the distribution config, ${plural(errors, "error")}, ${plural(warnings, "warning")}.\n`;
  }
  return `${plural(files, "file")} checked, ${plural(mirrors, "valid mirror")}, ${plural(errors, "error")}, ${plural(warnings, "warning")}.\n`;
}

/**
 * GitHub workflow command; see "Workflow commands for GitHub Actions" for the escaping rules
 * (`escapeLogText` escapes what they name, `%`, CR and LF, and every other control character).
 */
function githubAnnotation(d: Diagnostic): string {
  const property = (s: string) => escapeLogText(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
  const props = `file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.code)}`;
  return `::${d.severity} ${props}::${escapeLogText(d.message)}\n`;
}
