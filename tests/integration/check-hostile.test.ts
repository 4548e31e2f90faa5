import { createSocket, type Socket } from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMirror, startMirror } from "../../scripts/bench/_fake-mirror.ts";
import { checkRegistry, type RunOptions } from "../../scripts/check/check-registry.ts";
import { type HostAddresses, type ResolveHost, systemResolver, tableResolver } from "../../scripts/check/resolve.ts";
import type { Mirror, MirrorStatus, StatusFile } from "../../src/core/types.ts";
import { checkFixture } from "../fixtures/check/check-fixture.ts";

/**
 * Hostile mirrors, on real loopback servers: redirects elsewhere, names that resolve inside
 * (private, loopback, the cloud metadata address, IPv4-mapped loopback), answers full of
 * markup, name servers that never answer. The checker must not connect where it may not,
 * must not quote what a mirror sent, and must end every check within its deadline.
 */
const { config, template } = checkFixture();

const TIMEOUT_MS = 1000;
const MIRROR_TIMEOUT_MS = 2500;
const PUBLIC_ONLY = "it connects only to public addresses";
/** The reason for a host whose addresses are all refused, and for a URL whose host is one. */
const resolves = (host: string, addresses: string) =>
  `${host} cannot be reached: ${host} resolves to ${addresses}, which the checker does not connect to; ${PUBLIC_ONLY}`;
const literal = (host: string, range: string) =>
  `${host} cannot be reached: ${host} is in the ${range} range, which the checker does not connect to; ${PUBLIC_ONLY}`;
const JUNK = "<script>alert('owned')</script>\u001b[2J<img src=x onerror=alert(1)> 1784203200";

/** A real, well-behaved mirror that no check here may ever reach. */
let bystander: FakeMirror;
const servers: FakeMirror[] = [];
let silentDns: Socket;
let withOptIn: StatusFile;
let publicOnly: StatusFile;

function mirror(name: string, base: string): Mirror {
  return { ...template, name, urls: { http: base }, kittenUrls: null } as Mirror;
}

function entry(run: StatusFile, name: string): MirrorStatus {
  const found = run.mirrors[name];
  if (!found) throw new Error(`no status for ${name}`);
  return found;
}

const options = (resolve: ResolveHost, allowPrivateAddresses: boolean): RunOptions => ({
  resolve,
  userAgent: "mirrorsite/test check-mirrors",
  concurrency: 16,
  globalLimit: 32,
  perHostLimit: 3,
  timeoutMs: TIMEOUT_MS,
  mirrorTimeoutMs: MIRROR_TIMEOUT_MS,
  maxRedirects: 5,
  allowPrivateAddresses,
  checkIsos: false,
  references: [],
  previousRepomd: new Map(),
  previousImages: new Map(),
  previousMirrors: new Map(),
});

const loopback = (): HostAddresses => ({ ipv4: ["127.0.0.1"], ipv6: [], failure: null });
/** A name server that never answers: the lookup outlasts any deadline. */
const never = (): Promise<HostAddresses> => new Promise(() => {});

