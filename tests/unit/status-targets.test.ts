import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import {
  fullVersions,
  ISO_KINDS,
  isoFileNames,
  isoImageName,
  mirrorTargets,
} from "../../src/core/status/check-targets.ts";

const registry = loadRegistry();
const config = registry.config;
if (config === null) throw new Error("the real config.yml must load");

function mirror(name: string) {
  const found = registry.mirrors.find((m) => m.name === name);
  if (!found) throw new Error(`no mirror ${name} in the real registry`);
  return found;
}

describe("the URLs a mirror must carry, from the real config.yml", () => {
  it("checks the full versions only, not their aliases", () => {
    expect(fullVersions(config)).toEqual(["8.10", "9.8", "10.2"]);
  });

  it("asks for 136 repodata files, as upstream's checker does", () => {
    const targets = mirrorTargets(registry.mirrors[0] ?? mirror("x"), config);
    expect(targets?.repodata).toHaveLength(136);
    const byVersion = Object.groupBy(targets?.repodata ?? [], (t) => t.label.split("/")[0] ?? "");
    expect(Object.fromEntries(Object.entries(byVersion).map(([v, ts]) => [v, ts?.length]))).toEqual({
      "8.10": 44,
      "9.8": 43,
      "10.2": 49,
    });
    expect(new Set(targets?.repodata.map((t) => t.url)).size).toBe(136);
  });

  it("builds each URL from the https base, the version, the repo path and the arch", () => {
    const targets = mirrorTargets(mirror("alma-repo.atm.svcs.io"), config);
    const base = targets?.baseUrl ?? "";
    expect(base).toMatch(/^https:\/\/.+\/$/);
    expect(targets?.timeUrl).toBe(`${base}TIME`);
    expect(targets?.repodata).toContainEqual({
      url: `${base}9.8/AppStream/aarch64/os/repodata/repomd.xml`,
      label: "9.8/AppStream/aarch64",
      key: "9.8/AppStream/aarch64/os",
    });
    // Arch-limited repos: RT only on x86_64, Raspberry Pi only on aarch64 of 8.
    expect(targets?.repodata.filter((t) => t.label.startsWith("10.2/RT/")).map((t) => t.label)).toEqual([
      "10.2/RT/x86_64",
    ]);
    expect(targets?.repodata.filter((t) => t.label.includes("raspberrypi")).map((t) => t.label)).toEqual([
      "8.10/raspberrypi/aarch64",
    ]);
    // x86_64_v2 exists for 10 only.
    expect(targets?.repodata.some((t) => t.label === "10.2/BaseOS/x86_64_v2")).toBe(true);
    expect(targets?.repodata.some((t) => t.label === "9.8/BaseOS/x86_64_v2")).toBe(false);
    // Vault-only trees (sources, debug) are never asked of a mirror.
    expect(targets?.repodata.some((t) => /Source|debug/.test(t.url))).toBe(false);
  });

  it("asks for Kitten's repodata only of mirrors that list a Kitten tree", () => {
    const withKitten = registry.mirrors.find((m) => m.kittenUrls !== null);
    const without = registry.mirrors.find((m) => m.kittenUrls === null);
    const kitten = withKitten ? mirrorTargets(withKitten, config)?.kitten : undefined;
    expect(kitten?.map((t) => t.label).sort()).toEqual(
      ["AppStream", "BaseOS", "extras-common"]
        .flatMap((repo) => ["aarch64", "ppc64le", "s390x", "x86_64", "x86_64_v2"].map((a) => `10-kitten/${repo}/${a}`))
        .sort(),
    );
    expect(kitten?.[0]?.url).toMatch(/\/10-kitten\/BaseOS\/x86_64\/os\/repodata\/repomd\.xml$/);
    expect(without ? mirrorTargets(without, config)?.kitten : null).toEqual([]);
  });

  it("lists upstream's ISO file names for every full version and its arches", () => {
    const isos = mirrorTargets(mirror("alma-repo.atm.svcs.io"), config)?.isos ?? [];
    expect(isos).toHaveLength(7 * (4 + 4 + 5));
    const labels = isos.map((t) => t.label);
    expect(labels).toContain("9.8/isos/x86_64/AlmaLinux-9.8-x86_64-dvd.iso");
    expect(labels).toContain("10.2/isos/x86_64_v2/AlmaLinux-10.2-x86_64_v2-minimal.iso.manifest");
    expect(labels).toContain("8.10/isos/s390x/CHECKSUM");
  });

  it("names the ISO files the same way for 8, 9 and 10, a beta's with -1, as the ISO pages show them", () => {
    expect(isoFileNames("8.10", "x86_64")).toEqual([
      "AlmaLinux-8.10-x86_64-boot.iso",
      "AlmaLinux-8.10-x86_64-dvd.iso",
      "AlmaLinux-8.10-x86_64-minimal.iso",
      "AlmaLinux-8.10-x86_64-boot.iso.manifest",
      "AlmaLinux-8.10-x86_64-dvd.iso.manifest",
      "AlmaLinux-8.10-x86_64-minimal.iso.manifest",
      "CHECKSUM",
    ]);
    expect(ISO_KINDS.map((kind) => isoImageName("9.8", "aarch64", kind))).toEqual([
      "AlmaLinux-9.8-aarch64-boot.iso",
      "AlmaLinux-9.8-aarch64-minimal.iso",
      "AlmaLinux-9.8-aarch64-dvd.iso",
    ]);
    expect(isoImageName("10.2-beta", "x86_64_v2", "dvd")).toBe("AlmaLinux-10.2-beta-1-x86_64_v2-dvd.iso");
  });
});
