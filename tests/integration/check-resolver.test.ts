/**
 * The checker's real resolver (`systemResolver`, as `npm run check-mirrors` builds it: the
 * system's name servers, then `getaddrinfo`), with no stand-in for DNS or `getaddrinfo`. It asks
 * for `localhost`: the name servers are asked first (offline they fail, each try bounded by the
 * time limit), then `getaddrinfo` answers it from `/etc/hosts` with no network. The
 * checker is then held to the hostile-mirror rules (docs/SECURITY.md): a name that resolves to
 * loopback is refused before any connection, unless private addresses are allowed (tests only).
 */
import { isIPv4 } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMirror, startMirror } from "../../scripts/bench/_fake-mirror.ts";
import { checkRegistry, type RunOptions } from "../../scripts/check/check-registry.ts";
import { type HostAddresses, systemResolver } from "../../scripts/check/resolve.ts";
import type { Mirror, MirrorStatus } from "../../src/core/types.ts";
import { checkFixture } from "../fixtures/check/check-fixture.ts";

const { config, template } = checkFixture();

/** As `npm run check-mirrors -- --timeout 5` would give it: room for a busy machine. */
const TIMEOUT_MS = 5000;

/** A fresh mirror on 127.0.0.1, reached by the name `localhost`. */
let server: FakeMirror;
let answer: HostAddresses;
let refused: MirrorStatus | undefined;
let allowed: MirrorStatus | undefined;
/** What the server was asked before the check with the opt-in. */
let askedWhenRefused: string[] = [];

/** One check of the mirror at `http://localhost:<port>/almalinux/` through the real resolver. */
async function checkLocalhost(allowPrivateAddresses: boolean): Promise<MirrorStatus | undefined> {
  const mirror = { ...template, urls: { http: `http://localhost:${server.port}/almalinux/` }, kittenUrls: null };
  const options: RunOptions = {
    resolve: systemResolver(TIMEOUT_MS),
    userAgent: "mirrorsite/test check-mirrors",
    concurrency: 4,
    globalLimit: 8,
    perHostLimit: 3,
    timeoutMs: TIMEOUT_MS,
    mirrorTimeoutMs: 4 * TIMEOUT_MS,
    maxRedirects: 5,
    allowPrivateAddresses,
    checkIsos: false,
    references: [],
    previousRepomd: new Map(),
    previousImages: new Map(),
    previousMirrors: new Map(),
  };
  const run = await checkRegistry([mirror as Mirror], config, options);
  return run.status.mirrors[mirror.name];
}

beforeAll(async () => {
  server = await startMirror({});
  answer = await systemResolver(TIMEOUT_MS)("localhost");
  refused = await checkLocalhost(false);
  askedWhenRefused = [...server.requests];
  allowed = await checkLocalhost(true);
}, 60_000);

afterAll(() => server?.close());

describe("the checker's real resolver", () => {
  it("resolves localhost to loopback addresses, 127.0.0.1 among them", () => {
    expect(answer.failure).toBeNull();
    expect(answer.ipv4).toContain("127.0.0.1");
    for (const address of answer.ipv4) expect(address).toMatch(/^127\./);
    // Some machines also map localhost to ::1 in /etc/hosts; none maps it elsewhere.
    for (const address of answer.ipv6) expect(address).toBe("::1");
  });

  it("makes the checker refuse the loopback answer without the private opt-in, and connect nowhere", () => {
    expect(refused?.state).toBe("unreachable");
    expect(refused?.reason).toMatch(
      /^localhost cannot be reached: localhost resolves to 127\.0\.0\.1 \(loopback\).*; it connects only to public addresses$/,
    );
    expect(askedWhenRefused).toEqual([]);
  });

  it("lets the checker reach the mirror through that answer with the opt-in, over IPv4", () => {
    expect(allowed).toMatchObject({ state: "ok", checked: true, ipv4: true });
    expect(allowed?.addresses?.ipv4).toEqual(answer.ipv4.filter((a) => isIPv4(a)));
    expect(server.requests).toContain("/almalinux/TIME");
  });
});