beforeAll(async () => {
  bystander = await startMirror({});
  const at = `/almalinux/`;
  const start = async (behaviour: Parameters<typeof startMirror>[0]) => {
    const server = await startMirror(behaviour);
    servers.push(server);
    return server;
  };
  const awayHost = await start({ redirects: [["/TIME", `http://bystander.example:${bystander.port}${at}TIME`]] });
  const awayAddress = await start({ redirects: [[at, `http://127.0.0.2:${bystander.port}${at}`]] });
  const awayPort = await start({ redirects: [["/TIME", `http://away-port.example:${bystander.port}${at}TIME`]] });
  const awayJunk = await start({ redirects: [["/TIME", `http://x'y"z{}.example:${bystander.port}/`]] });
  const within = await start({ redirects: [["/TIME", `${at}<script>alert(1)</script>?q="'`]] });
  const junk = await start({ timeBody: JUNK, headers: { Server: "<b>evil</b> nginx", "X-Note": "<script>" } });
  const failing = await start({ status: 500, headers: { Server: "<script>alert(2)</script>" } });
  const rebind = await start({ redirects: [["/TIME", `${at}TIME?again`]] });

  // Answers 127.0.0.1 until the mirror has been asked for TIME, then 0.0.0.0 (which Linux
  // connects to this machine): the redirect's hop must be refused, not sent.
  let rehangAsked = 0;
  const rebinding: HostAddresses = { ipv4: ["0.0.0.0"], ipv6: [], failure: null };
  const table = tableResolver({
    "bystander.example": loopback(),
    "away-host.example": loopback(),
    "away-port.example": loopback(),
    "ten.example": { ipv4: ["10.0.0.1"], ipv6: [], failure: null },
    "metadata.example": { ipv4: ["169.254.169.254"], ipv6: [], failure: null },
    // AWS's IPv6 metadata service is unique-local, a range the private opt-in lets through.
    "metadata6.example": { ipv4: [], ipv6: ["fd00:ec2::254"], failure: null },
    // A socket to ::ffff:127.0.0.1 reaches the bystander's 127.0.0.1 listener.
    "mapped.example": { ipv4: [], ipv6: ["::ffff:127.0.0.1"], failure: null },
    "mixed.example": { ipv4: ["10.0.0.1", "127.0.0.1"], ipv6: ["fe80::1"], failure: null },
  });
  const resolve: ResolveHost = (host) => {
    if (host === "rebind.example") {
      return Promise.resolve(rebind.requests.some((p) => p.endsWith("/TIME")) ? rebinding : loopback());
    }
    if (host === "hang.example") return never();
    // Answers the mirror's own lookup, then hangs for the request's.
    if (host === "rehang.example") return rehangAsked++ === 0 ? Promise.resolve(loopback()) : never();
    if (host === "silent.example") return silent(host);
    return table(host);
  };
  silentDns = createSocket("udp4");
  await new Promise<void>((resolve) => silentDns.bind(0, "127.0.0.1", resolve));
  const silent = systemResolver(TIMEOUT_MS, {
    servers: [`127.0.0.1:${silentDns.address().port}`],
    lookup: () => new Promise(() => {}),
  });

  const local = (server: FakeMirror) => `http://127.0.0.1:${server.port}${at}`;
  withOptIn = await checkRegistry(
    [
      mirror("away-host", `http://away-host.example:${awayHost.port}${at}`),
      mirror("away-address", local(awayAddress)),
      mirror("away-port", `http://away-port.example:${awayPort.port}${at}`),
      mirror("away-junk", local(awayJunk)),
      mirror("within", local(within)),
      mirror("junk", local(junk)),
      mirror("failing", local(failing)),
      mirror("rebind", `http://rebind.example:${rebind.port}${at}`),
      mirror("metadata", "http://metadata.example/almalinux/"),
      mirror("rehang", `http://rehang.example:${bystander.port}${at}`),
      mirror("metadata-literal", "http://169.254.169.254/latest/meta-data/"),
      mirror("metadata6", "http://metadata6.example/almalinux/"),
      mirror("metadata6-literal", "http://[fd00:ec2::254]/latest/meta-data/"),
    ],
    config,
    options(resolve, true),
  ).then((r) => r.status);
  publicOnly = await checkRegistry(
    [
      mirror("loopback", local(bystander)),
      mirror("loopback-v6", `http://[::ffff:127.0.0.1]:${bystander.port}${at}`),
      mirror("localhost", `http://bystander.example:${bystander.port}${at}`),
      mirror("ten", "http://ten.example/almalinux/"),
      mirror("metadata", "http://metadata.example/almalinux/"),
      mirror("mapped", `http://mapped.example:${bystander.port}${at}`),
      mirror("mixed", `http://mixed.example:${bystander.port}${at}`),
      mirror("hang", "http://hang.example/almalinux/"),
      mirror("silent", "http://silent.example/almalinux/"),
    ],
    config,
    options(resolve, false),
  ).then((r) => r.status);
}, 30_000);

afterAll(async () => {
  await Promise.all([bystander, ...servers].map((s) => s.close()));
  silentDns.close();
});

describe("a mirror is judged on its own host", () => {
  it("stops at a redirect to another host, without asking it", () => {
    const base = `http://away-host.example:${servers[0]?.port}/almalinux/`;
    expect(entry(withOptIn, "away-host")).toMatchObject({
      state: "broken",
      reason: `TIME could not be read from ${base}TIME: redirects to another host, bystander.example; a mirror must serve its files itself`,
      url: `${base}TIME`,
    });
    expect(entry(withOptIn, "away-address")).toMatchObject({
      state: "broken",
      reason: `The base URL http://127.0.0.1:${servers[1]?.port}/almalinux/ failed: redirects to another host, 127.0.0.2; a mirror must serve its files itself`,
    });
  });

  it("stops at a redirect to another port of the same host", () => {
    expect(entry(withOptIn, "away-port").state).toBe("broken");
    expect(entry(withOptIn, "away-port").reason).toBe(
      `TIME could not be read from http://away-port.example:${servers[2]?.port}/almalinux/TIME: redirects to another port, away-port.example:${bystander.port}; a mirror must serve its files at the URL it lists`,
    );
  });

  it("sent the redirect targets no request at all", () => {
    expect(bystander.requests).toEqual([]);
  });
});

describe("nothing a mirror sends is published", () => {
  const published = () => JSON.stringify(withOptIn);

  it("says a junk TIME holds no epoch time, quoting none of it", () => {
    expect(entry(withOptIn, "junk")).toMatchObject({
      state: "broken",
      reason: `TIME holds no epoch time: http://127.0.0.1:${servers[5]?.port}/almalinux/TIME`,
    });
  });

  it("names neither a junk redirect target nor the path a redirect within the mirror gave", () => {
    expect(entry(withOptIn, "away-junk").reason).toBe(
      `TIME could not be read from http://127.0.0.1:${servers[3]?.port}/almalinux/TIME: redirects to another host; a mirror must serve its files itself`,
    );
    // Followed (same host), and judged at the URL we asked for.
    expect(servers[4]?.requests).toContain("/almalinux/%3Cscript%3Ealert(1)%3C/script%3E?q=%22%27");
    expect(entry(withOptIn, "within")).toMatchObject({
      state: "broken",
      reason: `TIME holds no epoch time: http://127.0.0.1:${servers[4]?.port}/almalinux/TIME`,
      url: `http://127.0.0.1:${servers[4]?.port}/almalinux/TIME`,
    });
  });

  it("keeps no byte of bodies, headers or redirect targets in the status file", () => {
    expect(entry(withOptIn, "failing").reason).toBe(
      `The base URL http://127.0.0.1:${servers[6]?.port}/almalinux/ answered 500`,
    );
    for (const bytes of ["<", ">", "script", "alert", "evil", "nginx", "\u001b", "x'y", "onerror", "1784203200"]) {
      expect(published(), bytes).not.toContain(bytes);
    }
  });
});

