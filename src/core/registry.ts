/** Builds the `Registry` from file texts: every file checked, cross-file rules applied. Pure. */
import { checkConfigFile } from "./config-file.ts";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { checkMirrorFile, type MirrorFileResult } from "./mirror-file.ts";
import type { Mirror, Registry } from "./types.ts";

export interface SourceText {
  /** Path as it should appear in diagnostics. */
  file: string;
  text: string;
}

/** Checks one mirror file; the CLI passes a cached variant of `checkMirrorFile`. */
export type MirrorFileChecker = (file: string, text: string) => MirrorFileResult;

export function buildRegistry(
  mirrorFiles: readonly SourceText[],
  configFile: SourceText | null,
  checkFile: MirrorFileChecker = checkMirrorFile,
): Registry {
  const diagnostics: Diagnostic[] = [];
  const config = configFile === null ? null : checkConfigFile(configFile.file, configFile.text);
  if (config) diagnostics.push(...config.diagnostics);

  const candidates: Mirror[] = [];
  for (const { file, text } of mirrorFiles) {
    const result = checkFile(file, text);
    diagnostics.push(...result.diagnostics);
    if (result.mirror) candidates.push(result.mirror);
  }
  const mirrors = dropDuplicateNames(candidates, diagnostics);
  mirrors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  diagnostics.sort(compareDiagnostics);
  return {
    mirrors,
    config: config?.config ?? null,
    diagnostics,
    files: mirrorFiles.length,
    status: null,
  };
}

/**
 * Rule: a mirror name is used by one file only. Every file that repeats a name is an error
 * naming the other file; the first file (in path order) keeps the mirror.
 */
function dropDuplicateNames(candidates: Mirror[], diagnostics: Diagnostic[]): Mirror[] {
  const byName = new Map<string, Mirror[]>();
  for (const m of candidates) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  const kept: Mirror[] = [];
  for (const group of byName.values()) {
    group.sort((a, b) => (a.file < b.file ? -1 : 1));
    const [first, ...rest] = group;
    if (first) kept.push(first);
    for (const other of rest) {
      diagnostics.push({
        file: other.file,
        line: 1,
        column: 1,
        severity: "error",
        code: "duplicate-name",
        message: `The name \`${other.name}\` is already used by ${first?.file}. Each mirror needs its own file; merge the two or give this one its own host name.`,
      });
    }
  }
  return kept;
}
