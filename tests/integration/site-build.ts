/**
 * A real `astro build` into `outDir`, as the integration tests run it: one locale unless told
 * otherwise, telemetry off, the registry and status named by `env` (`MIRRORS_DIR`,
 * `MIRRORS_CONFIG`, `MIRRORS_STATUS`, `LOCALES` …). Returns the finished process.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StatusFile } from "../../src/core/types.ts";

/** Room for one build on two busy cores; a test's `beforeAll` gives itself a little more. */
export const BUILD_TIMEOUT_MS = 240_000;

export function buildSite(outDir: string, env: Readonly<Record<string, string>> = {}) {
  return spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", LOCALES: "en", ...env },
    timeout: BUILD_TIMEOUT_MS,
  });
}

/** A site built from mirror files and a status file written to a scratch folder. */
export interface ScratchSite {
  build: ReturnType<typeof buildSite>;
  /** A file of the built site, such as `de/index.html`. */
  page(path: string): string;
  /** The built site's folder. */
  dist: string;
  remove(): void;
}

/**
 * Writes `mirrors` (file name without `.yml` → text) and `status` to a scratch folder and builds
 * the site from them, with the checker's small config, in `locales` (`LOCALES`).
 */
export function buildScratchSite(
  name: string,
  mirrors: Record<string, string>,
  status: StatusFile,
  locales: string,
): ScratchSite {
  const work = mkdtempSync(join(tmpdir(), `${name}-`));
  const mirrorsDir = join(work, "mirrors.d");
  mkdirSync(mirrorsDir);
  for (const [file, text] of Object.entries(mirrors)) writeFileSync(join(mirrorsDir, `${file}.yml`), text);
  const statusFile = join(work, "status.json");
  writeFileSync(statusFile, JSON.stringify(status));
  const outDir = join(work, "dist");
  const build = buildSite(outDir, {
    MIRRORS_DIR: mirrorsDir,
    MIRRORS_CONFIG: "tests/fixtures/check/config.yml",
    MIRRORS_STATUS: statusFile,
    LOCALES: locales,
  });
  return {
    build,
    page: (path) => readFileSync(join(outDir, path), "utf8"),
    dist: outDir,
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
