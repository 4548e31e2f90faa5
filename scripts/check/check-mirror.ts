/**
 * Checks one mirror: DNS (A and AAAA), the base URL over each family, `TIME`, every required
 * `repodata/repomd.xml`, Kitten when listed, the ISO set when all else is well. Stops a set
 * at its first failure (as upstream does) and the whole mirror at its deadline. The I/O is
 * here; what the observations mean is decided by the core (`classifyMirror`).
 */

import { MAX_CHECKSUM_BYTES } from "../../src/core/images/checksum-file.ts";
import { type FolderVerdict, folderVerdict, judgeImageFolder } from "../../src/core/images/folder-state.ts";
import type { RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { sortAddresses } from "../../src/core/status/address-policy.ts";
import { type CheckTarget, type ImageTarget, mirrorTargets, webBaseUrl } from "../../src/core/status/check-targets.ts";
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
import type { DistributionConfig, Mirror, MirrorStatus, OriginImageFolder } from "../../src/core/types.ts";
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
  /** The origin's `CHECKSUM` of each image folder by folder key; null without a reference. */
  images: ReadonlyMap<string, OriginImageFolder> | null;
  now?: () => number;
}

/** Caps on what is read: a base page is drained up to 64 KiB, `TIME` is a number, repomd.xml a few KiB. */
const BASE_BYTES = 64 * 1024;
const TIME_BYTES = 4 * 1024;
const REPOMD_BYTES = 512 * 1024;
/** Image folders of one mirror checked at once. */
const IMAGE_PARALLEL = 4;

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
    images: null,
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
  if (!s.checkIsos || !healthy || signal.aborted) return;
  const head: RequestOptions = { method: "HEAD", body: "discard", maxBytes: 0, family, signal };
  // With the origin's CHECKSUMs (a reference that has published any): compared by content.
  if (s.images !== null && s.images.size > 0) {
    o.images = await checkImageFolders(s, targets.images, s.images, family, signal);
    return;
  }
  // Without a reference: today's presence check of the ISO set, and each folder's CHECKSUM by HEAD.
  if (targets.isos.length > 0) o.isos = await checkSet(s, targets.isos, head, judgeFile, signal);
  if (!signal.aborted) o.images = await presenceOfFolders(s, targets.images, head, signal);
}

/** Each folder the origin publishes: its `CHECKSUM` read and compared with the origin's. */
async function checkImageFolders(
  s: Scoped,
  targets: readonly ImageTarget[],
  origin: ReadonlyMap<string, OriginImageFolder>,
  family: Family,
  signal: AbortSignal,
): Promise<Record<string, FolderVerdict>> {
  const read: RequestOptions = { method: "GET", body: "read", maxBytes: MAX_CHECKSUM_BYTES, family, signal };
  const now = new Date((s.now ?? Date.now)());
  const published = targets.filter((t) => origin.has(t.folder.key));
  return eachFolder(published, signal, async (target) => {
    const outcome = await s.session.request(target.url, read);
    const record = origin.get(target.folder.key) as OriginImageFolder;
    return judgeImageFolder(target.folder, record, outcome, now, s.config.allowedOutdateSeconds);
  });
}

/** Without a reference: a folder is present when its `CHECKSUM` answers. */
function presenceOfFolders(
  s: Scoped,
  targets: readonly ImageTarget[],
  head: RequestOptions,
  signal: AbortSignal,
): Promise<Record<string, FolderVerdict>> {
  return eachFolder(targets, signal, async (target) => {
    const outcome = await s.session.request(target.url, head);
    const ok = outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300;
    return ok ? { state: "present" } : folderVerdict("absent", "folder-absent", { url: target.url });
  });
}

/** Runs `judge` over the folders a few at a time; a folder the deadline cut off stays out. */
async function eachFolder(
  targets: readonly ImageTarget[],
  signal: AbortSignal,
  judge: (target: ImageTarget) => Promise<FolderVerdict>,
): Promise<Record<string, FolderVerdict>> {
  const states = new Map<string, FolderVerdict>();
  let next = 0;
  const worker = async () => {
    for (let target = targets[next++]; target !== undefined && !signal.aborted; target = targets[next++]) {
      const state = await judge(target);
      if (!signal.aborted) states.set(target.folder.key, state);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMAGE_PARALLEL, targets.length) }, worker));
  // Keys in folder order, so the file reads the same from run to run.
  const ordered: Record<string, FolderVerdict> = {};
  for (const { folder } of targets) {
    const state = states.get(folder.key);
    if (state !== undefined) ordered[folder.key] = state;
  }
  return ordered;
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
