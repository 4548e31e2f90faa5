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
import type { MirrorFileChecker } from "../../src/core/registry.ts";

interface CacheFile {
  code: string;
  entries: Record<string, { hash: string; result: MirrorFileResult }>;
}

export interface ResultCache {
  check: MirrorFileChecker;
  /** Writes the cache back (atomically) when anything changed. */
  save(): void;
}

export function openResultCache(path: string, codeVersion: string): ResultCache {
  const previous = readCache(path, codeVersion);
  const next: CacheFile = { code: codeVersion, entries: {} };
  let changed = false;
  return {
    check(file, text, options) {
      // The options change the result as much as the text does.
      const hash = createHash("sha1").update(JSON.stringify(options)).update(text).digest("base64");
      const hit = previous.entries[file];
      if (hit?.hash === hash) {
        next.entries[file] = hit;
        return hit.result;
      }
      changed = true;
      const result = checkMirrorFile(file, text, options);
      next.entries[file] = { hash, result };
      return result;
    },
    save() {
      if (!changed && Object.keys(next.entries).length === Object.keys(previous.entries).length) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, JSON.stringify(next));
        renameSync(`${path}.tmp`, path);
      } catch {
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
}

function readCache(path: string, codeVersion: string): CacheFile {
  try {
    const cache = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
    if (cache.code === codeVersion) return cache;
  } catch {
    // Missing or unreadable: start empty.
  }
  return { code: codeVersion, entries: {} };
}

/** A fingerprint of the running validator's code (its bundle, or its entry file). */
export function codeVersion(entryUrl: string): string {
  return createHash("sha1")
    .update(readFileSync(new URL(entryUrl)))
    .digest("base64");
}
