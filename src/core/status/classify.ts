/**
 * Classification: from what the checker saw (request outcomes, as data) to a state and a
 * reason a mirror owner can act on. Each `judge…` function looks at one step; the checker
 * calls them as it goes, so that a mirror that fails early is not asked for more.
 *
 * Severity, worst first: `unreachable` (the base URL gets no HTTP answer) > `broken`
 * (it answers, but a file is missing or fails) > `outdated` (`TIME` too old) > `ok`.
 */
import type { DiagnosticParams } from "../diagnostic-text.ts";
import type { MirrorState } from "../types.ts";
import type { CheckTarget } from "./check-targets.ts";
import type { ReasonCode } from "./reason-catalogue.ts";
import { englishReason } from "./reason-text.ts";
import { failureParams, isReachFailure, type RequestOutcome } from "./request-outcome.ts";

/**
 * The result of one step: a state, a reason (as a code with params, and in English, rendered
 * from the catalogue), and the URL and status that decided it.
 */
export interface Verdict {
  state: MirrorState;
  reason: string;
  code: ReasonCode;
  params: DiagnosticParams;
  /** The URL that decided a non-ok verdict. */
  url?: string;
  /** Its HTTP status, when it answered. */
  http_status?: number;
}

/** What `TIME` said, when it was read. */
export interface TimeReading extends Verdict {
  /** The sync time it holds, in epoch seconds; null when unreadable. */
  syncedAt: number | null;
  /** How old that sync was at check time, in seconds (0 for a time in the future). */
  ageSeconds: number | null;
}

const SEVERITY: Record<MirrorState, number> = { ok: 0, outdated: 1, broken: 2, unreachable: 3 };

/** The worse of two verdicts (the first one on a tie, as it was found first). */
export function worse(a: Verdict, b: Verdict): Verdict {
  return SEVERITY[b.state] > SEVERITY[a.state] ? b : a;
}

/** Where a non-ok verdict came from: the URL, and its HTTP status when it answered. */
export interface DecidedBy {
  url?: string;
  http_status?: number;
}

/**
 * A verdict whose English `reason` is the catalogue's wording of `code` with `params`: the one
 * way a judge words a reason, so that the status file and every page say the same thing.
 */
export function verdict(state: MirrorState, code: ReasonCode, params: DiagnosticParams, by: DecidedBy = {}): Verdict {
  return { state, reason: englishReason(code, params), code, params, ...by };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The base URL: any network failure makes the mirror unreachable; an HTTP error, broken. */
export function judgeBase(outcome: RequestOutcome): Verdict {
  const { url } = outcome;
  if (outcome.kind === "failure") {
    const state = isReachFailure(outcome.failure) ? "unreachable" : "broken";
    return verdict(state, "base-failed", { url, ...failureParams(outcome.failure) }, { url });
  }
  if (!isSuccess(outcome.status)) {
    const { status } = outcome;
    return verdict("broken", "base-status", { url, status }, { url, http_status: status });
  }
  return verdict("ok", "base-ok", {});
}

/**
 * `TIME` at the mirror root: an epoch time (upstream writes a float, such as `1784203201.5`),
 * at most `allowedSeconds` old at `nowSeconds`. A time in the future counts as fresh.
 */
export function judgeTime(
  outcome: RequestOutcome,
  nowSeconds: number,
  allowedSeconds: number,
  allowedLabel: string,
): TimeReading {
  const { url } = outcome;
  const unread = { syncedAt: null, ageSeconds: null };
  if (outcome.kind === "failure") {
    return { ...verdict("broken", "time-failed", { url, ...failureParams(outcome.failure) }, { url }), ...unread };
  }
  if (!isSuccess(outcome.status)) {
    const { status } = outcome;
    const code = status === 404 ? "time-missing" : "time-status";
    return { ...verdict("broken", code, { url, status }, { url, http_status: status }), ...unread };
  }
  const syncedAt = parseTimeFile(outcome.body ?? "");
  // Not a byte of what it holds: a mirror's answers are never published.
  if (syncedAt === null) return { ...verdict("broken", "time-no-epoch", { url }, { url }), ...unread };
  const ageSeconds = Math.max(0, nowSeconds - syncedAt);
  const params = { age: Math.floor(ageSeconds), allowed: allowedLabel };
  const read = { syncedAt, ageSeconds };
  if (ageSeconds > allowedSeconds) return { ...verdict("outdated", "time-age", params, { url }), ...read };
  return { ...verdict("ok", "time-age", params), ...read };
}

/** Reads a `TIME` file: one number of epoch seconds, possibly with a fraction; null otherwise. */
export function parseTimeFile(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{9,11}(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * One `repodata/repomd.xml`: it must answer 2xx with a repomd document. `body` is null when
 * the checker did not read it (then the status alone decides).
 */
export function judgeRepodata(target: CheckTarget, outcome: RequestOutcome): Verdict {
  const { url } = outcome;
  const { label } = target;
  if (outcome.kind === "failure") {
    return verdict("broken", "repodata-failed", { label, url, ...failureParams(outcome.failure) }, { url });
  }
  const by = { url, http_status: outcome.status };
  if (!isSuccess(outcome.status)) {
    const code = outcome.status === 404 || outcome.status === 410 ? "repodata-missing" : "repodata-status";
    return verdict("broken", code, { label, url, status: outcome.status }, by);
  }
  if (outcome.body !== null && !outcome.body.includes("<repomd")) {
    return verdict("broken", "repodata-not-repomd", { label, url }, by);
  }
  return verdict("ok", "repodata-ok", { label });
}

/** One ISO file (HEAD): it must answer 2xx. */
export function judgeFile(target: CheckTarget, outcome: RequestOutcome): Verdict {
  const { url } = outcome;
  const { label } = target;
  if (outcome.kind === "failure") {
    return verdict("broken", "file-failed", { label, url, ...failureParams(outcome.failure) }, { url });
  }
  if (!isSuccess(outcome.status)) {
    const { status } = outcome;
    const code = status === 404 ? "file-missing" : "file-status";
    return verdict("broken", code, { label, url, status }, { url, http_status: status });
  }
  return verdict("ok", "file-ok", { label });
}

/** The sets of files a check goes through (each a variant of the `deadline` and `set-ok` reasons). */
export type FileSet = "time" | "repodata" | "kitten" | "isos";

/** The mirror ran out of its whole-check time while files were still being checked. */
export function judgeMirrorDeadline(seconds: number, done: number, total: number, set: FileSet): Verdict {
  return verdict("broken", "deadline", { variant: set, seconds, done, total });
}

/** The verdict on a healthy mirror: what was checked and how fresh it is. */
export function okVerdict(ageSeconds: number, allowedLabel: string, repodataCount: number): Verdict {
  return verdict("ok", "all-ok", { count: repodataCount, age: Math.floor(ageSeconds), allowed: allowedLabel });
}
