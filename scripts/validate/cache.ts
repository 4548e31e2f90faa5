/**
 * The validator's result cache, as linters keep one: each file's result is stored under the
 * hash of its text and the rules' options (the distribution config's under its path and text),
 * beside a hash of the validator's own code, so an unchanged file is not parsed again and any
 * change to the file or to the rules invalidates its entry. Cross-file rules (names, subnet overlaps) still run over every file at every run;
 * the positions they report at are kept with the file's entry, so that an unchanged file is not
 * parsed again to find them. `--no-cache` bypasses it.
 */
import { hash as digest } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type ConfigFileResult, checkConfigFile } from "../../src/core/config-file.ts";
import type { Position } from "../../src/core/diagnostics.ts";
import { checkMirrorFile, type MirrorFileResult } from "../../src/core/mirror-file.ts";
import { readPlainFile } from "../../src/core/plain-file.ts";
import type { ConfigFileChecker, MirrorFileChecker } from "../../src/core/registry.ts";
import type { KnownPositions } from "../../src/core/rules/source-places.ts";

/** The cache of the real registry is about 0.4 MiB; a larger file is not read, only rebuilt. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface CacheEntry {
  hash: string;
  result: MirrorFileResult;
  /** Positions the cross-file rules asked for, by path (as JSON); they depend on the text alone. */
  positions?: Record<string, Position>;
}

/** The distribution config's result, under the hash of its path and text. */
interface ConfigEntry {
  hash: string;
  result: ConfigFileResult;
}

/** Entries by file path (registry text): a Map in memory, an object on disk. */
interface CacheFile {
  code: string;
  entries: Map<string, CacheEntry>;
  config?: ConfigEntry;
}

export interface ResultCache {
  check: MirrorFileChecker;
  checkConfig: ConfigFileChecker;
  /** Positions in the files checked through `check`, kept with their entries. */
  positions: KnownPositions;
  /** Writes the cache back (atomically) when anything changed. */
  save(): void;
}

export function openResultCache(path: string, codeVersion: string): ResultCache {
  const previous = readCache(path, codeVersion);
  const next: CacheFile = { code: codeVersion, entries: new Map() };
  let changed = false;
  // The options change the result as much as the text does; they are the same for every file.
  let lastOptions: object | null = null;
  let optionsJson = "";
  return {
    check(file, text, options) {
      if (options !== lastOptions) {
        lastOptions = options;
        optionsJson = JSON.stringify(options);
      }
      const hash = sha1(optionsJson + text);
      const hit = previous.entries.get(file);
      if (hit?.hash === hash) {
        next.entries.set(file, hit);
        return hit.result;
      }
      changed = true;
      const result = checkMirrorFile(file, text, options);
      next.entries.set(file, { hash, result });
      return result;
    },
    checkConfig(file, text) {
      const hash = sha1(`${file}\0${text}`);
      if (previous.config?.hash === hash) {
        next.config = previous.config;
        return previous.config.result;
      }
      changed = true;
      next.config = { hash, result: checkConfigFile(file, text) };
      return next.config.result;
    },
    positions: {
      get: (file, path) => next.entries.get(file)?.positions?.[JSON.stringify(path)],
      set(file, path, position) {
        const entry = next.entries.get(file);
        if (!entry) return;
        entry.positions = { ...entry.positions, [JSON.stringify(path)]: position };
        changed = true;
      },
    },
    save() {
      if (!changed && next.entries.size === previous.entries.size) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(
          `${path}.tmp`,
          JSON.stringify({ code: next.code, entries: Object.fromEntries(next.entries), config: next.config }),
        );
        renameSync(`${path}.tmp`, path);
      } catch {
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
}

/** The cache of this code version; empty when it is missing, odd, too large or of other code. */
function readCache(path: string, codeVersion: string): CacheFile {
  const read = readPlainFile(path, MAX_CACHE_BYTES);
  try {
    const cache =
      read.kind === "text" ? (JSON.parse(read.text) as { code?: unknown; entries?: unknown; config?: unknown }) : null;
    if (cache?.code === codeVersion && cache.entries !== null && typeof cache.entries === "object") {
      return {
        code: codeVersion,
        entries: new Map(Object.entries(cache.entries as Record<string, CacheEntry>)),
        ...(cache.config !== null && typeof cache.config === "object" ? { config: cache.config as ConfigEntry } : {}),
      };
    }
  } catch {
    // Not JSON: start empty.
  }
  return { code: codeVersion, entries: new Map() };
}

/** A fingerprint of the running validator's code (its bundle, or its entry file). */
export function codeVersion(entryUrl: string): string {
  return sha1(readFileSync(new URL(entryUrl)));
}

/** One-shot hashing: a hash object per file cost more than the hashing itself. */
function sha1(data: string | Buffer): string {
  return digest("sha1", data, "base64");
}
