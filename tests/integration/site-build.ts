/**
 * A real `astro build` into `outDir`, as the integration tests run it: one locale unless told
 * otherwise, telemetry off, the registry and status named by `env` (`MIRRORS_DIR`,
 * `MIRRORS_CONFIG`, `MIRRORS_STATUS`, `LOCALES` …), Astro's cache beside `outDir` so that builds
 * in two test workers never share one. Returns the finished process.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { StatusFile } from "../../src/core/types.ts";

/**
 * A fresh scratch folder for a build, inside the project: Astro writes a build's prerendered
 * chunks into its output folder only when that is under the working directory, and into the
 * project's `.astro/` otherwise, where two builds at once overwrite each other's.
 */
export function scratchDir(prefix: string): string {
  const root = resolve("node_modules", ".cache", "mirrorsite", "scratch");
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}

/** Room for one build on two busy cores; a test's `beforeAll` gives itself a little more. */
export const BUILD_TIMEOUT_MS = 240_000;

/** The environment that gives the Astro process building into `outDir` a cache of its own. */
export function astroCache(outDir: string): { ASTRO_TELEMETRY_DISABLED: "1"; ASTRO_CACHE_DIR: string } {
  return { ASTRO_TELEMETRY_DISABLED: "1", ASTRO_CACHE_DIR: `${outDir}.astro-cache` };
}

export function buildSite(outDir: string, env: Readonly<Record<string, string>> = {}) {
  return spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    encoding: "utf8",
    env: { ...process.env, ...astroCache(outDir), LOCALES: "en", ...env },
    timeout: BUILD_TIMEOUT_MS,
  });
}

/** As `buildSite`, without blocking: two builds with their own caches can run side by side. */
export function buildSiteAsync(
  outDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn("npx", ["astro", "build", "--outDir", outDir], {
      env: { ...process.env, ...astroCache(outDir), LOCALES: "en", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
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
  const work = scratchDir(`${name}-`);
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
