import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMirror, type MirrorBehaviour, refusedPort, startMirror } from "../../scripts/bench/_fake-mirror.ts";
import { checkRegistry } from "../../scripts/check/check-registry.ts";
import { tableResolver } from "../../scripts/check/resolve.ts";
import type { Mirror, MirrorStatus, StatusFile } from "../../src/core/types.ts";
import { checkFixture } from "../fixtures/check/check-fixture.ts";
import { hasIpv6Loopback, NO_IPV6_LOOPBACK } from "./ipv6-loopback.ts";

/** Real loopback servers playing mirrors, checked in one run with short timeouts. */
const { config, template } = checkFixture();

// Wide enough apart that a busy machine cannot blur them: the slow mirror's 900 ms answers stay
// well inside a request's 2 s, and its ten files, three at a time, outlast the mirror's 3 s.
const TIMEOUT_MS = 2000;
const MIRROR_TIMEOUT_MS = 3000;
const NOW = Math.floor(Date.now() / 1000);

const CASES: Record<string, MirrorBehaviour> = {
  fresh: { time: NOW - 3600 },
  stale: { time: NOW - 3 * 86_400 - 100 },
  holes: { missing: ["9.8/AppStream/aarch64/"] },
  failing: { status: 500 },
  hanging: { hang: true },
  trickling: { trickle: true },
  redirecting: { redirectLoop: true },
  endless: { endless: true },
  slow: { delayMs: 900 },
  "no-kitten": { missing: ["/kitten/"] },
  "no-time": { time: null },
  "no-isos": { missing: ["-dvd.iso"] },
};

const servers: Record<string, FakeMirror> = {};
/** The IPv6-only mirror listens on ::1, which not every machine has. */
const IPV6 = await hasIpv6Loopback();
let run: StatusFile;
/** The names of the mirrors the run was given. */
let checkedNames: string[] = [];
let runSeconds = 0;
const status = (name: string): MirrorStatus => {
  const found = run.mirrors[`${name}.example.org`];
  if (!found) throw new Error(`no status for ${name}`);
  return found;
};
const url = (name: string) => `http://127.0.0.1:${servers[name]?.port}/almalinux/`;

function mirror(name: string, base: string, kitten: string | null = null, extra: Partial<Mirror> = {}): Mirror {
  return {
    ...template,
    name: `${name}.example.org`,
    urls: { http: base },
    kittenUrls: kitten === null ? null : { http: kitten },
    ...extra,
  } as Mirror;
}

