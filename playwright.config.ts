import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tests/e2e/chromium.ts";
import { HOSTILE_PORT, HOSTILE_SERVER_COMMAND } from "./tests/e2e/hostile-site.ts";

const executablePath = chromiumPath() ?? undefined;
const HOSTILE_SPEC = "hostile.spec.ts";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? "line" : "list",
  use: {
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "site", testIgnore: HOSTILE_SPEC, use: { baseURL: "http://127.0.0.1:4321" } },
    { name: "hostile", testMatch: HOSTILE_SPEC, use: { baseURL: `http://127.0.0.1:${HOSTILE_PORT}` } },
  ],
  webServer: [
    // The suite runs against the built site (`npm run build` comes first in `npm test`).
    {
      command: "npx astro preview --host 127.0.0.1 --port 4321",
      url: "http://127.0.0.1:4321/",
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    // The hostile fixture registry's site is built here, into its own folder (about 25 s).
    {
      command: HOSTILE_SERVER_COMMAND,
      url: `http://127.0.0.1:${HOSTILE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
    },
  ],
});
