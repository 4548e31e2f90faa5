/**
 * The reference's `repomd.xml` history, per repo path: the current version and the alternates,
 * earlier versions a mirror may still serve. Aging is tied to the config's `allowed_outdate`, as
 * `TIME` is: an alternate stays acceptable until that long has passed since a newer version
 * replaced it, then leaves the history. Pure: the checker supplies what it saw and the time.
 */
import type { StatusFile } from "../schema/schema-types.ts";
import type { RepomdDigests, RepomdRecord } from "./repomd-record.ts";

/** One repo path's history, as the status schema defines it: the current version and the alternates (newest first). */
export type RepomdHistory = NonNullable<StatusFile["repomd"]>[string];

/** An earlier version, with the time (`superseded_at`) a newer one replaced it. */
export type RepomdAlternate = RepomdHistory["alternates"][number];

/** Repo path (`9.8/BaseOS/x86_64/os`, below the tree's base URL) → its history. */
export type RepomdHistories = Map<string, RepomdHistory>;

/**
 * The history after one look at the reference. `observed` is what it publishes now, or null when
 * it could not be read: then the history is kept as it was (a failing reference never empties
 * it), only aged.
 */
export function advanceHistory(
  previous: RepomdHistory | undefined,
  observed: RepomdRecord | null,
  now: Date,
  allowedSeconds: number,
): RepomdHistory | undefined {
  if (observed === null) return previous === undefined ? undefined : ageHistory(previous, now, allowedSeconds);
  if (previous === undefined) return { current: observed, alternates: [] };
  if (previous.current.sha256 === observed.sha256) return ageHistory(previous, now, allowedSeconds);
  const superseded: RepomdAlternate = { ...previous.current, superseded_at: now.toISOString() };
  // A version the reference went back to is current again, not also an alternate.
  const alternates = [superseded, ...previous.alternates].filter((a) => a.sha256 !== observed.sha256);
  const returning = previous.alternates.find((a) => a.sha256 === observed.sha256);
  const current = returning === undefined ? observed : recordOf(returning);
  return ageHistory({ current, alternates }, now, allowedSeconds);
}

/** Drops the alternates superseded more than `allowedSeconds` before `now`. */
export function ageHistory(history: RepomdHistory, now: Date, allowedSeconds: number): RepomdHistory {
  const oldest = now.getTime() - allowedSeconds * 1000;
  return {
    current: history.current,
    alternates: history.alternates.filter((a) => Date.parse(a.superseded_at) >= oldest),
  };
}

/** How a mirror's copy of one `repomd.xml` compares with the reference's history. */
export type RepomdMatch =
  | { match: "current" }
  /** An alternate; `lag_seconds` is how long ago the reference replaced it. */
  | { match: "alternate"; revision: string | null; lag_seconds: number }
  | { match: "none" };

/**
 * Matches a mirror's copy by its SHA-256 and size (what librepo checks). Alternates count only
 * while they are inside the window: aging at check time, not only when the history was written.
 */
export function matchRepomd(
  history: RepomdHistory,
  copy: RepomdDigests,
  now: Date,
  allowedSeconds: number,
): RepomdMatch {
  const same = (r: RepomdRecord) => r.sha256 === copy.sha256 && r.size === copy.size;
  if (same(history.current)) return { match: "current" };
  for (const alternate of ageHistory(history, now, allowedSeconds).alternates) {
    if (same(alternate)) {
      const lag = Math.max(0, Math.round((now.getTime() - Date.parse(alternate.superseded_at)) / 1000));
      return { match: "alternate", revision: alternate.revision, lag_seconds: lag };
    }
  }
  return { match: "none" };
}

function recordOf({ superseded_at: _, ...record }: RepomdAlternate): RepomdRecord {
  return record;
}
