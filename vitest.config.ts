import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // Many tests start a CLI or read the whole registry: seconds, not milliseconds, on two busy
    // cores. A time limit here catches a hang, not slowness; benchmarks measure speed.
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
