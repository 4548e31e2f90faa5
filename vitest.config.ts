import { defineConfig } from "vitest/config";

/**
 * Two projects, each run alone by its script (`vitest run --project unit|integration`), both by a
 * bare `vitest run`:
 * - `unit` (tests/unit): the core, the site model and the pure parts of the CLIs, in-process only.
 *   No build, no child process, no server or socket, no workerd: the fast loop while editing.
 * - `integration` (tests/integration): whatever runs a program (the CLIs, `astro build`,
 *   `astro dev`, wrangler, biome, dnf), opens a socket (loopback HTTP mirrors, the dev server) or
 *   starts workerd.
 */
export default defineConfig({
  test: {
    // Many tests start a CLI or read the whole registry: seconds, not milliseconds, on two busy
    // cores. A time limit here catches a hang, not slowness; benchmarks measure speed.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"] } },
    ],
  },
});
