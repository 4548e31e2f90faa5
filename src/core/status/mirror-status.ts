/**
 * One mirror's status entry, assembled from everything its check observed. The checker
 * records observations as plain data (see `request-outcome.ts`); this decides what they mean.
 */
import type { FolderReason, FolderVerdict } from "../images/folder-state.ts";
import type { MirrorState, MirrorStatus, MirrorTimings, RepoBehind } from "../types.ts";
import type { CheckTarget, MirrorTargets } from "./check-targets.ts";
import {
  type FileSet,
  judgeBase,
  judgeFile,
  judgeMirrorDeadline,
  judgeTime,
  okVerdict,
  type TimeReading,
  type Verdict,
  verdict,
  worse,
} from "./classify.ts";
import { type RepomdReference, repodataJudge } from "./judge-repomd-content.ts";
import type { ReasonCode } from "./reason-catalogue.ts";
import { failureParams, type NetworkFailure, type RefusedAddress, type RequestOutcome } from "./request-outcome.ts";

/** How a set of files fared: checking stops at the first failure (as upstream's does). */
export interface FileSetObservation {
  /** Files in the set. */
  total: number;
  /** Files that answered well. */
  passed: number;
  /** The first file that failed, with its outcome; null when none failed. */
  failure: { target: CheckTarget; outcome: RequestOutcome } | null;
  /** True when the mirror's whole-check time ran out before the set was done. */
  stopped: boolean;
  /** Files that matched an earlier, still acceptable, version of the reference's. */
  behind: RepoBehind[];
}

/** Everything one check of one mirror saw. */
export interface MirrorObservations {
  /** ISO 8601 time the check of this mirror started. */
  checkedAt: string;
  /** The same time, in epoch seconds (the reference for `TIME`'s age). */
  nowSeconds: number;
  /** `allowed_outdate` from the config, in seconds and as written (`12h`). */
  allowedSeconds: number;
  allowedLabel: string;
  /** The mirror's whole-check time limit, in seconds. */
  mirrorTimeoutSeconds: number;
  targets: MirrorTargets;
  /** The reference's `repomd.xml` history to judge content by; null without a reference. */
  reference: RepomdReference | null;
  /** Set when the host name has no address at all. */
  dnsFailure: NetworkFailure | null;
  addresses: { ipv4: string[]; ipv6: string[] };
  /**
   * Set when the host has addresses but none the checker may connect to (all loopback,
   * private, link-local …): then nothing was requested.
   */
  refusedAddresses: RefusedAddress[] | null;
  /** Whether a request over each family got an HTTP answer; null when not tried. */
  reach: { ipv4: boolean | null; ipv6: boolean | null };
  /** Null when not reached (DNS failed, or the mirror's time ran out first). */
  base: RequestOutcome | null;
  time: RequestOutcome | null;
  repodata: FileSetObservation | null;
  /** Null when the mirror lists no Kitten tree or it was not reached. */
  kitten: FileSetObservation | null;
  /** Null when not checked (the mirror is not ok). */
  isos: FileSetObservation | null;
  /** Each image folder's state by folder key; null when not checked (the mirror is not ok). */
  images: Record<string, FolderVerdict> | null;
  timings: MirrorTimings;
}

/** The status entry of a mirror that is not checked (private). */
export function uncheckedStatus(checkedAt: string, baseUrl: string | null): MirrorStatus {
  return {
    ...reasonFields(verdict("ok", "private-unchecked", {})),
    checked_at: checkedAt,
    checked: false,
    ...(baseUrl === null ? {} : { base_url: baseUrl }),
    ipv4: null,
    ipv6: null,
  };
}

/** The status entry of a mirror that lists no http or https URL: there is nothing to check. */
export function noWebUrlStatus(checkedAt: string): MirrorStatus {
  return { ...reasonFields(verdict("broken", "no-web-url", {})), checked_at: checkedAt };
}

