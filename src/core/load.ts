/**
 * The one function of the core that reads files: a registry folder and its config.
 * `MIRRORS_DIR` and `MIRRORS_CONFIG` point everything at another registry of the same format.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { buildRegistry, type SourceText } from "./registry.ts";
import type { Registry } from "./types.ts";

export interface RegistryPaths {
  mirrorsDir: string;
  configFile: string;
}

export function registryPaths(env: Record<string, string | undefined> = process.env): RegistryPaths {
  return {
    mirrorsDir: env.MIRRORS_DIR || "mirrors.d",
    configFile: env.MIRRORS_CONFIG || "config.yml",
  };
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

export function loadRegistry(paths: RegistryPaths = registryPaths()): Registry {
  const [config] = readSources([paths.configFile]);
  return buildRegistry(readSources(listMirrorFiles(paths.mirrorsDir)), config ?? null);
}
