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
import { formatAge } from "./durations.ts";
import type { ReasonCode } from "./reason-catalogue.ts";
import {
  describeFailure,
  failureParams,
  followsUrl,
  isReachFailure,
  type NetworkFailure,
  type RequestOutcome,
} from "./request-outcome.ts";

/**
 * The result of one step: a state, a reason (in English, and as a code with params for other
 * languages), and the URL and status that decided it.
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

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The base URL: any network failure makes the mirror unreachable; an HTTP error, broken. */
export function judgeBase(outcome: RequestOutcome): Verdict {
  if (outcome.kind === "failure") {
    const state = isReachFailure(outcome.failure) ? "unreachable" : "broken";
    const reason = followsUrl(outcome.failure)
      ? urlFailed(outcome.url, outcome.failure)
      : `${capitalise(describeFailure(outcome.failure))}: ${outcome.url}`;
    const params = { url: outcome.url, ...failureParams(outcome.failure) };
    return { state, reason, code: "base-failed", params, url: outcome.url };
  }
  if (!isSuccess(outcome.status)) {
    return {
      state: "broken",
      reason: `The base URL ${outcome.url} answered ${outcome.status}`,
      code: "base-status",
      params: { url: outcome.url, status: outcome.status },
      url: outcome.url,
      http_status: outcome.status,
    };
  }
  return { state: "ok", reason: "The base URL answers", code: "base-ok", params: {} };
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
  if (outcome.kind === "failure") {
    return {
      state: "broken",
      reason: `TIME could not be read: ${
        followsUrl(outcome.failure)
          ? urlFailed(outcome.url, outcome.failure)
          : `${describeFailure(outcome.failure)}: ${outcome.url}`
      }`,
      code: "time-failed",
      params: { url: outcome.url, ...failureParams(outcome.failure) },
      url: outcome.url,
      syncedAt: null,
      ageSeconds: null,
    };
  }
  if (!isSuccess(outcome.status)) {
    return {
      state: "broken",
      reason: `TIME ${outcome.status === 404 ? "missing" : "failed"}: ${outcome.url} answered ${outcome.status}`,
      code: outcome.status === 404 ? "time-missing" : "time-status",
      params: { url: outcome.url, status: outcome.status },
      url: outcome.url,
      http_status: outcome.status,
      syncedAt: null,
      ageSeconds: null,
    };
  }
  const syncedAt = parseTimeFile(outcome.body ?? "");
  if (syncedAt === null) {
    return {
      state: "broken",
      // Not a byte of what it holds: a mirror's answers are never published.
      reason: `TIME holds no epoch time: ${outcome.url}`,
      code: "time-no-epoch",
      params: { url: outcome.url },
      url: outcome.url,
      syncedAt: null,
      ageSeconds: null,
    };
  }
  const ageSeconds = Math.max(0, nowSeconds - syncedAt);
  const said = {
    reason: `TIME is ${formatAge(ageSeconds)} old (allowed: ${allowedLabel})`,
    code: "time-age",
    params: { age: Math.floor(ageSeconds), allowed: allowedLabel },
  } as const;
  if (ageSeconds > allowedSeconds) return { state: "outdated", ...said, url: outcome.url, syncedAt, ageSeconds };
  return { state: "ok", ...said, syncedAt, ageSeconds };
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
  const what = `repodata/repomd.xml`;
  if (outcome.kind === "failure") {
    return {
      state: "broken",
      reason: `${what} failed for ${target.label}: ${urlFailed(outcome.url, outcome.failure)}`,
      code: "repodata-failed",
      params: { label: target.label, url: outcome.url, ...failureParams(outcome.failure) },
      url: outcome.url,
    };
  }
  if (!isSuccess(outcome.status)) {
    const missing = outcome.status === 404 || outcome.status === 410;
    return {
      state: "broken",
      reason: `${what} ${missing ? "missing" : "failed"} for ${target.label}: ${outcome.url} answered ${outcome.status}`,
      code: missing ? "repodata-missing" : "repodata-status",
      params: { label: target.label, url: outcome.url, status: outcome.status },
      url: outcome.url,
      http_status: outcome.status,
    };
  }
  if (outcome.body !== null && !outcome.body.includes("<repomd")) {
    return {
      state: "broken",
      reason: `${what} for ${target.label} is not a repomd document: ${outcome.url}`,
      code: "repodata-not-repomd",
      params: { label: target.label, url: outcome.url },
      url: outcome.url,
      http_status: outcome.status,
    };
  }
  return {
    state: "ok",
    reason: `${what} answers for ${target.label}`,
    code: "repodata-ok",
    params: { label: target.label },
  };
}

/** One ISO file (HEAD): it must answer 2xx. */
export function judgeFile(target: CheckTarget, outcome: RequestOutcome): Verdict {
  if (outcome.kind === "failure") {
    return {
      state: "broken",
      reason: `${target.label} failed: ${urlFailed(outcome.url, outcome.failure)}`,
      code: "file-failed",
      params: { label: target.label, url: outcome.url, ...failureParams(outcome.failure) },
      url: outcome.url,
    };
  }
  if (!isSuccess(outcome.status)) {
    return {
      state: "broken",
      reason: `${target.label} ${outcome.status === 404 ? "missing" : "failed"}: ${outcome.url} answered ${outcome.status}`,
      code: outcome.status === 404 ? "file-missing" : "file-status",
      params: { label: target.label, url: outcome.url, status: outcome.status },
      url: outcome.url,
      http_status: outcome.status,
    };
  }
  return { state: "ok", reason: `${target.label} answers`, code: "file-ok", params: { label: target.label } };
}

/** The sets of files a check goes through, and their names in English reasons. */
export const FILE_SETS = {
  time: "TIME file",
  repodata: "repodata files",
  kitten: "Kitten repodata files",
  isos: "ISO files",
} as const;

export type FileSet = keyof typeof FILE_SETS;

/** The mirror ran out of its whole-check time while files were still being checked. */
export function judgeMirrorDeadline(seconds: number, done: number, total: number, set: FileSet): Verdict {
  return {
    state: "broken",
    reason: `The check stopped after ${seconds} s with ${done} of ${total} ${FILE_SETS[set]} checked: the mirror answers too slowly`,
    code: "deadline",
    params: { variant: set, seconds, done, total },
  };
}

/** The verdict on a healthy mirror: what was checked and how fresh it is. */
export function okVerdict(ageSeconds: number, allowedLabel: string, repodataCount: number): Verdict {
  return {
    state: "ok",
    reason: `All ${repodataCount} repodata files answer; synced ${formatAge(ageSeconds)} ago (allowed: ${allowedLabel})`,
    code: "all-ok",
    params: { count: repodataCount, age: Math.floor(ageSeconds), allowed: allowedLabel },
  };
}

/**
 * "http://…/repomd.xml timed out after 15 s", "http://…/TIME redirects to another host, …",
 * "http://…/TIME: mirror.example.org resolves to 0.0.0.0, …".
 */
function urlFailed(url: string, failure: NetworkFailure): string {
  return `${url}${failure.type === "address-refused" ? ":" : ""} ${describeFailure(failure)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
