import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";

/** The real AlmaLinux registry (see SOURCE.md of the dataset for its known quirks). */
const registry = loadRegistry({ mirrorsDir: "mirrors.d", configFile: "config.yml" });

function countByCode(severity: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of registry.diagnostics) if (d.severity === severity) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
}

describe("the real AlmaLinux registry", () => {
  it("loads all 530 files with no error and keeps every mirror", () => {
    expect(registry.files).toBe(530);
    expect(countByCode("error")).toEqual({});
    expect(registry.mirrors).toHaveLength(530);
  });

  it("gives exactly the warnings its known quirks deserve", () => {
    expect(countByCode("warning")).toEqual({
      "missing-geolocation": 81, // 81 files have no geolocation
      "file-name-mismatch": 36, // e.g. mirror.0xemma.yml holds mirror.0xem.ma
      "private-unreachable": 21, // private: true with neither subnets nor asn
      "scheme-mismatch": 9, // 8 https URLs under http:, plus an ftp: key holding http://
      "country-alias": 6, // UK ×4, Germany, Australia
      "url-without-scheme": 5, // sponsor_url written as a bare domain
      "unknown-key": 3, // address_options, City, geolocation.asn
      "rsync-syntax": 4, // rsync://host::module
      "duplicate-key": 3, // a repeated sponsor_url or geolocation
      "yaml11-boolean": 1, // private: no
    });
  });

  it("normalises the quirks instead of losing the mirrors", () => {
    const byName = new Map(registry.mirrors.map((m) => [m.name, m]));
    expect(byName.get("mirror.ox.ac.uk")?.location?.country).toBe("GB");
    expect(byName.get("syd.mirror.rackspace.com")?.location?.country).toBe("AU");
    expect(byName.get("ftp.arnes.si")?.urls.rsync).toBe("rsync://ftp.arnes.si/almalinux/");
    expect(byName.get("mirror.it.mcgill.ca")).toMatchObject({ private: true, monopoly: true });
    expect(byName.get("aws.repo.almalinux.org")?.cloud).toEqual({ type: "aws", regions: ["all"] });
  });

  it("holds no contact e-mail in the normalised data", () => {
    const emails = readdirSync("mirrors.d").flatMap((f) =>
      [...readFileSync(`mirrors.d/${f}`, "utf8").matchAll(/^email:\s*(\S+)/gm)].map((m) => m[1] ?? ""),
    );
    expect(emails.length).toBeGreaterThan(500);
    const data = JSON.stringify(registry.mirrors);
    expect(emails.filter((e) => data.includes(e))).toEqual([]);
  });

  it("reads the distribution config", () => {
    expect(registry.config).toMatchObject({
      allowedOutdateSeconds: 12 * 3600,
      versions: ["8", "8.10", "9", "9.8", "10", "10.2"],
      versionAliases: { "8": "8.10", "9": "9.8", "10": "10.2" },
      vaultMirror: "http://vault.almalinux.org/",
      optionalModuleVersions: { kitten: ["10"] },
    });
    expect(registry.config?.repos.find((r) => r.name === "crb")).toEqual({
      name: "crb",
      path: "CRB/$basearch/os/",
      versions: ["9.8", "10.2"],
      arches: null,
      vault: false,
    });
  });

  it("puts every mirror on a continent", () => {
    const located = registry.mirrors.filter((m) => m.location !== null);
    expect(located).toHaveLength(530 - 81);
    expect(new Set(located.map((m) => m.location?.continent))).toEqual(new Set(["AF", "AS", "EU", "NA", "OC", "SA"]));
  });
});
