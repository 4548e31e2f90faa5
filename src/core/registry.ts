/** Builds the `Registry` from file texts: every file checked, cross-file rules applied. Pure. */
import type { CheckOptions } from "./check-options.ts";
import { type ConfigFileResult, checkConfigFile } from "./config-file.ts";
import { compareDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { checkMirrorFile, type MirrorFileResult } from "./mirror-file.ts";
import { checkMirrorNames } from "./rules/mirror-names.ts";
import { type KnownPositions, sourcePlaces } from "./rules/source-places.ts";
import { checkSubnetOverlaps } from "./rules/subnet-overlaps.ts";
import type { Mirror, Registry, RegistryContact } from "./types.ts";

export interface SourceText {
  /** Path as it should appear in diagnostics. */
  file: string;
  text: string;
}

/** Checks one mirror file; the CLI passes a cached variant of `checkMirrorFile`. */
export type MirrorFileChecker = (file: string, text: string, options: CheckOptions) => MirrorFileResult;

/** Checks the distribution config; the CLI passes a cached variant of `checkConfigFile`. */
export type ConfigFileChecker = (file: string, text: string) => ConfigFileResult;

export interface RegistryOptions extends CheckOptions {
  /** Checks each file; `checkMirrorFile` unless given (the validator passes its cache). */
  checkFile?: MirrorFileChecker;
  /** Checks the config; `checkConfigFile` unless given (the validator passes its cache). */
  checkConfig?: ConfigFileChecker;
  /** Positions the cross-file rules found at an earlier run (the validator's cache keeps them). */
  knownPositions?: KnownPositions;
}

export function buildRegistry(
  mirrorFiles: readonly SourceText[],
  configFile: SourceText | null,
  { checkFile = checkMirrorFile, checkConfig = checkConfigFile, knownPositions, ...options }: RegistryOptions = {},
): Registry {
  const diagnostics: Diagnostic[] = [];
  const config = configFile === null ? null : checkConfig(configFile.file, configFile.text);
  if (config) diagnostics.push(...config.diagnostics);

  const candidates: Mirror[] = [];
  const contacts: RegistryContact[] = [];
  for (const { file, text } of mirrorFiles) {
    const result = checkFile(file, text, options);
    diagnostics.push(...result.diagnostics);
    if (result.mirror) candidates.push(result.mirror);
    if (result.contact !== null) contacts.push({ file, address: result.contact });
  }
  const places = sourcePlaces(mirrorFiles, knownPositions);
  const names = checkMirrorNames(candidates, places);
  const overlaps = checkSubnetOverlaps(names.kept, places);
  diagnostics.push(...names.diagnostics, ...overlaps.diagnostics);
  const mirrors = names.kept.filter((m) => !overlaps.unlisted.has(m));
  mirrors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  diagnostics.sort(compareDiagnostics);
  return {
    mirrors,
    config: config?.config ?? null,
    diagnostics,
    files: mirrorFiles.length,
    contacts,
    status: null,
  };
}
