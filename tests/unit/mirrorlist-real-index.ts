/** The real registry's mirrorlist index, exported once per test file, and answer helpers. */
import { loadRegistry } from "../../src/core/load.ts";
import { type Answer, answerRequest } from "../../src/core/mirrorlist/answer.ts";
import { type ClientCf, clientFromRequest } from "../../src/core/mirrorlist/client.ts";
import { exportIndex } from "../../src/core/mirrorlist/export-index.ts";
import { type PreparedIndex, prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { advanceHistory, type RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { describeRepomd } from "../../src/core/repomd/repomd-record.ts";
import { treeTargets } from "../../src/core/status/check-targets.ts";
import type { Registry, StatusFile } from "../../src/core/types.ts";
import { geonamesLocator } from "../../src/site/mirror-coordinates.ts";

let cached: { registry: Registry; prepared: PreparedIndex; locate: ReturnType<typeof geonamesLocator> } | null = null;

/** The real registry, its locator and its prepared index (built on first call). */
export function realIndex() {
  if (!cached) {
    const registry = loadRegistry();
    const locate = geonamesLocator();
    cached = { registry, locate, prepared: prepareIndex(exportIndex(registry, locate)) };
  }
  return cached;
}

/** A fixed day, so that seeded orders are the same on every run. */
export const DAY = new Date("2026-03-14T10:00:00Z");

/** The answer for `path` (with its query) to a client with that address and `cf` data. */
export function ask(
  path: string,
  ip: string | null = null,
  cf: ClientCf = {},
  prepared = realIndex().prepared,
): Answer {
  const url = new URL(path, "http://test.invalid");
  return answerRequest(prepared, url.pathname, url.search, clientFromRequest(ip, cf), DAY);
}

/** The host of each line of a 200 answer. */
export function hosts(answer: Answer): string[] {
  return answer.body
    .trimEnd()
    .split("\n")
    .map((line) => new URL(line).host);
}

export const FRANKFURT = { country: "DE", continent: "EU", latitude: "50.1109", longitude: "8.6821" };

/** When the hashes of `realIndexWithHashes` were taken. */
export const HASHES_CHECKED_AT = "2026-03-14T09:00:00.000Z";

let withHashes: { status: StatusFile; repomd: Record<string, RepomdHistory>; prepared: PreparedIndex } | null = null;

/**
 * The real registry with a status in which every mirror is `ok` and the reference's history
 * has, for every repo of the real config, revision 2 current and revision 1 an alternate.
 */
export function realIndexWithHashes() {
  if (!withHashes) {
    const { registry, locate } = realIndex();
    const config = registry.config;
    if (!config) throw new Error("the real config is invalid");
    const at = (iso: string) => new Date(iso);
    const repomd = Object.fromEntries(
      ["main", "kitten"]
        .flatMap((tree) => treeTargets("https://origin.invalid/", tree, config))
        .map(({ key = "" }) => {
          const file = (n: number) => new TextEncoder().encode(`<repomd><revision>${n}</revision>${key}</repomd>`);
          const first = advanceHistory(
            undefined,
            describeRepomd(file(1), "2026-03-14T01:00:00.000Z"),
            at("2026-03-14T01:00:00Z"),
            43_200,
          );
          const second = advanceHistory(
            first,
            describeRepomd(file(2), "2026-03-14T05:00:00.000Z"),
            at("2026-03-14T05:00:00Z"),
            43_200,
          );
          return [key, second as RepomdHistory];
        }),
    );
    const mirrors = Object.fromEntries(
      registry.mirrors.map((m) => [m.name, { state: "ok" as const, reason: "in sync", checked_at: HASHES_CHECKED_AT }]),
    );
    const status: StatusFile = { checked_at: HASHES_CHECKED_AT, mirrors, repomd };
    withHashes = { status, repomd, prepared: prepareIndex(exportIndex({ ...registry, status }, locate)) };
  }
  return withHashes;
}
