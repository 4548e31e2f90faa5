import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import { exportIndex } from "../../src/core/mirrorlist/export-index.ts";
import { ownValue } from "../../src/core/own-property.ts";
import { leftOutReason, mirrorlistsOf } from "../../src/site/mirrorlists.ts";

/** The ordinary fixture registry with a report of broken, outdated, unreachable, ok and missing entries. */
const registry = loadRegistry({
  mirrorsDir: "tests/fixtures/site/mirrors.d",
  configFile: "tests/fixtures/site/config.yml",
  statusFile: "tests/fixtures/checked/status.json",
});

describe("what a mirror's page says of the mirrorlists", () => {
  const status = registry.status;
  if (!status) throw new Error("the fixture status must load");
  const inIndex = new Set(exportIndex(registry).mirrors.map((m) => m.name));

  it("calls a mirror left out exactly when the exported index leaves it out", () => {
    const disagree = registry.mirrors.filter((m) => {
      // A file that puts the mirror in no list at all (a switched-off private one) is another story.
      if (mirrorlistsOf(m, registry.config).versions.length === 0) return false;
      if (m.cloud !== null || m.private) return false;
      const reason = leftOutReason(true, ownValue(status.mirrors, m.name) ?? null);
      return (reason === null) !== inIndex.has(m.name);
    });
    expect(disagree.map((m) => m.name)).toEqual([]);
  });

  it("names the state of a failed check, and 'not checked' for a mirror the report lacks", () => {
    const of = (name: string) => leftOutReason(true, ownValue(status.mirrors, name) ?? null);
    expect(of("ftp.fau.de")).toBe("broken");
    expect(of("mirror.23m.com")).toBe("outdated");
    expect(of("mirror.netzwerge.de")).toBe("unreachable");
    expect(of("www.junda.nl")).toBe("notChecked");
    expect(of("mirror.ox.ac.uk")).toBeNull();
  });

  it("says nothing of a build without a report: the file alone decides", () => {
    expect(leftOutReason(false, null)).toBeNull();
  });
});