describe("the checker never reaches inside", () => {
  it("refuses a name that resolves to loopback, private, link-local or IPv4-mapped loopback, before connecting", () => {
    const expected: [string, string][] = [
      ["loopback", literal("127.0.0.1", "loopback")],
      ["loopback-v6", literal("[::ffff:7f00:1]", "loopback")],
      ["localhost", resolves("bystander.example", "127.0.0.1 (loopback)")],
      ["ten", resolves("ten.example", "10.0.0.1 (private)")],
      ["metadata", resolves("metadata.example", "169.254.169.254 (cloud-metadata)")],
      ["mapped", resolves("mapped.example", "::ffff:127.0.0.1 (loopback)")],
      ["mixed", resolves("mixed.example", "10.0.0.1 (private), 127.0.0.1 (loopback), fe80::1 (link-local)")],
    ];
    for (const [name, reason] of expected) {
      const status = entry(publicOnly, name);
      expect(status, name).toMatchObject({ state: "unreachable", reason });
      // No connection was tried (the reason says so; one to 10.0.0.1 would have taken the whole timeout).
      expect(status.timings?.total_ms, name).toBeLessThan(TIMEOUT_MS / 2);
    }
    expect(bystander.requests).toEqual([]);
  });

  it("keeps the metadata address out of reach even with the private opt-in", () => {
    expect(entry(withOptIn, "metadata")).toMatchObject({
      state: "unreachable",
      reason: resolves("metadata.example", "169.254.169.254 (cloud-metadata)"),
    });
    expect(entry(withOptIn, "metadata-literal").reason).toBe(literal("169.254.169.254", "cloud-metadata"));
    expect(entry(withOptIn, "metadata6")).toMatchObject({
      state: "unreachable",
      reason: resolves("metadata6.example", "fd00:ec2::254 (cloud-metadata)"),
    });
    expect(entry(withOptIn, "metadata6-literal").reason).toBe(literal("[fd00:ec2::254]", "cloud-metadata"));
  });

  it("checks the address again at every redirect hop", () => {
    const base = `http://rebind.example:${servers[7]?.port}/almalinux/`;
    expect(entry(withOptIn, "rebind")).toMatchObject({
      state: "broken",
      reason: `TIME could not be read from ${base}TIME: rebind.example resolves to 0.0.0.0 (unspecified), which the checker does not connect to; ${PUBLIC_ONLY}`,
    });
    expect(servers[7]?.requests).toEqual(["/almalinux/", "/almalinux/TIME"]);
  });
});

describe("DNS counts inside the deadline", () => {
  it("gives up on a lookup that never ends at the request timeout", () => {
    expect(entry(publicOnly, "hang")).toMatchObject({
      state: "unreachable",
      reason: "hang.example cannot be reached: DNS lookup timed out after 1 s",
    });
    expect(entry(publicOnly, "hang").timings?.total_ms).toBeLessThan(TIMEOUT_MS + 400);
  });

  it("counts a request's own lookup inside its deadline", () => {
    expect(entry(withOptIn, "rehang")).toMatchObject({
      state: "unreachable",
      reason: `The base URL http://rehang.example:${bystander.port}/almalinux/ failed: DNS lookup timed out after 1 s`,
    });
    expect(entry(withOptIn, "rehang").timings?.total_ms).toBeLessThan(TIMEOUT_MS + 400);
  });

  it("does the same for a name server that never answers and a getaddrinfo that never returns", () => {
    expect(entry(publicOnly, "silent")).toMatchObject({
      state: "unreachable",
      reason: "silent.example cannot be reached: DNS lookup timed out after 1 s",
    });
    expect(entry(publicOnly, "silent").timings?.total_ms).toBeLessThan(TIMEOUT_MS + 400);
  });

  it("bounds the system resolver itself, getaddrinfo included", async () => {
    const resolve = systemResolver(500, {
      servers: [`127.0.0.1:${silentDns.address().port}`],
      lookup: () => new Promise(() => {}),
    });
    const started = performance.now();
    const answer = await resolve("silent.example");
    expect(answer).toEqual({ ipv4: [], ipv6: [], failure: { type: "dns-timeout", seconds: 0.5 } });
    // c-ares: 500 ms, then a second try of 1 s; then getaddrinfo's 500 ms.
    expect(performance.now() - started).toBeLessThan(3000);
  }, 10_000);
});
