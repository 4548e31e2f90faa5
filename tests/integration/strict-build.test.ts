/**
 * `STRICT=1`: the registry's CI builds with it, so that a file with an error fails the build
 * instead of being left out with a warning.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, buildSite, scratchDir } from "./site-build.ts";

const outDir = scratchDir("strict-build-");
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("a build with STRICT=1", () => {
  it(
    "fails on a registry with errors, saying how many and what to run, and writes no page",
    () => {
      const build = buildSite(outDir, { MIRRORS_DIR: "tests/fixtures/validate/broken", STRICT: "1" });
      expect(build.status).not.toBe(0);
      expect(`${build.stdout}${build.stderr}`).toMatch(/STRICT=1: the registry has \d+ errors\. Run npm run validate/);
      expect(() => rmSync(join(outDir, "index.html"))).toThrow();
    },
    BUILD_TIMEOUT_MS,
  );
});
