/**
 * What identifies one published `repodata/repomd.xml`: its hashes and size (what librepo checks
 * a mirror's copy against), its `<revision>` and newest `<timestamp>` (what a sponsor reads),
 * and when the checker first saw it. Hashing is plain computation (`node:crypto`), no I/O.
 */
import { createHash } from "node:crypto";
import type { StatusFile } from "../schema/schema-types.ts";

/**
 * One version of a `repomd.xml`, as the reference published it and the status file keeps it:
 * lower-case hex SHA-256 and SHA-512, size, `<revision>` and newest `<timestamp>` (null when the
 * file has none), and when the checker first saw it. The type is the status schema's.
 */
export type RepomdRecord = NonNullable<StatusFile["repomd"]>[string]["current"];

/** The two digests of a file's bytes, lower-case hex. */
export interface RepomdDigests {
  sha256: string;
  sha512: string;
  size: number;
}

export function digestRepomd(bytes: Uint8Array): RepomdDigests {
  return {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    sha512: createHash("sha512").update(bytes).digest("hex"),
    size: bytes.byteLength,
  };
}

/** A reference `repomd.xml` described for the history, first seen at `seenAt`. */
export function describeRepomd(bytes: Uint8Array, seenAt: string): RepomdRecord {
  const text = new TextDecoder().decode(bytes);
  return { ...digestRepomd(bytes), revision: revisionOf(text), timestamp: newestTimestamp(text), first_seen: seenAt };
}

/** A revision is a short token (createrepo writes an epoch or a counter); anything else is ignored. */
const REVISION = /<revision>\s*([\w.:-]{1,64})\s*<\/revision>/;
const TIMESTAMP = /<timestamp>\s*(\d{1,12})\s*<\/timestamp>/g;

function revisionOf(text: string): string | null {
  return REVISION.exec(text)?.[1] ?? null;
}

function newestTimestamp(text: string): number | null {
  let newest: number | null = null;
  for (const match of text.matchAll(TIMESTAMP)) {
    const value = Number(match[1]);
    if (newest === null || value > newest) newest = value;
  }
  return newest;
}
