/**
 * What a hostile file can claim: networks (width, special ranges, other mirrors' networks), URLs
 * pointing into private address space, and another mirror's name.
 */
import { describe, expect, it } from "vitest";
import { checkOptions } from "../../src/core/load.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import { subnetOverlaps } from "../../src/core/rules/subnet-overlaps.ts";
import type { Mirror } from "../../src/core/types.ts";
import { SOUND, withLines } from "./helpers.ts";

const LOCAL = { allowPrivateAddresses: true };

/** `line:col severity code` of every diagnostic of `text` checked alone. */
function found(text: string, options = {}): string[] {
  return checkMirrorFile("x.yml", text, options).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.severity} ${d.code}`,
  );
}

/** The codes `subnets: [cidr]` of a private mirror gives. */
function subnetCodes(cidr: string, options = {}): string[] {
  return found(withLines("private: true", `subnets: ['${cidr}']`), options).map((l) => l.split(" ").slice(1).join(" "));
}

/** A sound file for mirror `name` (private, with `subnets`), with extra top-level lines. */
function mirrorFile(name: string, subnets: string[], ...extra: string[]): string {
  return `${SOUND.replaceAll("mirror.example.org", name)}private: true\nsubnets:\n${subnets.map((s) => `  - ${s}\n`).join("")}${extra.map((l) => `${l}\n`).join("")}`;
}

function registryOf(files: Record<string, string>, options = {}) {
  return buildRegistry(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    null,
    options,
  );
}

const lines = (registry: ReturnType<typeof registryOf>, code: string) =>
  registry.diagnostics.filter((d) => d.code === code).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`);

describe("subnet width", () => {
  it("refuses networks that cover the world", () => {
    expect(subnetCodes("0.0.0.0/0")).toEqual(["error subnet-too-wide"]);
    expect(subnetCodes("::/0")).toEqual(["error subnet-too-wide"]);
  });

  it("draws the IPv4 limits at /8 (error below) and /16 (warning below)", () => {
    expect(subnetCodes("144.0.0.0/7")).toEqual(["error subnet-too-wide"]);
    expect(subnetCodes("147.0.0.0/8")).toEqual(["warning subnet-wide"]);
    expect(subnetCodes("147.32.0.0/15")).toEqual(["warning subnet-wide"]);
    expect(subnetCodes("147.32.0.0/16")).toEqual([]);
  });

  it("draws the IPv6 limits at /19 (error below) and /32 (warning below)", () => {
    expect(subnetCodes("2000::/18")).toEqual(["error subnet-too-wide"]);
    expect(subnetCodes("2003::/19")).toEqual(["warning subnet-wide"]);
    expect(subnetCodes("2001:718::/31")).toEqual(["warning subnet-wide"]);
    expect(subnetCodes("2001:718::/32")).toEqual([]);
  });

  it("accepts every subnet of the real registry's widest kinds", () => {
    expect(found(withLines("private: true", "subnets: ['132.206.0.0/16', '2a02:8428::/39']", "asn: [376]"))).toEqual(
      [],
    );
  });
});

describe("subnets in special-purpose ranges", () => {
  it("warns about each kind, naming the range", () => {
    for (const [cidr, range] of [
      ["10.1.0.0/16", "private"],
      ["127.0.0.0/8", "loopback"],
      ["100.64.0.0/10", "CGNAT"],
      ["169.254.0.0/16", "link-local"],
      ["192.0.2.0/24", "documentation"],
      ["198.51.100.0/24", "documentation"],
      ["203.0.113.0/24", "documentation"],
      ["224.0.0.0/24", "multicast"],
      ["0.0.0.0/32", "unspecified"],
      ["fd00::/48", "unique-local"],
      ["fe80::/64", "link-local"],
      ["2001:db8::/32", "documentation"],
      ["ff02::/64", "multicast"],
      ["::ffff:0:0/96", "IPv4-mapped"],
      ["::1/128", "loopback"],
    ]) {
      const { diagnostics } = checkMirrorFile("x.yml", withLines("private: true", `subnets: ['${cidr}']`));
      const special = diagnostics.filter((d) => d.code === "subnet-special-range");
      expect(
        special.map((d) => d.severity),
        cidr,
      ).toEqual(["warning"]);
      expect(special[0]?.message, cidr).toContain(`the ${range} range`);
    }
  });

  it("says only that a world-wide network is too wide", () => {
    expect(subnetCodes("0.0.0.0/0")).not.toContain("warning subnet-special-range");
  });

  it("accepts private, loopback and unique-local subnets with the opt-in, and nothing else", () => {
    expect(subnetCodes("10.1.0.0/16", LOCAL)).toEqual([]);
    expect(subnetCodes("127.0.0.0/16", LOCAL)).toEqual([]);
    expect(subnetCodes("fd00::/48", LOCAL)).toEqual([]);
    expect(subnetCodes("169.254.0.0/16", LOCAL)).toEqual(["warning subnet-special-range"]);
    expect(subnetCodes("192.0.2.0/24", LOCAL)).toEqual(["warning subnet-special-range"]);
    expect(subnetCodes("0.0.0.0/0", LOCAL)).toEqual(["error subnet-too-wide"]);
  });
});

