import { describe, expect, it } from "vitest";
import { barredRange, sortAddresses } from "../../src/core/status/address-policy.ts";
import { judgeBase, judgeFile, judgeRepodata, judgeTime } from "../../src/core/status/classify.ts";
import { classifyMirror, type MirrorObservations } from "../../src/core/status/mirror-status.ts";
import { englishReason } from "../../src/core/status/reason-text.ts";
import { plainHost, redirectStep } from "../../src/core/status/redirects.ts";
import {
  failureFromErrorCode,
  failureParams,
  type NetworkFailure,
  type RefusedAddress,
  type RequestOutcome,
} from "../../src/core/status/request-outcome.ts";

/** The checker's pure decisions about hostile places: which addresses, which redirects, what reasons say. */
const PUBLIC_ONLY = { allowPrivate: false };
const OPT_IN = { allowPrivate: true };
const BASE = "http://mirror.example.org/almalinux/";
const failure = (url: string, f: NetworkFailure): RequestOutcome => ({ kind: "failure", url, failure: f, ms: 1 });

describe("which addresses the checker connects to", () => {
  it("connects to public addresses", () => {
    for (const address of ["1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a01:4f8::1"]) {
      expect(barredRange(address, PUBLIC_ONLY), address).toBeNull();
    }
  });

  it("refuses every address that reaches inside, and names its range", () => {
    const cases: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["127.0.0.2", "loopback"],
      ["::1", "loopback"],
      ["10.0.0.5", "private"],
      ["172.16.0.1", "private"],
      ["192.168.1.1", "private"],
      ["100.64.0.1", "CGNAT"],
      ["169.254.169.254", "cloud-metadata"],
      ["fe80::1", "link-local"],
      ["fd00::1", "unique-local"],
      ["fc00::1", "unique-local"],
      ["224.0.0.1", "multicast"],
      ["ff02::1", "multicast"],
      ["0.0.0.0", "unspecified"],
      ["::", "unspecified"],
      ["240.0.0.1", "reserved"],
      ["255.255.255.255", "broadcast"],
      // IPv4 carried in IPv6 is judged as the IPv4 address it reaches.
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::ffff:a9fe:a9fe", "cloud-metadata"],
      ["64:ff9b::10.0.0.1", "private"],
      ["64:ff9b::7f00:1", "loopback"],
      ["64:ff9b::a9fe:a9fe", "cloud-metadata"],
      ["not an address", "invalid"],
    ];
    for (const [address, range] of cases) expect(barredRange(address, PUBLIC_ONLY), address).toBe(range);
  });

  it("lets loopback, private and unique-local addresses through with the opt-in, nothing else", () => {
    for (const address of ["127.0.0.1", "::1", "10.0.0.5", "192.168.1.1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect(barredRange(address, OPT_IN), address).toBeNull();
    }
    for (const address of [
      "169.254.169.254",
      "::ffff:169.254.169.254",
      "fe80::1",
      "0.0.0.0",
      "100.64.0.1",
      "ff02::1",
    ]) {
      expect(barredRange(address, OPT_IN), address).not.toBeNull();
    }
  });

  it("splits a host's addresses into those allowed and those refused, in order", () => {
    expect(sortAddresses(["10.0.0.1", "1.1.1.1", "127.0.0.1", "8.8.8.8"], PUBLIC_ONLY)).toEqual({
      allowed: ["1.1.1.1", "8.8.8.8"],
      refused: [
        { address: "10.0.0.1", range: "private" },
        { address: "127.0.0.1", range: "loopback" },
      ],
    });
  });
});

