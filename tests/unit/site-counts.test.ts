import { describe, expect, it } from "vitest";
import { mirrorExport } from "../../src/core/exports/mirror-exports.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { mirrorCounts } from "../../src/site/counts.ts";
import { REGISTRY_FACTS } from "../registry-facts.ts";

const registry = loadRegistry();

describe("the counts the pages give, over the real registry", () => {
  const counts = mirrorCounts(registry.mirrors);

  it("counts the table's rows as the public mirrors, and the exports' rows as public plus cloud", () => {
    expect(counts.table).toBe(REGISTRY_FACTS.publicMirrors);
    expect(counts.exported).toBe(mirrorExport(registry.mirrors, null).mirrors.length);
    expect(counts.exported).toBe(counts.table + counts.cloud);
  });

  it("accounts for every mirror: in the table, a cloud mirror, or private", () => {
    expect(counts.table + counts.cloud + counts.private).toBe(registry.mirrors.length);
  });

  it("finds the cloud mirrors that have pages but no row, aws and gcp among them", () => {
    const cloud = registry.mirrors.filter((m) => m.cloud !== null && !m.private).map((m) => m.name);
    expect(cloud).toHaveLength(counts.cloud);
    expect(cloud).toEqual(expect.arrayContaining(["aws.repo.almalinux.org", "gcp.repo.almalinux.org"]));
  });
});
