/**
 * Mirrors judged by content, on loopback: an origin whose repomd.xml files move on between
 * runs, a mirror that follows it, one that stays a revision behind, one that serves a
 * repomd.xml the origin never published. The history is carried from run to run, and a
 * failing origin leaves it as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMirror, startMirror } from "../../scripts/bench/_fake-mirror.ts";
import { checkRegistry, type RunResult } from "../../scripts/check/check-registry.ts";
import { tableResolver } from "../../scripts/check/resolve.ts";
import type { Mirror, MirrorStatus } from "../../src/core/types.ts";
import { checkFixture } from "../fixtures/check/check-fixture.ts";

const { config, template } = checkFixture();

let originRevision = 1;
const servers: Record<string, FakeMirror> = {};
const runs: RunResult[] = [];

async function run(): Promise<RunResult> {
  const origin = `http://127.0.0.1:${servers.origin?.port}/almalinux/`;
  const mirrors = ["sync", "behind", "never"].map(
    (name) =>
      ({
        ...template,
        name: `${name}.example.org`,
        urls: { http: `http://127.0.0.1:${servers[name]?.port}/almalinux/` },
        kittenUrls: null,
      }) as Mirror,
  );
  const previous = runs.at(-1)?.status.repomd ?? {};
  const result = await checkRegistry(mirrors, config, {
    resolve: tableResolver({}),
    userAgent: "mirrorsite/test check-mirrors",
    concurrency: 4,
    globalLimit: 32,
    perHostLimit: 4,
    timeoutMs: 2000,
    mirrorTimeoutMs: 5000,
    maxRedirects: 5,
    allowPrivateAddresses: true,
    checkIsos: false,
    references: [{ tree: "main", url: origin }],
    previousRepomd: new Map(Object.entries(previous)),
    previousImages: new Map(),
    previousMirrors: new Map(),
  });
  runs.push(result);
  return result;
}

const state = (result: RunResult, name: string): MirrorStatus => {
  const found = result.status.mirrors[`${name}.example.org`];
  if (!found) throw new Error(`no status for ${name}`);
  return found;
};

beforeAll(async () => {
  servers.origin = await startMirror({ revision: () => originRevision });
  servers.sync = await startMirror({ revision: () => originRevision });
  servers.behind = await startMirror({ revision: () => 1 });
  servers.never = await startMirror({ revision: () => 99 });
  await run(); // the origin at revision 1
  originRevision = 2;
  await run(); // the origin moved on to revision 2
  await servers.origin.close();
  servers.origin = await startMirror({ status: 500 });
  await run(); // the origin fails
}, 30_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

describe("the checker with a reference", () => {
  it("records the origin's repomd.xml of every repo, with hashes, revision and first sighting", () => {
    const [first] = runs;
    const keys = Object.keys(first?.status.repomd ?? {});
    expect(keys).toContain("9.8/BaseOS/x86_64/os");
    expect(keys).toContain("9.8/RT/x86_64/os");
    const entry = first?.status.repomd?.["9.8/BaseOS/x86_64/os"];
    expect(entry?.current.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry?.current.sha512).toMatch(/^[0-9a-f]{128}$/);
    expect(entry?.current.revision).toBe("1");
    expect(entry?.alternates).toEqual([]);
    expect(first?.reference?.read).toBe(keys.length);
  });

  it("calls a mirror with the current files in sync, and one serving unpublished files outdated", () => {
    const [first] = runs as [RunResult];
    expect(state(first, "sync")).toMatchObject({ state: "ok", lag_seconds: 0 });
    expect(state(first, "sync").repomd_behind).toBeUndefined();
    const never = state(first, "never");
    expect(never.state).toBe("outdated");
    expect(never.reason).toMatch(
      /repodata\/repomd\.xml for 9\.8\/\S+ is neither the origin's current one \(its current revision is 1\)/,
    );
    // The mirror's own revision (99) is not repeated; the URL's port may hold those digits.
    expect(never.reason.replace(/https?:\/\/\S+/g, "")).not.toContain("99");
    expect(never.lag_seconds).toBeUndefined();
  });

  it("keeps the superseded revision as an alternate, so a mirror one revision behind stays ok, with its lag", () => {
    const second = runs[1] as RunResult;
    const entry = second.status.repomd?.["9.8/BaseOS/x86_64/os"];
    expect(entry?.current.revision).toBe("2");
    expect(entry?.alternates.map((a) => a.revision)).toEqual(["1"]);
    expect(state(second, "sync")).toMatchObject({ state: "ok", lag_seconds: 0 });
    const behind = state(second, "behind");
    expect(behind.state).toBe("ok");
    expect(behind.lag_seconds).toBeGreaterThanOrEqual(0);
    expect(behind.repomd_behind?.length).toBe(Object.keys(second.status.repomd ?? {}).length);
    expect(behind.repomd_behind?.[0]).toMatchObject({ revision: "1" });
    expect(state(second, "never").state).toBe("outdated");
  });

  it("keeps the history as it was when the origin fails, and says so", () => {
    const [, second, third] = runs as [RunResult, RunResult, RunResult];
    expect(third.reference?.read).toBe(0);
    expect(third.reference?.failed.length).toBeGreaterThan(0);
    expect(third.status.repomd).toEqual(second.status.repomd);
    expect(state(third, "behind").state).toBe("ok");
  });
});
