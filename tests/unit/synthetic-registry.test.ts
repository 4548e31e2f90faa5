import { describe, expect, it } from "vitest";
import { syntheticMirrors } from "../../scripts/synthetic/generate.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import type { Mirror } from "../../src/core/types.ts";

const real = loadRegistry();

describe("synthetic registries", () => {
  it("are valid, deterministic and follow the real mix", () => {
    const files = syntheticMirrors(real.mirrors, 1000, 7);
    expect(syntheticMirrors(real.mirrors, 1000, 7)).toEqual(files);
    const registry = buildRegistry(
      files.map((f) => ({ file: f.name, text: f.text })),
      null,
    );
    expect(registry.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(registry.mirrors).toHaveLength(1000);
    const fraction = (list: readonly Mirror[], holds: (m: Mirror) => boolean) =>
      list.filter(holds).length / list.length;
    for (const holds of [
      (m: Mirror) => m.private,
      (m: Mirror) => m.kittenUrls !== null,
      (m: Mirror) => !!m.urls.rsync,
    ]) {
      expect(Math.abs(fraction(registry.mirrors, holds) - fraction(real.mirrors, holds))).toBeLessThan(0.05);
    }
    expect(new Set(registry.mirrors.map((m) => m.location?.country)).size).toBeGreaterThan(40);
  });
});
