/**
 * Reads the reference's `repomd.xml` files (every full version, repo and arch the mirrors are
 * checked for, Kitten too) and carries their history forward from the previous status file.
 * A file the reference does not give leaves its history as it was (aged), never emptied.
 */
import { advanceHistory, type RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { describeRepomd, type RepomdRecord } from "../../src/core/repomd/repomd-record.ts";
import { type CheckTarget, treeTargets } from "../../src/core/status/check-targets.ts";
import type { DistributionConfig, ReferenceTree } from "../../src/core/types.ts";
import type { HttpClient, HttpSession } from "./http-client.ts";

/** A reference repomd.xml is a few KiB; anything far past this is not one. */
const REPOMD_BYTES = 512 * 1024;
/** Files fetched from the reference at once. */
const PARALLEL = 8;

export interface ReferenceReading {
  /** Repo key → history, for every key the config asks for that has one. */
  repomd: Map<string, RepomdHistory>;
  /** Files asked for, and read. */
  asked: number;
  read: number;
  /** The first few keys that could not be read, for the summary. */
  failed: string[];
}

export async function readReference(
  client: HttpClient,
  config: DistributionConfig,
  references: readonly ReferenceTree[],
  previous: ReadonlyMap<string, RepomdHistory>,
  now: Date,
): Promise<ReferenceReading> {
  const targets = references.flatMap(({ tree, url }) => treeTargets(url, tree, config));
  const session = client.session();
  const reading: ReferenceReading = { repomd: new Map(), asked: targets.length, read: 0, failed: [] };
  try {
    let next = 0;
    const worker = async () => {
      for (let target = targets[next++]; target !== undefined; target = targets[next++]) {
        const key = target.key as string;
        const observed = await fetchRepomd(session, target, now);
        if (observed === null) {
          if (reading.failed.length < 5) reading.failed.push(key);
        } else reading.read++;
        const history = advanceHistory(previous.get(key), observed, now, config.allowedOutdateSeconds);
        if (history !== undefined) reading.repomd.set(key, history);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, targets.length) }, worker));
  } finally {
    session.close();
  }
  return reading;
}

/** One reference file, over IPv4 or, for a host without an IPv4 address, IPv6; null when not read. */
async function fetchRepomd(session: HttpSession, target: CheckTarget, at: Date): Promise<RepomdRecord | null> {
  for (const family of [4, 6] as const) {
    const outcome = await session.request(target.url, { method: "GET", body: "read", maxBytes: REPOMD_BYTES, family });
    if (outcome.kind === "failure" && outcome.failure.type === "dns") continue;
    if (outcome.kind !== "response" || outcome.status < 200 || outcome.status >= 300) return null;
    if (outcome.bytes === undefined || !outcome.body?.includes("<repomd")) return null;
    return describeRepomd(outcome.bytes, at.toISOString());
  }
  return null;
}