/** The status entry for one mirror's observations. Pure. */
export function classifyMirror(o: MirrorObservations): MirrorStatus {
  const time = o.time === null ? null : judgeTime(o.time, o.nowSeconds, o.allowedSeconds, o.allowedLabel);
  const main = mainVerdict(o, time);
  const status: MirrorStatus = {
    ...reasonFields(main),
    checked_at: o.checkedAt,
    checked: true,
    base_url: o.targets.baseUrl,
    ipv4: o.reach.ipv4,
    ipv6: o.reach.ipv6,
    addresses: o.addresses,
    timings: o.timings,
  };
  if (main.url !== undefined) status.url = main.url;
  if (main.http_status !== undefined) status.http_status = main.http_status;
  const synced = time?.syncedAt ?? null;
  if (synced !== null) status.synced_at = new Date(synced * 1000).toISOString();
  if (o.repodata !== null) status.repodata = { checked: o.repodata.passed, total: o.repodata.total };
  if (o.reference !== null && main.state === "ok" && o.repodata?.passed === o.repodata?.total) {
    const behind = [...(o.repodata?.behind ?? [])].sort(
      (a, b) => b.lag_seconds - a.lag_seconds || (a.repo < b.repo ? -1 : 1),
    );
    status.lag_seconds = behind[0]?.lag_seconds ?? 0;
    if (behind.length > 0) status.repomd_behind = behind;
  }
  const judgeRepodata = repodataJudge(o.reference);
  if (o.kitten !== null) {
    const kitten = fileSetVerdict(o.kitten, o.mirrorTimeoutSeconds, "kitten", judgeRepodata);
    status.kitten = reasonFields(kitten);
  }
  if (o.isos !== null) {
    const isos = fileSetVerdict(o.isos, o.mirrorTimeoutSeconds, "isos", judgeFile);
    const { state, ...reason } = reasonFields(isos);
    status.isos = { complete: state === "ok", ...reason };
  }
  if (o.images !== null) {
    status.images = o.images;
    const isos = isoSummary(o.images);
    if (isos !== null) status.isos ??= isos;
  }
  return status;
}

function mainVerdict(o: MirrorObservations, time: TimeReading | null): Verdict {
  const { baseUrl } = o.targets;
  if (o.dnsFailure !== null) {
    const host = new URL(baseUrl).hostname;
    return verdict("unreachable", "host-failed", { host, ...failureParams(o.dnsFailure) });
  }
  if (o.refusedAddresses !== null) {
    const host = new URL(baseUrl).hostname;
    const failure = { type: "address-refused", host, refused: o.refusedAddresses } as const;
    return verdict("unreachable", "host-failed", { host, ...failureParams(failure) }, { url: baseUrl });
  }
  if (o.base === null) {
    return verdict("unreachable", "no-answer", { seconds: o.mirrorTimeoutSeconds, url: baseUrl }, { url: baseUrl });
  }
  const base = judgeBase(o.base);
  if (base.state !== "ok") return base;
  if (time === null) return judgeMirrorDeadline(o.mirrorTimeoutSeconds, 0, 1, "time");
  const judgeRepodata = repodataJudge(o.reference);
  const repodata =
    o.repodata === null ? null : fileSetVerdict(o.repodata, o.mirrorTimeoutSeconds, "repodata", judgeRepodata);
  const files = repodata ?? judgeMirrorDeadline(o.mirrorTimeoutSeconds, 0, o.targets.repodata.length, "repodata");
  const worst = worse(time, files);
  if (worst.state !== "ok") return worst;
  return okVerdict(time.ageSeconds ?? 0, o.allowedLabel, o.targets.repodata.length);
}

function fileSetVerdict(
  set: FileSetObservation,
  timeoutSeconds: number,
  what: Exclude<FileSet, "time">,
  judge: (target: CheckTarget, outcome: RequestOutcome) => Verdict,
): Verdict {
  if (set.failure !== null) return judge(set.failure.target, set.failure.outcome);
  if (set.stopped) return judgeMirrorDeadline(timeoutSeconds, set.passed, set.total, what);
  return verdict("ok", "set-ok", { variant: what, total: set.total });
}

/**
 * The ISO folders in one flag, as pages before per-folder states read it: complete when every one
 * the origin publishes matched its `CHECKSUM` (or the one before).
 */
function isoSummary(images: Readonly<Record<string, FolderVerdict>>): NonNullable<MirrorStatus["isos"]> | null {
  const isos = Object.entries(images)
    .filter(([key]) => key.startsWith("isos/"))
    .map(([, folder]) => folder);
  if (isos.length === 0) return null;
  // Only `verified`, `present` and `behind` are complete; every other state has a reason.
  const gap = isos.find((f): f is FolderVerdict & FolderReason => "reason" in f && f.state !== "behind");
  if (gap === undefined) {
    const { reason, code, params } = verdict("ok", "iso-folders-ok", { total: isos.length });
    return { complete: true, reason, reason_code: code, reason_params: { ...params } };
  }
  const { reason, reason_code, reason_params } = gap;
  return { complete: false, reason, reason_code, reason_params };
}

/** A verdict's state and reason as the status file stores them: the English, the code and its params. */
function reasonFields(v: Verdict): {
  state: MirrorState;
  reason: string;
  reason_code: ReasonCode;
  reason_params: Record<string, string | number>;
} {
  return { state: v.state, reason: v.reason, reason_code: v.code, reason_params: { ...v.params } };
}
