import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium.ts";

const executablePath = chromiumPath() ?? undefined;
// E2E_PORT lets two checkouts run their suites side by side; each suite starts its own
// preview server and refuses to test whatever else may already listen on that port.
const port = Number(process.env.E2E_PORT ?? 4321);
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  // axe over a page of 500 rows takes most of the default 30 s on two busy cores.
  timeout: 90_000,
  // The map loads Leaflet, its data and the world's shapes: seconds, not milliseconds, on busy cores.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: origin,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  // The suite runs against the built site (`npm run build` comes first in `npm test`).
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `${origin}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
