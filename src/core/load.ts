/**
 * The one function of the core that reads files: a registry folder, its config and, when
 * `MIRRORS_STATUS` names one, the checker's status file. `MIRRORS_DIR` and `MIRRORS_CONFIG`
 * point everything at another registry of the same format. The one place that reads the
 * environment, too: `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` becomes an option of the rules.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { CheckOptions } from "./check-options.ts";
import { compareDiagnostics } from "./diagnostics.ts";
import { buildRegistry, type SourceText } from "./registry.ts";
import { parseStatusFile } from "./status/status-file.ts";
import type { Registry } from "./types.ts";

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

/** Mirror YAML files under `path` (a folder, read one level deep, or a single file), sorted. */
export function listMirrorFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(path, name));
}

export function readSources(paths: readonly string[], cwd = process.cwd()): SourceText[] {
  return paths.map((path) => ({
    file: isAbsolute(path) ? relative(cwd, path) || path : path,
    text: readFileSync(path, "utf8"),
  }));
}

export function loadRegistry(paths: RegistryPaths = registryPaths(), options: CheckOptions = checkOptions()): Registry {
  const [config] = readSources([paths.configFile]);
  const registry = buildRegistry(readSources(listMirrorFiles(paths.mirrorsDir)), config ?? null, options);
  if (!paths.statusFile) return registry;
  const { status, diagnostics } = readStatus(paths.statusFile);
  return {
    ...registry,
    status,
    diagnostics: [...registry.diagnostics, ...diagnostics].sort(compareDiagnostics),
  };
}

/** Reads and parses a status file; a missing or unreadable file is a diagnostic, not a throw. */
function readStatus(path: string): ReturnType<typeof parseStatusFile> {
  let source: SourceText;
  try {
    [source] = readSources([path]) as [SourceText];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return {
      status: null,
      diagnostics: [
        {
          file: path,
          line: 1,
          column: 1,
          severity: "error",
          code: "status-unreadable",
          message: `The status file named by MIRRORS_STATUS cannot be read (${code}); mirrors are shown as not checked. Run \`npm run check-mirrors -- --out ${path}\` or unset MIRRORS_STATUS.`,
        },
      ],
    };
  }
  return parseStatusFile(source.file, source.text);
}