beforeAll(async () => {
  for (const [name, behaviour] of Object.entries(CASES)) servers[name] = await startMirror(behaviour);
  const v6 = IPV6 ? await startMirror({}, "::1") : null;
  if (v6) servers.v6 = v6;
  const refused = await refusedPort();
  const mirrors: Mirror[] = [
    ...Object.keys(CASES).map((name) =>
      mirror(
        name,
        url(name),
        name === "fresh" || name === "no-kitten" ? url(name).replace("/almalinux/", "/kitten/") : null,
      ),
    ),
    mirror("refused", `http://127.0.0.1:${refused}/almalinux/`),
    mirror("nxdomain", "http://nxdomain.example.org/almalinux/"),
    ...(v6 ? [mirror("v6only", `http://v6only.example.org:${v6.port}/almalinux/`)] : []),
    mirror("private", "https://private.example.org/almalinux/", null, { private: true }),
  ];
  checkedNames = mirrors.map((m) => m.name);
  const started = performance.now();
  run = await checkRegistry(mirrors, config, {
    resolve: tableResolver({ "v6only.example.org": { ipv4: ["127.0.0.1"], ipv6: ["::1"], failure: null } }),
    userAgent: "mirrorsite/test check-mirrors",
    concurrency: 8,
    globalLimit: 32,
    perHostLimit: 3,
    timeoutMs: TIMEOUT_MS,
    mirrorTimeoutMs: MIRROR_TIMEOUT_MS,
    maxRedirects: 5,
    // Every server here is on loopback.
    allowPrivateAddresses: true,
    checkIsos: true,
    references: [],
    previousRepomd: new Map(),
    previousImages: new Map(),
    previousMirrors: new Map(),
  }).then((r) => r.status);
  runSeconds = (performance.now() - started) / 1000;
}, 20_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

describe("checking loopback mirrors", () => {
  it("finds a fresh mirror ok, with Kitten and the ISO set, and says how fresh", () => {
    expect(status("fresh")).toMatchObject({
      state: "ok",
      reason: "All 10 repodata files answer; synced 1 hour ago (allowed: 12h)",
      checked: true,
      ipv4: true,
      ipv6: false,
      repodata: { checked: 10, total: 10 },
      kitten: { state: "ok", reason: "All 2 Kitten repodata files answer" },
      isos: { complete: true, reason: "All 28 ISO files answer" },
    });
    expect(status("fresh").synced_at).toBe(new Date((NOW - 3600) * 1000).toISOString());
  });

  it("says how old a stale mirror's TIME is", () => {
    expect(status("stale")).toMatchObject({ state: "outdated", reason: "TIME is 3 days old (allowed: 12h)" });
  });

  it("names the missing repodata file of a mirror with holes", () => {
    const missing = `${url("holes")}9.8/AppStream/aarch64/os/repodata/repomd.xml`;
    expect(status("holes")).toMatchObject({
      state: "broken",
      reason: `repodata/repomd.xml missing for 9.8/AppStream/aarch64: ${missing} answered 404`,
      url: missing,
      http_status: 404,
    });
  });

  it("calls a mirror failing with 500 broken, with the status", () => {
    expect(status("failing")).toMatchObject({
      state: "broken",
      reason: `The base URL ${url("failing")} answered 500`,
      http_status: 500,
    });
  });

  it("gives up on a hanging mirror after the request timeout", () => {
    expect(status("hanging")).toMatchObject({
      state: "unreachable",
      reason: `The base URL ${url("hanging")} failed: timed out after 2 s`,
    });
    expect(status("hanging").timings?.total_ms).toBeLessThan(TIMEOUT_MS + 400);
  });

  it("says a connection was refused", () => {
    expect(status("refused").state).toBe("unreachable");
    expect(status("refused").reason).toMatch(
      /^The base URL http:\/\/127\.0\.0\.1:\d+\/almalinux\/ failed: connection refused$/,
    );
  });

  it("stops reading a mirror that trickles bytes at the request timeout", () => {
    expect(status("trickling")).toMatchObject({
      state: "broken",
      reason: `TIME could not be read from ${url("trickling")}TIME: timed out after 2 s`,
    });
    expect(status("trickling").timings?.total_ms).toBeLessThan(MIRROR_TIMEOUT_MS + 400);
  });

  it("follows a few redirects, not forever", () => {
    expect(status("redirecting")).toMatchObject({
      state: "broken",
      reason: `The base URL ${url("redirecting")} failed: more than 5 redirects`,
    });
  });

  it("caps an endless body", () => {
    expect(status("endless").state).toBe("broken");
    expect(status("endless").reason).toMatch(
      /^repodata\/repomd\.xml failed for .*: http:.*: answer larger than 512 KiB$/,
    );
  });

  it("stops a mirror too slow to finish within its deadline, and says how far it got", () => {
    expect(status("slow").state).toBe("broken");
    expect(status("slow").reason).toMatch(
      /^The check stopped after 3 s with \d of 10 repodata files checked: the mirror answers too slowly$/,
    );
    expect(status("slow").timings?.total_ms).toBeLessThan(MIRROR_TIMEOUT_MS + 400);
  });

  it("tells a missing TIME, a missing ISO and a broken Kitten tree apart", () => {
    expect(status("no-time")).toMatchObject({
      state: "broken",
      reason: `TIME missing: ${url("no-time")}TIME answered 404`,
    });
    expect(status("no-isos")).toMatchObject({ state: "ok", isos: { complete: false } });
    expect(status("no-isos").isos?.reason).toMatch(/AlmaLinux-9\.8-x86_64-dvd\.iso missing: .* answered 404$/);
    expect(status("no-kitten")).toMatchObject({ state: "ok", kitten: { state: "broken" } });
  });

  it("judges IPv4 and IPv6 apart, and uses the family that answers", ({ skip }) => {
    skip(!IPV6, NO_IPV6_LOOPBACK);
    expect(status("v6only")).toMatchObject({
      state: "ok",
      ipv4: false,
      ipv6: true,
      addresses: { ipv4: ["127.0.0.1"], ipv6: ["::1"] },
    });
  });

  it("says a name does not resolve", () => {
    expect(status("nxdomain")).toMatchObject({
      state: "unreachable",
      reason: "nxdomain.example.org cannot be reached: DNS lookup failed (ENOTFOUND)",
    });
  });

  it("leaves private mirrors unchecked", () => {
    expect(status("private")).toMatchObject({ state: "ok", checked: false });
  });

  it("stays within its limits and names itself", () => {
    expect(servers.fresh?.peakInFlight()).toBeLessThanOrEqual(3);
    expect(servers.fresh?.userAgents).toEqual(new Set(["mirrorsite/test check-mirrors"]));
    // The whole run costs about the slowest mirror's deadline, not the sum of them.
    expect(runSeconds).toBeLessThan(MIRROR_TIMEOUT_MS / 1000 + 1.5);
    expect(Object.keys(run.mirrors).sort()).toEqual(checkedNames.sort());
  });
});