describe("which redirects the checker follows", () => {
  it("follows a redirect within the mirror: another path, or up from http to https", () => {
    expect(redirectStep(`${BASE}TIME`, "/almalinux/TIME.txt")).toEqual({
      kind: "follow",
      url: "http://mirror.example.org/almalinux/TIME.txt",
    });
    expect(redirectStep(`${BASE}TIME`, "https://mirror.example.org/almalinux/TIME")).toEqual({
      kind: "follow",
      url: "https://mirror.example.org/almalinux/TIME",
    });
    expect(redirectStep("http://mirror.example.org:8080/a/", "https://MIRROR.example.org/a/").kind).toBe("follow");
    expect(redirectStep("http://mirror.example.org/a/", "http://mirror.example.org:80/b/").kind).toBe("follow");
  });

  it("stops at a redirect to another host, naming it only when it is a plain host name", () => {
    expect(redirectStep(`${BASE}TIME`, "http://b.example/almalinux/TIME")).toEqual({
      kind: "away",
      away: { to: "host", host: "b.example" },
    });
    expect(redirectStep(`${BASE}TIME`, "//127.0.0.2:8080/x")).toEqual({
      kind: "away",
      away: { to: "host", host: "127.0.0.2" },
    });
    expect(redirectStep(`${BASE}TIME`, "http://[::ffff:127.0.0.1]/")).toEqual({
      kind: "away",
      away: { to: "host", host: "[::ffff:7f00:1]" },
    });
    expect(redirectStep(`${BASE}TIME`, `http://a'b"c{d}.example/`)).toEqual({
      kind: "away",
      away: { to: "host", host: null },
    });
    // A trailing dot is another name as far as a URL goes.
    expect(redirectStep(`${BASE}TIME`, "http://mirror.example.org./almalinux/TIME").kind).toBe("away");
  });

  it("stops at a redirect to another port, or down from https to http", () => {
    expect(redirectStep(`${BASE}TIME`, "http://mirror.example.org:6379/")).toEqual({
      kind: "away",
      away: { to: "port", host: "mirror.example.org:6379" },
    });
    expect(redirectStep("http://mirror.example.org/a/", "https://mirror.example.org:8443/a/")).toEqual({
      kind: "away",
      away: { to: "port", host: "mirror.example.org:8443" },
    });
    expect(redirectStep("https://mirror.example.org/a/", "http://mirror.example.org/a/")).toEqual({
      kind: "away",
      away: { to: "http" },
    });
  });

  it("does not follow what is not an http(s) URL", () => {
    for (const location of ["javascript:alert(1)", "file:///etc/passwd", "http://[", "gopher://x/"]) {
      expect(redirectStep(`${BASE}TIME`, location), location).toEqual({ kind: "unusable" });
    }
  });

  it("quotes only plain host names", () => {
    expect(plainHost("mirror.example.org")).toBe("mirror.example.org");
    expect(plainHost("xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
    expect(plainHost("[2001:db8::1]")).toBe("[2001:db8::1]");
    for (const host of ["a<b>.example", "a'b.example", "-a.example", `${"a".repeat(64)}.example`, ""]) {
      expect(plainHost(host), host).toBeNull();
    }
  });
});

describe("reasons for refusals", () => {
  it("says which address a host resolves to, of what kind, and why it was not asked", () => {
    const host = "mirror.example.org";
    const refusal = (refused: RefusedAddress[]) =>
      englishReason("host-failed", { host, ...failureParams({ type: "address-refused", host, refused }) });
    expect(refusal([{ address: "10.0.0.5", range: "private" }])).toBe(
      "mirror.example.org cannot be reached: mirror.example.org resolves to 10.0.0.5 (private), which the checker does not connect to; it connects only to public addresses",
    );
    // A hostile name server may answer hundreds: three are named.
    expect(
      refusal([
        { address: "10.0.0.5", range: "private" },
        { address: "fd00::1", range: "unique-local" },
        { address: "0.0.0.0", range: "unspecified" },
        { address: "127.0.0.1", range: "loopback" },
        { address: "127.0.0.2", range: "loopback" },
      ]),
    ).toBe(
      "mirror.example.org cannot be reached: mirror.example.org resolves to 10.0.0.5 (private), fd00::1 (unique-local), 0.0.0.0 (unspecified), which the checker does not connect to; it connects only to public addresses",
    );
    // A URL whose host is the address itself.
    expect(
      englishReason("host-failed", {
        host: "[::1]",
        ...failureParams({ type: "address-refused", host: "[::1]", refused: [{ address: "::1", range: "loopback" }] }),
      }),
    ).toBe(
      "[::1] cannot be reached: [::1] is in the loopback range, which the checker does not connect to; it connects only to public addresses",
    );
  });

  it("makes a mirror whose host has only refused addresses unreachable, naming them", () => {
    const o: MirrorObservations = {
      checkedAt: "2026-07-16T12:00:00.000Z",
      nowSeconds: 1_784_203_200,
      allowedSeconds: 43_200,
      allowedLabel: "12h",
      reference: null,
      mirrorTimeoutSeconds: 60,
      targets: { baseUrl: BASE, timeUrl: `${BASE}TIME`, repodata: [], kitten: [], isos: [], images: [] },
      dnsFailure: null,
      addresses: { ipv4: ["169.254.169.254"], ipv6: [] },
      refusedAddresses: [{ address: "169.254.169.254", range: "cloud-metadata" }],
      reach: { ipv4: false, ipv6: false },
      base: null,
      time: null,
      repodata: null,
      kitten: null,
      isos: null,
      images: null,
      timings: { total_ms: 1 },
    };
    expect(classifyMirror(o)).toMatchObject({
      state: "unreachable",
      reason:
        "mirror.example.org cannot be reached: mirror.example.org resolves to 169.254.169.254 (cloud-metadata), which the checker does not connect to; it connects only to public addresses",
      reason_code: "host-failed",
      url: BASE,
      addresses: { ipv4: ["169.254.169.254"], ipv6: [] },
    });
    expect(
      classifyMirror({ ...o, refusedAddresses: null, dnsFailure: { type: "dns-timeout", seconds: 15 } }).reason,
    ).toBe("mirror.example.org cannot be reached: DNS lookup timed out after 15 s");
  });

  it("makes a redirect away broken, saying where to in words, after the URL we asked for", () => {
    const host: NetworkFailure = { type: "redirect-away", away: { to: "host", host: "b.example" } };
    expect(judgeTime(failure(`${BASE}TIME`, host), 0, 1, "12h")).toMatchObject({
      state: "broken",
      reason: `TIME could not be read from ${BASE}TIME: redirects to another host, b.example; a mirror must serve its files itself`,
    });
    expect(judgeBase(failure(BASE, { type: "redirect-away", away: { to: "http" } }))).toMatchObject({
      state: "broken",
      reason: `The base URL ${BASE} failed: redirects from https to http; a mirror listed with https must serve its files over https`,
    });
    const target = { url: `${BASE}9.8/BaseOS/x86_64/os/repodata/repomd.xml`, label: "9.8/BaseOS/x86_64" };
    const port: NetworkFailure = { type: "redirect-away", away: { to: "port", host: "mirror.example.org:8080" } };
    expect(judgeRepodata(target, failure(target.url, port)).reason).toBe(
      `repodata/repomd.xml failed for 9.8/BaseOS/x86_64: ${target.url}: redirects to another port, mirror.example.org:8080; a mirror must serve its files at the URL it lists`,
    );
    const unnamed: NetworkFailure = { type: "redirect-away", away: { to: "host", host: null } };
    expect(judgeFile(target, failure(target.url, unnamed)).reason).toBe(
      `9.8/BaseOS/x86_64 failed: ${target.url}: redirects to another host; a mirror must serve its files itself`,
    );
  });

  it("quotes only error codes that are codes", () => {
    const said = (code: string) => judgeBase(failure(BASE, failureFromErrorCode(code))).reason;
    expect(said("HPE_INVALID_HEADER_TOKEN")).toBe(
      `The base URL ${BASE} failed: request failed (HPE_INVALID_HEADER_TOKEN)`,
    );
    expect(said("<b>nginx</b>")).toBe(`The base URL ${BASE} failed: request failed (EUNKNOWN)`);
  });

  it("makes a refused address on the way unreachable", () => {
    const refused: NetworkFailure = {
      type: "address-refused",
      host: "mirror.example.org",
      refused: [{ address: "0.0.0.0", range: "unspecified" }],
    };
    expect(judgeBase(failure(BASE, refused))).toMatchObject({
      state: "unreachable",
      reason: `The base URL ${BASE} failed: mirror.example.org resolves to 0.0.0.0 (unspecified), which the checker does not connect to; it connects only to public addresses`,
    });
  });
});