describe("URLs whose host is an IP address", () => {
  const withHttp = (url: string) => SOUND.replace("http://mirror.example.org/almalinux/", url);

  it("refuses a special-purpose address under every URL key, at the value", () => {
    expect(found(withHttp("http://127.0.0.1/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://169.254.169.254/latest/meta-data/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://[::1]:8080/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://[::ffff:127.0.0.1]/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://[fd00::1]/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://100.64.1.1/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://192.0.2.10/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://0.0.0.0/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://239.1.1.1/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withLines("address_optional:", "  kitten:", "    https: https://10.0.0.7/kitten/"))).toEqual([
      "16:12 error special-address-url",
    ]);
    expect(
      found(SOUND.replace("update_frequency", "  rsync: rsync://192.168.1.1/almalinux/\nupdate_frequency")),
    ).toEqual(["6:10 error special-address-url"]);
    expect(found(SOUND.replace("update_frequency", "  rsync: 192.168.1.1::almalinux\nupdate_frequency"))).toEqual([
      "6:10 error special-address-url",
    ]);
    expect(found(SOUND.replace("sponsor_url: https://example.org", "sponsor_url: http://192.168.0.1/"))).toEqual([
      "8:14 error special-address-url",
    ]);
    expect(found(withLines("private: true", "subnets: https://127.0.0.1/nets.txt"))).toEqual([
      "15:10 error special-address-url",
    ]);
  });

  it("sees through spellings the URL parser turns into a loopback address", () => {
    for (const url of ["http://0x7f.1/almalinux/", "http://2130706433/almalinux/", "http://127.1/almalinux/"]) {
      expect(found(withHttp(url)), url).toEqual(["4:9 error special-address-url"]);
    }
    expect(found(SOUND.replace("update_frequency", "  rsync: rsync://0x7f.1/almalinux/\nupdate_frequency"))).toEqual([
      "6:10 error special-address-url",
    ]);
  });

  it("refuses localhost and names under it, and a trailing dot changes nothing", () => {
    expect(found(withHttp("http://localhost:8080/almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://mirror.LOCALHOST./almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://127.0.0.1./almalinux/"))).toEqual(["4:9 error special-address-url"]);
    expect(found(SOUND.replace("update_frequency", "  rsync: rsync://10.1.1.1./almalinux/\nupdate_frequency"))).toEqual(
      ["6:10 error special-address-url"],
    );
    expect(found(withHttp("http://localhost/almalinux/"), LOCAL)).toEqual([]);
    expect(found(withHttp("http://localhost.example.org/almalinux/"))).toEqual([]);
  });

  it("leaves such a file out of the registry", () => {
    expect(checkMirrorFile("x.yml", withHttp("http://127.0.0.1/almalinux/")).mirror).toBeNull();
  });

  it("warns about a public IP address, which is kept", () => {
    const { mirror, diagnostics } = checkMirrorFile("x.yml", withHttp("http://147.32.127.214/almalinux/"));
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      "4:9 warning ip-address-url",
    ]);
    expect(mirror?.urls.http).toBe("http://147.32.127.214/almalinux/");
  });

  it("says nothing of a host name that merely looks numeric", () => {
    expect(found(withHttp("http://127.0.0.1.example.org/almalinux/"))).toEqual([]);
  });

  it("accepts loopback and private addresses without a word with the opt-in, and still refuses the rest", () => {
    expect(found(withHttp("http://127.0.0.1:8001/almalinux/"), LOCAL)).toEqual([]);
    expect(found(withHttp("http://[::1]:8001/almalinux/"), LOCAL)).toEqual([]);
    expect(found(withHttp("http://10.0.0.7/almalinux/"), LOCAL)).toEqual([]);
    expect(found(withHttp("http://169.254.169.254/almalinux/"), LOCAL)).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://0.0.0.0/almalinux/"), LOCAL)).toEqual(["4:9 error special-address-url"]);
    expect(found(withHttp("http://147.32.127.214/almalinux/"), LOCAL)).toEqual(["4:9 warning ip-address-url"]);
  });
});

