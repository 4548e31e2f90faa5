/**
 * Reproducible builds: the same inputs give a byte-identical `dist/`. Two builds of the real
 * registry into two folders (English and Arabic, so both directions) are compared file by file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildSite } from "./site-build.ts";

const work = mkdtempSync(join(tmpdir(), "repro-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(name: string): string {
  const outDir = join(work, name);
  const run = buildSite(outDir, { LOCALES: "en,ar", SOURCE_DATE_EPOCH: "" });
  expect(run.status, run.stderr).toBe(0);
  return outDir;
}

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

it("builds the same bytes twice", () => {
  const first = build("a");
  const second = build("b");
  const names = files(first);
  expect(files(second)).toEqual(names);
  expect(names.length).toBeGreaterThan(1000);
  const differing = names.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
  expect(differing).toEqual([]);
}, 500_000);
