/**
 * Checks every mirror of a registry, a bounded number at a time, and returns the status file.
 * One mirror's trouble never stops the run: each check ends at its own deadline. Each entry
 * carries its mirror's history forward from the previous file; a mirror no longer in the
 * registry leaves with its history.
 */
import type { RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { advanceHistory } from "../../src/core/status/history.ts";
import type {
  DistributionConfig,
  Mirror,
  MirrorStatus,
  OriginImageFolder,
  ReferenceTree,
  StatusFile,
} from "../../src/core/types.ts";
import { checkMirror } from "./check-mirror.ts";
import { HttpClient } from "./http-client.ts";
import { Limiter } from "./limiter.ts";
import { readOriginImages } from "./origin-images.ts";
import { type ReferenceReading, readReference } from "./reference.ts";
import type { ResolveHost } from "./resolve.ts";

export interface RunOptions {
  resolve: ResolveHost;
  userAgent: string;
  /** Mirrors checked at once. */
  concurrency: number;
  /** Requests in flight over the whole run, and to one host. */
  globalLimit: number;
  perHostLimit: number;
  /** Per request, and per mirror, in milliseconds. */
  timeoutMs: number;
  mirrorTimeoutMs: number;
  maxRedirects: number;
  /** Connect to loopback and private addresses too (`MIRRORS_ALLOW_PRIVATE_ADDRESSES=1`, tests only). */
  allowPrivateAddresses: boolean;
  checkIsos: boolean;
  /** The origin trees to compare content with (`reference_url`, or `--reference`); empty for none. */
  references: readonly ReferenceTree[];
  /** The `repomd.xml` history of the previous status file, carried forward. */
  previousRepomd: ReadonlyMap<string, RepomdHistory>;
  /** The origin's image folder records of the previous status file, carried forward. */
  previousImages: ReadonlyMap<string, OriginImageFolder>;
  /** The previous status file's entries, whose history each mirror's new entry carries forward. */
  previousMirrors: ReadonlyMap<string, MirrorStatus>;
  /** Called as each mirror's check ends. */
  onMirror?: (name: string, status: MirrorStatus) => void;
}

/** The status file, and how the reading of the reference went (null without a reference). */
export interface RunResult {
  status: StatusFile;
  reference: ReferenceReading | null;
  /** How many image folders' CHECKSUMs the origin gave, of how many asked (null without a reference). */
  origin: { asked: number; read: number } | null;
}

export async function checkRegistry(
  mirrors: readonly Mirror[],
  config: DistributionConfig,
  options: RunOptions,
): Promise<RunResult> {
  const client = new HttpClient({
    resolve: options.resolve,
    userAgent: options.userAgent,
    globalLimit: options.globalLimit,
    perHostLimit: options.perHostLimit,
    timeoutMs: options.timeoutMs,
    maxRedirects: options.maxRedirects,
    allowPrivateAddresses: options.allowPrivateAddresses,
  });
  const reference =
    options.references.length === 0
      ? null
      : await readReference(client, config, options.references, options.previousRepomd, new Date());
  const main = options.references.find((r) => r.tree === "main");
  const origin =
    main === undefined || !options.checkIsos
      ? null
      : await readOriginImages(client, config, main.url, options.previousImages, new Date());
  const settings = {
    client,
    repomd: reference?.repomd ?? null,
    images: origin?.images ?? null,
    resolve: options.resolve,
    config,
    mirrorTimeoutMs: options.mirrorTimeoutMs,
    parallel: options.perHostLimit,
    checkIsos: options.checkIsos,
  };
  const limiter = new Limiter(options.concurrency);
  const results = new Map<string, MirrorStatus>();
  await Promise.all(
    mirrors.map((mirror) =>
      limiter.run(async () => {
        const status = await checkMirror(mirror, settings);
        status.history = advanceHistory(options.previousMirrors.get(mirror.name), status);
        results.set(mirror.name, status);
        options.onMirror?.(mirror.name, status);
      }),
    ),
  );
  const sorted = [...results.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const status: StatusFile = { checked_at: new Date().toISOString(), mirrors: Object.fromEntries(sorted) };
  // Without a reference this run, the previous history is kept as it was: it is not this run's to drop.
  const repomd = reference?.repomd ?? options.previousRepomd;
  if (repomd.size > 0) status.repomd = Object.fromEntries([...repomd].sort(([a], [b]) => (a < b ? -1 : 1)));
  const images = origin?.images ?? options.previousImages;
  if (images.size > 0) status.images = Object.fromEntries(images);
  return { status, reference, origin: origin && { asked: origin.asked, read: origin.read } };
}
