/**
 * The validator's result cache, as linters keep one: each file's result is stored under the
 * hash of its text and the rules' options, beside a hash of the validator's own code, so an
 * unchanged file is not parsed again and any change to the file or to the rules invalidates
 * its entry. Cross-file rules (names, subnet overlaps) still run over every file at every run.
 * `--no-cache` bypasses it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { checkMirrorFile, type MirrorFileResult } from "../../src/core/mirror-file.ts";
import { readPlainFile } from "../../src/core/plain-file.ts";
import type { MirrorFileChecker } from "../../src/core/registry.ts";

/** The cache of the real registry is about 0.4 MiB; a larger file is not read, only rebuilt. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

interface CacheEntry {
  hash: string;
  result: MirrorFileResult;
}

/** Entries by file path (registry text): a Map in memory, an object on disk. */
interface CacheFile {
  code: string;
  entries: Map<string, CacheEntry>;
}

export interface ResultCache {
  check: MirrorFileChecker;
  /** Writes the cache back (atomically) when anything changed. */
  save(): void;
}

export function openResultCache(path: string, codeVersion: string): ResultCache {
  const previous = readCache(path, codeVersion);
  const next: CacheFile = { code: codeVersion, entries: new Map() };
  let changed = false;
  return {
    check(file, text, options) {
      // The options change the result as much as the text does.
      const hash = createHash("sha1").update(JSON.stringify(options)).update(text).digest("base64");
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
    save() {
      if (!changed && next.entries.size === previous.entries.size) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, JSON.stringify({ code: next.code, entries: Object.fromEntries(next.entries) }));
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
    const cache = read.kind === "text" ? (JSON.parse(read.text) as { code?: unknown; entries?: unknown }) : null;
    if (cache?.code === codeVersion && cache.entries !== null && typeof cache.entries === "object") {
      return { code: codeVersion, entries: new Map(Object.entries(cache.entries as Record<string, CacheEntry>)) };
    }
  } catch {
    // Not JSON: start empty.
  }
  return { code: codeVersion, entries: new Map() };
}

/** A fingerprint of the running validator's code (its bundle, or its entry file). */
export function codeVersion(entryUrl: string): string {
  return createHash("sha1")
    .update(readFileSync(new URL(entryUrl)))
    .digest("base64");
}
