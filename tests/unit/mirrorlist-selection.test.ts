import { beforeAll, describe, expect, it } from "vitest";
import { exportIndex } from "../../src/core/mirrorlist/export-index.ts";
import type { IndexMirror } from "../../src/core/mirrorlist/index-format.ts";
import { prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import type { MirrorStatus, StatusFile } from "../../src/core/types.ts";
import { ask, FRANKFURT, hosts, realIndex } from "./mirrorlist-real-index.ts";

/** The index entries behind the lines of an answer, matched by base URL. */
function mirrorsOf(body: string): IndexMirror[] {
  const { prepared } = realIndex();
  return body
    .trimEnd()
    .split("\n")
    .map((line) => {
      const found = prepared.mirrors.find((m) =>
        [m.entry.urls.http, m.entry.urls.https, m.entry.kitten?.http, m.entry.kitten?.https].some(
          (base) => base && line.startsWith(base),
        ),
      );
      if (!found) throw new Error(`no mirror for ${line}`);
      return found.entry;
    });
}

beforeAll(() => {
  realIndex();
}, 60_000);

describe("on-net matches (real registry)", () => {
  it("gives a client in McGill's subnet McGill's monopoly mirror alone", () => {
    const answer = ask("/mirrorlist/9/baseos", "132.206.88.1", FRANKFURT);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("http://mirror.it.mcgill.ca/almalinux/9.8/BaseOS/$basearch/os/\n");
    expect(answer.explain.at(-1)).toMatch(/132\.206\.0\.0\/16.*monopoly/);
  });

  it("puts FCIX first for a client in one of FCIX's ASNs, padded to ten", () => {
    const answer = ask("/mirrorlist/9/baseos", "198.51.100.9", {
      asn: 7034,
      country: "US",
      continent: "NA",
      latitude: "37.55",
      longitude: "-121.98",
    });
    expect(hosts(answer)[0]).toBe("mirror.fcix.net");
    expect(hosts(answer)).toHaveLength(10);
    expect(answer.explain[1]).toMatch(/on-net: client network AS7034/);
    expect(answer.explain[2]).toMatch(/padding after on-net/);
  });

  it("serves a cloud mirror to its provider's network only", () => {
    const inAws = ask("/mirrorlist/9/baseos", "203.0.113.5", { asn: 16509, ...FRANKFURT });
    expect(hosts(inAws)[0]).toBe("aws.repo.almalinux.org");
    const outside = ask("/mirrorlist/9/baseos", "203.0.113.5", {});
    expect(hosts(outside)).not.toContain("aws.repo.almalinux.org");
  });

  it("never lists a private mirror that names no network", () => {
    const { registry, prepared } = realIndex();
    const switchedOff = registry.mirrors.filter((m) => m.private && !m.subnets.length && !m.asns.length);
    expect(switchedOff.length).toBeGreaterThan(0);
    const names = new Set(prepared.mirrors.map((m) => m.entry.name));
    for (const m of switchedOff) expect(names.has(m.name), m.name).toBe(false);
  });
});

describe("geography (real registry)", () => {
  it("gives a Frankfurt client German mirrors first, nearest tier in seeded random order", () => {
    const answer = ask("/mirrorlist/9/baseos", "192.0.2.10", FRANKFURT);
    const countries = mirrorsOf(answer.body).map((m) => m.country);
    expect(countries).toHaveLength(10);
    expect(countries.every((c) => c === "DE")).toBe(true);
    expect(
      answer.explain.slice(1).every((l) => /same country, within 500 km, random order \(DE, \d+ km\)/.test(l)),
    ).toBe(true);
  });

  it("keeps one network's order through a day and varies it between networks and days", () => {
    const one = ask("/mirrorlist/9/baseos", "192.0.2.10", FRANKFURT).body;
    expect(ask("/mirrorlist/9/baseos", "192.0.2.200", FRANKFURT).body).toBe(one);
    const others = ["198.51.100.1", "203.0.113.1", "100.64.0.1"].map(
      (ip) => ask("/mirrorlist/9/baseos", ip, FRANKFURT).body,
    );
    expect(others.some((body) => body !== one)).toBe(true);
  });

  it("falls back to neighbouring countries by distance where a country has few mirrors", () => {
    const answer = ask("/mirrorlist/9/baseos", "192.0.2.10", {
      country: "LU",
      continent: "EU",
      latitude: "49.61",
      longitude: "6.13",
    });
    const lines = answer.explain.slice(1);
    expect(lines).toHaveLength(10);
    expect(lines.some((l) => l.includes("other country"))).toBe(true);
  });

  it("orders a client known only by country: its country first", () => {
    const answer = ask("/mirrorlist/9/baseos", "192.0.2.10", { country: "JP", continent: "AS" });
    const countries = mirrorsOf(answer.body).map((m) => m.country);
    expect(countries[0]).toBe("JP");
    expect(countries).toHaveLength(10);
  });

  it("gives a client that cannot be placed every public mirror, shuffled", () => {
    const { prepared } = realIndex();
    const answer = ask("/mirrorlist/9/baseos");
    const names = mirrorsOf(answer.body).map((m) => m.name);
    expect(names).toHaveLength(prepared.publicMirrors.length);
    expect(names).not.toEqual([...names].sort());
  });

  it("restricts to ?country=", () => {
    const answer = ask("/mirrorlist/9/baseos?country=fr", "192.0.2.10", FRANKFURT);
    expect(mirrorsOf(answer.body).every((m) => m.country === "FR")).toBe(true);
  });
});

describe("versions, repos and query (real registry)", () => {
  it("answers protocol=https with https lines only", () => {
    const answer = ask("/mirrorlist/9/baseos?protocol=https", "192.0.2.10", FRANKFURT);
    const lines = answer.body.trimEnd().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => l.startsWith("https://"))).toBe(true);
  });

  it("prefers http, as upstream does", () => {
    const lines = ask("/mirrorlist/9/baseos", "192.0.2.10", FRANKFURT).body.trimEnd().split("\n");
    const entries = mirrorsOf(lines.join("\n"));
    lines.forEach((line, i) => {
      expect(line.startsWith(entries[i]?.urls.http ?? entries[i]?.urls.https ?? "?")).toBe(true);
    });
  });

  it("answers 8 as 8.10", () => {
    const body = ask("/mirrorlist/8/baseos", "192.0.2.10", FRANKFURT).body;
    expect(
      body
        .trimEnd()
        .split("\n")
        .every((l) => l.endsWith("/8.10/BaseOS/$basearch/os/")),
    ).toBe(true);
  });

  it("answers a vault version, and a vault-only repo, with the vault line", () => {
    expect(ask("/mirrorlist/9.2/baseos").body).toBe("http://vault.almalinux.org/9.2/BaseOS/$basearch/os/\n");
    expect(ask("/mirrorlist/8.5/powertools").body).toBe("http://vault.almalinux.org/8.5/PowerTools/$basearch/os/\n");
    expect(ask("/mirrorlist/9/baseos-debug?arch=aarch64").body).toBe(
      "http://vault.almalinux.org/9.8/BaseOS/debug/aarch64/\n",
    );
  });

  it("serves Kitten from the mirrors' Kitten trees", () => {
    const answer = ask("/mirrorlist/10-kitten/baseos", "192.0.2.10", FRANKFURT);
    expect(answer.status).toBe(200);
    for (const m of mirrorsOf(answer.body)) expect(m.kitten).toBeDefined();
    expect(answer.body).toMatch(/\/10-kitten\/BaseOS\/\$basearch\/os\/\n$/);
  });

  it("substitutes ?arch= and lists ISOs", () => {
    expect(ask("/mirrorlist/9/baseos?arch=aarch64", "192.0.2.10", FRANKFURT).body).toMatch(/\/BaseOS\/aarch64\/os\/\n/);
    expect(ask("/isolist/9/x86_64", "192.0.2.10", FRANKFURT).body).toMatch(/\/9\.8\/isos\/x86_64\/\n$/);
  });

  it.each([
    ["/mirrorlist/9/nosuchrepo", 404],
    ["/mirrorlist/7/baseos", 404],
    ["/mirrorlist/8/crb", 404],
    ["/mirrorlist/9/nfv?arch=aarch64", 404],
    ["/isolist/9/sparc64", 404],
    ["/mirrorlist/9..8/baseos", 400],
    ["/mirrorlist/9", 400],
    ["/mirrorlist/9/baseos/extra", 400],
    ["/mirrorlist/9/Base%20OS", 400],
    ["/mirrorlist/9/baseos?protocol=gopher", 400],
    ["/mirrorlist/9/baseos?country=DEU", 400],
    [`/mirrorlist/9/baseos?arch=${"x".repeat(300)}`, 400],
  ])("refuses %s with %i and a one-line reason", (path, status) => {
    const answer = ask(path, "192.0.2.10", FRANKFURT);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatch(/^[^\n]+\n$/);
  });
});

describe("status data", () => {
  it("serves only ok mirrors, and to an IPv6 client only those with IPv6", () => {
    const { registry, locate } = realIndex();
    const mirrors: Record<string, MirrorStatus> = {};
    registry.mirrors.forEach((m, i) => {
      mirrors[m.name] = {
        state: i % 7 === 0 ? "outdated" : "ok",
        reason: "",
        checked_at: "2026-03-14T00:00:00Z",
        ipv6: i % 2 === 0,
      };
    });
    const status: StatusFile = { checked_at: "2026-03-14T00:00:00Z", mirrors };
    const index = exportIndex({ ...registry, status }, locate);
    expect(index.statusCheckedAt).toBe("2026-03-14T00:00:00Z");
    expect(index.mirrors.every((m) => m.state === "ok")).toBe(true);
    const prepared = prepareIndex(index);
    const v6 = ask("/mirrorlist/9/baseos", "2001:db8::1", FRANKFURT, prepared);
    expect(v6.status).toBe(200);
    for (const line of v6.body.trimEnd().split("\n")) {
      const entry = index.mirrors.find((m) => line.startsWith(m.urls.http ?? m.urls.https ?? "?"));
      expect(entry?.ipv6).toBe(true);
    }
  });
});
