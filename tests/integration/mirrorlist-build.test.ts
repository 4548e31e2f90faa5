/**
 * The build integration, for real: the mirrorlist files `npm run build` wrote into `dist/` (the
 * real registry, no status; `npm test` builds before this test runs) are compared with the
 * export made in this process (same bytes: deterministic).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { realIndex } from "../unit/mirrorlist-real-index.ts";

const outDir = "dist";

beforeAll(() => {
  if (!existsSync(join(outDir, "mirrorlist", "v1.json")))
    throw new Error("no dist/mirrorlist/v1.json: run `npm run build` first (`npm test` does)");
});

describe("npm run build's mirrorlist export", () => {
  it("writes the index, its schema and every static list, byte for byte as the core exports them", () => {
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
