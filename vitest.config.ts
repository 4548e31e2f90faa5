import { defineConfig } from "vitest/config";

/**
 * Files that run Astro (`astro build`, `astro dev`) or read a site it built: the `build` project,
 * which `npm test` runs in its Astro lane once `npm run build` and the fixture sites are done.
 * Each build has a cache of its own (`tests/integration/site-build.ts`), so two can run at once.
 */
const ASTRO_FILES = [
  "address-leaks-build",
  "address-placement-build",
  "dev-server",
  "dnf-metalink",
  "download-images",
  "health-build",
  "hostile-names-build",
  "mirrorlist-build",
  "npm-start",
  "security-headers-served",
  "status-build",
  "strict-build",
].map((name) => `tests/integration/${name}.test.ts`);

/**
 * Three projects, each run alone by its script, all by a bare `vitest run`:
 * - `unit` (tests/unit): the core, the site model and the pure parts of the CLIs, in-process:
 *   the fast loop while editing. No build, server, socket or workerd; scratch folders only (one
 *   test runs `mkfifo` to plant a FIFO among the mirror files, as Node cannot make one).
 * - `integration` (tests/integration): whatever runs a program (the CLIs, wrangler, biome, dnf),
 *   opens a socket (loopback HTTP mirrors) or starts workerd, without Astro.
 * - `build`: the integration files of `ASTRO_FILES`.
 */
export default defineConfig({
  test: {
    // Many tests start a CLI or read the whole registry: seconds, not milliseconds, on two busy
    // cores. A time limit here catches a hang, not slowness; benchmarks measure speed.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Vitest's default on two cores is one worker: the files would run one after the other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], exclude: ASTRO_FILES },
      },
      { extends: true, test: { name: "build", include: ASTRO_FILES } },
    ],
  },
});
