/**
 * The one function of the core that reads files: a registry folder, its config and, when
 * `MIRRORS_STATUS` names one, the checker's status file. `MIRRORS_DIR` and `MIRRORS_CONFIG`
 * point everything at another registry of the same format. The one place that reads the
 * environment, too: `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` becomes an option of the rules.
 *
 * Only regular files are read (see `plain-file.ts`), each under a size limit checked before
 * its bytes are read. A link, folder, FIFO, socket or device where a file is expected, and a
 * file past its limit, is an error diagnostic of its own; the other files are read as usual.
 * The folder itself (`MIRRORS_DIR`, or a folder given to the validator) may be a link to a
 * folder: that is the operator's choice. What is inside it never leads outside it.
 */
import { lstatSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { CheckOptions } from "./check-options.ts";
import type { DiagnosticCode } from "./diagnostic-catalogue.ts";
import { compareDiagnostics, type Diagnostic, type DiagnosticParams, makeDiagnostic } from "./diagnostics.ts";
import { readPlainFile } from "./plain-file.ts";
import { buildRegistry, type RegistryOptions, type SourceText } from "./registry.ts";
import { MAX_STATUS_BYTES, parseStatusFile } from "./status/status-file.ts";
import type { Registry } from "./types.ts";
import { MAX_MIRROR_FILE_CHARS, MAX_SOURCE_BYTES } from "./yaml-source.ts";

export interface RegistryPaths {
  mirrorsDir: string;
  configFile: string;
  /** The status JSON of `npm run check-mirrors`; null (the default) means "not checked". */
  statusFile?: string | null;
}

export function registryPaths(env: Record<string, string | undefined> = process.env): RegistryPaths {
  return {
    mirrorsDir: env.MIRRORS_DIR || "mirrors.d",
    configFile: env.MIRRORS_CONFIG || "config.yml",
    statusFile: env.MIRRORS_STATUS || null,
  };
}

/**
 * The rules' options from the environment. Only `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` (exactly
 * `1`) accepts loopback and private addresses, for tests whose mirrors run on this machine.
 */
export function checkOptions(env: Record<string, string | undefined> = process.env): CheckOptions {
  return { allowPrivateAddresses: env.MIRRORS_ALLOW_PRIVATE_ADDRESSES === "1" };
}

/**
 * Mirror YAML files under `path` (a folder, read one level deep, or a single file), sorted.
 * Every entry with a YAML name is listed whatever it is, so that reading it can say what it is.
 */
export function listMirrorFiles(path: string): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // Missing or unreadable: reading it will say so.
  }
  if (!isFolder) return [path];
  // `join(path, name)` for every name, with the folder's part normalised once: a name from a
  // listing holds no separator and is no `.` or `..`, so joining it adds nothing to normalise.
  const prefix = join(path, "x").slice(0, -1);
  return readdirSync(path)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => prefix + name);
}

/** Whether anything at all (a dangling link included) is at `path`. */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** What a file is read as: its size limit, and what to do when it cannot be read. */
export type FileRole = "mirror" | "config";

/** Where a diagnostic about a whole file is placed. */
const TOP = { line: 1, column: 1 };

const LIMITS: Readonly<Record<FileRole, number>> = {
  // Bytes, never fewer than characters: a file within this is within the parser's limit too.
  mirror: MAX_MIRROR_FILE_CHARS,
  config: MAX_SOURCE_BYTES,
};

export interface ReadSources {
  /** The files that could be read, in the order given. */
  sources: SourceText[];
  /** One error for each file that could not be. */
  diagnostics: Diagnostic[];
}

/** Reads `paths` as mirror files or a config; what cannot be read becomes a diagnostic. */
export function readSources(paths: readonly string[], role: FileRole = "mirror", cwd = process.cwd()): ReadSources {
  const out: ReadSources = { sources: [], diagnostics: [] };
  for (const path of paths) {
    const file = displayPath(path, cwd);
    const read = readPlainFile(path, LIMITS[role]);
    const refuse = (code: DiagnosticCode, params: DiagnosticParams) =>
      out.diagnostics.push(makeDiagnostic(file, TOP, "error", code, [], params));
    if (read.kind === "text") out.sources.push({ file, text: read.text });
    else if (read.kind === "not-regular") refuse("not-a-regular-file", { variant: role, kind: read.what });
    else if (read.kind === "too-large") {
      refuse("file-too-large", { variant: "bytes", size: read.bytes, limit: LIMITS[role] });
    } else refuse("file-unreadable", { errno: read.errno });
  }
  return out;
}

/**
 * Reads the mirror files and the config (none when `configPath` is null) and builds the
 * registry; files that could not be read are counted, with their diagnostics beside the rest.
 */
export function readRegistry(
  mirrorPaths: readonly string[],
  configPath: string | null,
  options: RegistryOptions = {},
): Registry {
  const mirrors = readSources(mirrorPaths, "mirror");
  const config = configPath === null ? null : readSources([configPath], "config");
  const registry = buildRegistry(mirrors.sources, config?.sources[0] ?? null, options);
  return {
    ...registry,
    files: mirrorPaths.length,
    diagnostics: [...registry.diagnostics, ...mirrors.diagnostics, ...(config?.diagnostics ?? [])].sort(
      compareDiagnostics,
    ),
  };
}

export function loadRegistry(paths: RegistryPaths = registryPaths(), options: CheckOptions = checkOptions()): Registry {
  const registry = readRegistry(listMirrorFiles(paths.mirrorsDir), paths.configFile, options);
  if (!paths.statusFile) return registry;
  const { status, diagnostics } = readStatus(paths.statusFile);
  return {
    ...registry,
    status,
    diagnostics: [...registry.diagnostics, ...diagnostics].sort(compareDiagnostics),
  };
}

/** A path as diagnostics name it: relative to `cwd` when it was given absolute. */
function displayPath(path: string, cwd: string): string {
  return isAbsolute(path) ? relative(cwd, path) || path : path;
}

/** Reads and parses a status file; a missing, odd or oversized file is a diagnostic, not a throw. */
export function readStatus(path: string): ReturnType<typeof parseStatusFile> {
  const file = displayPath(path, process.cwd());
  const read = readPlainFile(path, MAX_STATUS_BYTES);
  if (read.kind === "text") return parseStatusFile(file, read.text);
  const [code, params]: [DiagnosticCode, DiagnosticParams] =
    read.kind === "not-regular"
      ? ["not-a-regular-file", { variant: "status", kind: read.what, path }]
      : read.kind === "too-large"
        ? ["status-too-large", { variant: "bytes", size: read.bytes, limit: MAX_STATUS_BYTES, path }]
        : ["status-unreadable", { errno: read.errno, path }];
  return { status: null, diagnostics: [makeDiagnostic(file, TOP, "error", code, [], params)] };
}
