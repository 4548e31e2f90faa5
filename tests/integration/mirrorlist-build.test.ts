/**
 * The build integration, for real: `astro build` into a folder of its own, then the mirrorlist
 * files it wrote are compared with the export made in this process (same bytes: deterministic).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { realIndex } from "../unit/mirrorlist-real-index.ts";
import { buildSite } from "./site-build.ts";

const outDir = mkdtempSync(join(tmpdir(), "ml-build-"));
let build: ReturnType<typeof buildSite>;

beforeAll(() => {
  build = buildSite(outDir); // One locale is enough: the export does not depend on the pages' languages.
}, 250_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("npm run build's mirrorlist export", () => {
  it("writes the index, its schema and every static list, byte for byte as the core exports them", () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const { registry, locate } = realIndex();
    const expected = mirrorlistFiles(registry, locate).files;
    for (const file of expected) {
      const path = join(outDir, file.path);
      expect(existsSync(path), file.path).toBe(true);
      expect(readFileSync(path, "utf8"), file.path).toBe(file.text);
    }
    expect(expected.some((f) => f.path.startsWith("isolist/"))).toBe(true);
    // Loading and geocoding the real registry in this process takes seconds on two busy cores.
  }, 60_000);
});
