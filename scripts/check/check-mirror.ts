/**
 * Checks one mirror: DNS (A and AAAA), the base URL over each family, `TIME`, every required
 * `repodata/repomd.xml`, Kitten when listed, the ISO set when all else is well. Stops a set
 * at its first failure (as upstream does) and the whole mirror at its deadline. The I/O is
 * here; what the observations mean is decided by the core (`classifyMirror`).
 */

import type { RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { sortAddresses } from "../../src/core/status/address-policy.ts";
import { type CheckTarget, mirrorTargets, webBaseUrl } from "../../src/core/status/check-targets.ts";
import { judgeFile, type Verdict } from "../../src/core/status/classify.ts";
import { type RepomdVerdict, repodataJudge } from "../../src/core/status/judge-repomd-content.ts";
import {
  classifyMirror,
  type FileSetObservation,
  type MirrorObservations,
  noWebUrlStatus,
  uncheckedStatus,
} from "../../src/core/status/mirror-status.ts";
import type { RequestOutcome } from "../../src/core/status/request-outcome.ts";
import type { DistributionConfig, Mirror, MirrorStatus } from "../../src/core/types.ts";
import type { Family, HttpClient, HttpSession, RequestOptions } from "./http-client.ts";
import { type ResolveHost, resolveWithin } from "./resolve.ts";

export interface MirrorCheckSettings {
  client: HttpClient;
  resolve: ResolveHost;
  config: DistributionConfig;
  /** The whole check of one mirror, in milliseconds. */
  mirrorTimeoutMs: number;
  /** Requests of one mirror in flight at once (the client's per-host limit also applies). */
  parallel: number;
  checkIsos: boolean;
  /** The reference's `repomd.xml` history by repo key; null or empty without a reference. */
  repomd: ReadonlyMap<string, RepomdHistory> | null;
  now?: () => number;
}

/** Caps on what is read: a base page is drained up to 64 KiB, `TIME` is a number, repomd.xml a few KiB. */
const BASE_BYTES = 64 * 1024;
const TIME_BYTES = 4 * 1024;
const REPOMD_BYTES = 512 * 1024;

export async function checkMirror(mirror: Mirror, s: MirrorCheckSettings): Promise<MirrorStatus> {
  const now = s.now ?? Date.now;
  const startedMs = now();
  const checkedAt = new Date(startedMs).toISOString();
  if (mirror.private) return uncheckedStatus(checkedAt, webBaseUrl(mirror.urls));
  const targets = mirrorTargets(mirror, s.config);
  if (targets === null) return noWebUrlStatus(checkedAt);
  const clock = performance.now();
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), s.mirrorTimeoutMs);
  const signal = controller.signal;
  const o: MirrorObservations = {
    checkedAt,
    nowSeconds: startedMs / 1000,
    allowedSeconds: s.config.allowedOutdateSeconds,
    allowedLabel: s.config.allowedOutdate,
    mirrorTimeoutSeconds: s.mirrorTimeoutMs / 1000,
    targets,
    reference:
      s.repomd === null || s.repomd.size === 0
        ? null
        : { histories: s.repomd, now: new Date(startedMs), allowedSeconds: s.config.allowedOutdateSeconds },
    dnsFailure: null,
    addresses: { ipv4: [], ipv6: [] },
    refusedAddresses: null,
    reach: { ipv4: null, ipv6: null },
    base: null,
    time: null,
    repodata: null,
    kitten: null,
    isos: null,
    timings: { total_ms: 0 },
  };
  const session = s.client.session();
  try {
    await observe(o, { ...s, session }, signal);
  } finally {
    session.close();
    clearTimeout(deadline);
    o.timings.total_ms = Math.round(performance.now() - clock);
  }
  return classifyMirror(o);
}

/** The settings of one mirror's check, with its HTTP session. */
type Scoped = MirrorCheckSettings & { session: HttpSession };

