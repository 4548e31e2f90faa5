import { describe, expect, it } from "vitest";
import { hideEmails } from "../../src/core/email-shape.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { isoAliases, isoPath, isoReleases } from "../../src/site/isos.ts";
import { mirrorlistsOf } from "../../src/site/mirrorlists.ts";
import { editUrl, isPublic, registryPath } from "../../src/site/model.ts";
import { REGISTRY_FACTS } from "../registry-facts.ts";

const registry = loadRegistry();

describe("the site model over the real registry", () => {
  it("counts the public mirrors: not private and not cloud-only", () => {
    expect(registry.mirrors.filter(isPublic)).toHaveLength(REGISTRY_FACTS.publicMirrors);
    expect(registry.mirrors.filter((m) => m.private).some(isPublic)).toBe(false);
  });

  it("hides e-mail addresses in any text", () => {
    expect(hideEmails("write to ops@example.org or a.b+c@x.example.com")).toBe(
      "write to (address hidden) or (address hidden)",
    );
  });

  it("links a mirror file where the registry repository keeps it, whatever its name holds", () => {
    const base = "https://github.com/AlmaLinux/mirrors/edit/master/";
    expect(registryPath("tests/fixtures/site/mirrors.d/a.example.org.yml")).toBe("mirrors.d/a.example.org.yml");
    expect(editUrl(base, "/abs/mirrors.d/a.example.org.yml")).toBe(`${base}mirrors.d/a.example.org.yml`);
    // A hostile file name cannot cut the link short or add a query.
    expect(editUrl(base, "mirrors.d/x#y?z=%.yml")).toBe(`${base}mirrors.d/x%23y%3Fz%3D%25.yml`);
  });

  it("puts a public mirror in every current version's lists, a switched-off private one in none", () => {
    const a2 = registry.mirrors.find((m) => m.name === "al-mirror.a2hosting.com");
    const off = registry.mirrors.find(
      (m) => m.private && m.subnets.length === 0 && m.asns.length === 0 && !m.subnetsUrl,
    );
    if (!a2 || !off) throw new Error("fixture mirrors missing from the real registry");
    const lists = mirrorlistsOf(a2, registry.config);
    expect(lists.versions).toEqual(registry.config?.versions);
    expect(lists.repos).toContain("baseos");
    expect(lists.repos).not.toContain("baseos-source");
    expect(mirrorlistsOf(off, registry.config).versions).toEqual([]);
  });

  it("lists the ISO matrix newest first, its folders, and the major versions that lead to each release", () => {
    const releases = isoReleases(registry.config);
    expect(releases.map((r) => r.version)).toEqual(["10.2", "9.8", "8.10"]);
    expect(isoPath("9.8", "x86_64")).toBe("9.8/isos/x86_64/");
    const aliases = isoAliases(registry.config);
    expect(aliases).toContainEqual({ arch: "aarch64", major: "9", version: "9.8" });
    expect(aliases).toContainEqual({ arch: "x86_64_v2", major: "10", version: "10.2" });
    expect(aliases).toHaveLength(releases.reduce((n, r) => n + r.arches.length, 0));
  });
});