describe("the opt-in", () => {
  it("is read from MIRRORS_ALLOW_PRIVATE_ADDRESSES=1 only", () => {
    expect(checkOptions({ MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1" })).toEqual(LOCAL);
    for (const value of [undefined, "", "0", "true", "yes", " 1"]) {
      expect(checkOptions({ MIRRORS_ALLOW_PRIVATE_ADDRESSES: value }).allowPrivateAddresses, String(value)).toBe(false);
    }
  });

  it("reaches the rules through buildRegistry", () => {
    const file = { "mirror.example.org.yml": SOUND.replaceAll("mirror.example.org/", "127.0.0.1/") };
    expect(registryOf(file).mirrors).toHaveLength(0);
    expect(registryOf(file, LOCAL).mirrors).toHaveLength(1);
    expect(registryOf(file, LOCAL).diagnostics).toEqual([]);
  });
});

describe("subnets claimed by two mirrors", () => {
  it("warns on both files, at the overlapping items, and lists both mirrors", () => {
    const registry = registryOf({
      "a.example.org.yml": mirrorFile("a.example.org", ["198.18.0.0/16", "147.32.0.0/16"]),
      "b.example.org.yml": mirrorFile("b.example.org", ["147.32.8.0/24"]),
    });
    expect(lines(registry, "subnet-overlap")).toEqual([
      "a.example.org.yml:17:5 warning",
      "b.example.org.yml:16:5 warning",
    ]);
    const messages = registry.diagnostics.filter((d) => d.code === "subnet-overlap").map((d) => d.message);
    expect(messages[0]).toContain("`147.32.0.0/16` overlaps `147.32.8.0/24` of b.example.org.yml");
    expect(messages[1]).toContain("`147.32.8.0/24` overlaps `147.32.0.0/16` of a.example.org.yml");
    expect(registry.mirrors.map((m) => m.name)).toEqual(["a.example.org", "b.example.org"]);
  });

  it("is an error on both files when either is a monopoly, and lists neither", () => {
    const registry = registryOf({
      "campus.example.org.yml": mirrorFile("campus.example.org", ["2001:718::/32"], "monopoly: true"),
      "claimer.example.org.yml": mirrorFile("claimer.example.org", ["2001:718:2::/48"]),
      "bystander.example.org.yml": mirrorFile("bystander.example.org", ["2001:719::/32"]),
    });
    expect(lines(registry, "subnet-overlap")).toEqual([
      "campus.example.org.yml:16:5 error",
      "claimer.example.org.yml:16:5 error",
    ]);
    expect(registry.mirrors.map((m) => m.name)).toEqual(["bystander.example.org"]);
  });

  it("leaves adjacent networks, other families and a mirror's own networks alone", () => {
    const registry = registryOf({
      "a.example.org.yml": mirrorFile("a.example.org", ["147.32.0.0/16", "147.32.1.0/24"]),
      "b.example.org.yml": mirrorFile("b.example.org", ["147.33.0.0/16", "147.31.255.255/32", "2001:718::/32"]),
    });
    expect(lines(registry, "subnet-overlap")).toEqual([]);
  });

  it("finds exactly the pairs a comparison of every pair finds, fast", () => {
    // Networks from a small space, so that nests and repeats are common: 530 mirrors, 3 each.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647; // Park and Miller's generator, exact in doubles
      return seed % n;
    };
    const mirrors = Array.from({ length: 530 }, (_, i) => {
      const subnets = Array.from(
        { length: 3 },
        () => `${100 + random(16)}.${random(16) * 16}.${random(256)}.0/${[12, 16, 24][random(3)]}`,
      );
      return { name: `m${i}`, subnets: subnets.map(canonical) } as Mirror;
    });
    const started = performance.now();
    const pairs = subnetOverlaps(mirrors);
    const ms = performance.now() - started;
    const key = (a: string, b: string) => [a, b].sort().join(" ");
    const swept = new Set(
      pairs.map((p) => key(`${p.outer.mirror.name} ${p.outer.subnet}`, `${p.inner.mirror.name} ${p.inner.subnet}`)),
    );
    const claims = mirrors.flatMap((m) => [...new Set(m.subnets)].map((subnet) => ({ m, subnet, ...range(subnet) })));
    const naive = new Set<string>();
    for (const [i, a] of claims.entries()) {
      for (const b of claims.slice(i + 1)) {
        if (a.m !== b.m && a.first <= b.last && b.first <= a.last) {
          naive.add(key(`${a.m.name} ${a.subnet}`, `${b.m.name} ${b.subnet}`));
        }
      }
    }
    expect(naive.size).toBeGreaterThan(1000);
    expect([...swept].sort()).toEqual([...naive].sort());
    expect(ms).toBeLessThan(500);
  });
});

describe("names", () => {
  it("makes a shared name an error on both files, each naming the other; the file named after the mirror stays", () => {
    const registry = registryOf({ "copy.yml": SOUND, "mirror.example.org.yml": SOUND });
    const errors = registry.diagnostics.filter((d) => d.code === "duplicate-name");
    expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual([
      "copy.yml:2:7 error",
      "mirror.example.org.yml:2:7 error",
    ]);
    expect(errors[0]?.message).toContain("also used by mirror.example.org.yml");
    expect(errors[1]?.message).toContain("also used by copy.yml");
    expect(registry.mirrors.map((m) => m.file)).toEqual(["mirror.example.org.yml"]);
  });

  it("lists none when no file, or more than one, is named after the mirror", () => {
    expect(registryOf({ "a.yml": SOUND, "b.yml": SOUND, "c.yml": SOUND }).mirrors).toEqual([]);
    expect(registryOf({ "mirror.example.org.yaml": SOUND, "mirror.example.org.yml": SOUND }).mirrors).toEqual([]);
    const three = registryOf({ "a.yml": SOUND, "b.yml": SOUND, "c.yml": SOUND }).diagnostics;
    expect(three.find((d) => d.file === "b.yml" && d.code === "duplicate-name")?.message).toContain(
      "also used by a.yml, c.yml",
    );
  });

  it("takes a .yaml file named after the mirror as well", () => {
    const registry = registryOf({ "dir/mirror.example.org.yaml": SOUND, "dir/old.yml": SOUND });
    expect(registry.mirrors.map((m) => m.file)).toEqual(["dir/mirror.example.org.yaml"]);
  });

  it("warns, at the name, when a file is not named after its mirror", () => {
    expect(lines(registryOf({ "mirrors.d/other.yml": SOUND }), "file-name-mismatch")).toEqual([
      "mirrors.d/other.yml:2:7 warning",
    ]);
    expect(lines(registryOf({ "mirrors.d/mirror.example.org.yml": SOUND }), "file-name-mismatch")).toEqual([]);
    expect(lines(registryOf({ "mirrors.d/mirror.example.org.yaml": SOUND }), "file-name-mismatch")).toEqual([]);
  });
});

function canonical(cidr: string): string {
  const [address, bits] = cidr.split("/");
  const octets = (address ?? "").split(".").map(Number);
  const value = (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8)) >>> 0;
  const masked = (value & (Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0)) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (masked >>> s) & 255).join(".")}/${bits}`;
}

/** The first and last address of an IPv4 CIDR network, as numbers. */
function range(cidr: string): { first: number; last: number } {
  const [address, bits] = cidr.split("/");
  const first = (address ?? "").split(".").reduce((n, o) => n * 256 + Number(o), 0);
  return { first, last: first + 2 ** (32 - Number(bits)) - 1 };
}
