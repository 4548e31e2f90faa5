import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import { isPublic } from "../../src/site/model.ts";
import type { RegistryFacts } from "../registry-facts.ts";
import { registryMirrorFiles } from "./registry-files.ts";

/** The real AlmaLinux registry (see SOURCE.md of the dataset for its known quirks). */
const registry = loadRegistry();

function countByCode(severity: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of registry.diagnostics) if (d.severity === severity) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

describe("the real AlmaLinux registry", () => {
  /*
   * The one snapshot of the registry's facts; the other tests read it (tests/registry-facts.ts).
   * After a sync of mirrors.d, `npm run test:facts` rewrites it: read its diff before committing.
   * The warnings are the registry's known quirks: files without geolocation, file names that
   * differ from the host, private mirrors no client reaches, https URLs under `http:`, `UK` for
   * GB, bare sponsor domains, misspelt keys, `rsync://host::module`, repeated keys, `private: no`.
   */
  it("matches its facts snapshot: no error, every mirror kept, the quirks' warnings", async () => {
    const located = registry.mirrors.filter((m) => m.location !== null);
    const warnings = countByCode("warning");
    const facts: RegistryFacts = {
      files: registry.files,
      mirrors: registry.mirrors.length,
      publicMirrors: registry.mirrors.filter(isPublic).length,
      placed: located.length,
      continents: [...new Set(located.map((m) => m.location?.continent ?? ""))].sort(),
      errors: countByCode("error"),
      warnings,
      warningCount: Object.values(warnings).reduce((a, b) => a + b, 0),
    };
    expect(facts.errors).toEqual({});
    expect(facts.mirrors).toBe(facts.files);
    await expect(`${JSON.stringify(facts, null, 2)}\n`).toMatchFileSnapshot("../registry-facts.json");
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
    const emails = registryMirrorFiles().flatMap(({ text }) =>
      [...text.matchAll(/^email:\s*(\S+)/gm)].map((m) => m[1] ?? ""),
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
});