async function observe(o: MirrorObservations, s: Scoped, signal: AbortSignal): Promise<void> {
  const { targets } = o;
  let started = performance.now();
  const timeoutMs = s.client.options.timeoutMs;
  const addresses = await resolveWithin(s.resolve, new URL(targets.baseUrl).hostname, timeoutMs, signal);
  o.timings.dns_ms = since(started);
  o.reach = { ipv4: false, ipv6: false };
  if (addresses === "aborted") return;
  if (addresses === "timeout") {
    o.dnsFailure = { type: "dns-timeout", seconds: timeoutMs / 1000 };
    return;
  }
  o.addresses = { ipv4: addresses.ipv4, ipv6: addresses.ipv6 };
  if (addresses.ipv4.length === 0 && addresses.ipv6.length === 0) {
    o.dnsFailure = addresses.failure ?? { type: "dns", code: "ENODATA" };
    return;
  }
  // Only families with an address the checker may connect to are tried (each hop checks again).
  const policy = { allowPrivate: s.client.options.allowPrivateAddresses };
  const v4 = sortAddresses(addresses.ipv4, policy);
  const v6 = sortAddresses(addresses.ipv6, policy);
  if (v4.allowed.length === 0 && v6.allowed.length === 0) {
    o.refusedAddresses = [...v4.refused, ...v6.refused];
    return;
  }

  // The base URL over each family at once: reachability of both, and a family for the rest.
  started = performance.now();
  const families: Family[] = [];
  if (v4.allowed.length > 0) families.push(4);
  if (v6.allowed.length > 0) families.push(6);
  const bases = await Promise.all(
    families.map((family) =>
      s.session.request(targets.baseUrl, { method: "GET", body: "discard", maxBytes: BASE_BYTES, family, signal }),
    ),
  );
  o.timings.base_ms = since(started);
  if (signal.aborted) return;
  families.forEach((family, i) => {
    const base = bases[i];
    // No route for the family here (a runner without IPv6) says nothing about the mirror.
    const unknown = base?.kind === "failure" && base.failure.type === "unreachable-network";
    o.reach[family === 4 ? "ipv4" : "ipv6"] = unknown ? null : base?.kind === "response";
  });
  const answered = bases.findIndex((b) => b.kind === "response" && b.status >= 200 && b.status < 300);
  const chosen =
    answered >= 0
      ? answered
      : Math.max(
          0,
          bases.findIndex((b) => b.kind === "response"),
        );
  o.base = bases[chosen] ?? null;
  const family = families[chosen] ?? 4;
  if (answered < 0) return;

  started = performance.now();
  const time = await s.session.request(targets.timeUrl, {
    method: "GET",
    body: "read",
    maxBytes: TIME_BYTES,
    family,
    signal,
  });
  o.timings.time_ms = since(started);
  if (signal.aborted) return;
  o.time = time;

  started = performance.now();
  const repomd: RequestOptions = { method: "GET", body: "read", maxBytes: REPOMD_BYTES, family, signal };
  const judgeRepodata = repodataJudge(o.reference);
  o.repodata = await checkSet(s, targets.repodata, repomd, judgeRepodata, signal);
  o.timings.repodata_ms = since(started);
  if (targets.kitten.length > 0 && !signal.aborted) {
    o.kitten = await checkSet(s, targets.kitten, repomd, judgeRepodata, signal);
  }
  const healthy = o.repodata.failure === null && !o.repodata.stopped;
  if (s.checkIsos && healthy && targets.isos.length > 0 && !signal.aborted) {
    const head: RequestOptions = { method: "HEAD", body: "discard", maxBytes: 0, family, signal };
    o.isos = await checkSet(s, targets.isos, head, judgeFile, signal);
  }
}

/**
 * Fetches a set of files with a few in flight, stopping at the first failure or at the
 * mirror's deadline.
 */
async function checkSet(
  s: Scoped,
  targets: readonly CheckTarget[],
  options: RequestOptions,
  judge: (target: CheckTarget, outcome: RequestOutcome) => Verdict & Pick<RepomdVerdict, "behind">,
  signal: AbortSignal,
): Promise<FileSetObservation> {
  let next = 0;
  let passed = 0;
  const behind: FileSetObservation["behind"] = [];
  let failure: FileSetObservation["failure"] = null;
  const worker = async () => {
    while (failure === null && !signal.aborted) {
      const target = targets[next++];
      if (target === undefined) return;
      const outcome = await s.session.request(target.url, options);
      if (signal.aborted) return;
      const verdict = judge(target, outcome);
      if (verdict.state === "ok") passed++;
      else failure ??= { target, outcome };
      if (verdict.behind !== undefined) behind.push(verdict.behind);
    }
  };
  await Promise.all(Array.from({ length: Math.min(s.parallel, targets.length) }, worker));
  return { total: targets.length, passed, failure, stopped: failure === null && passed < targets.length, behind };
}

function since(started: number): number {
  return Math.round(performance.now() - started);
}
