/**
 * A real `astro build` into `outDir`, as the integration tests run it: one locale unless told
 * otherwise, telemetry off, the registry and status named by `env` (`MIRRORS_DIR`,
 * `MIRRORS_CONFIG`, `MIRRORS_STATUS`, `LOCALES` …). Returns the finished process.
 */
import { spawnSync } from "node:child_process";

/** Room for one build on two busy cores; a test's `beforeAll` gives itself a little more. */
export const BUILD_TIMEOUT_MS = 240_000;

export function buildSite(outDir: string, env: Readonly<Record<string, string>> = {}) {
  return spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", LOCALES: "en", ...env },
    timeout: BUILD_TIMEOUT_MS,
  });
}
