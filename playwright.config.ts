import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium.ts";
import { BASE_PORT, FIXTURE_SITES } from "./tests/e2e/sites.ts";

const executablePath = chromiumPath() ?? undefined;
const origin = (port: number): string => `http://127.0.0.1:${port}`;

/*
 * One project per site (see tests/e2e/sites.ts): "smoke" walks the real registry's `dist/` (built
 * by `npm run build`, which comes first in `npm test`); the others run against sites built from
 * small fixture registries, each on its own port counted up from E2E_PORT. Every server is
 * started by this suite, which refuses to test whatever else may already listen on its port.
 */
const fixtureProjects = Object.entries(FIXTURE_SITES).map(([name, site]) => ({
  name,
  testMatch: site.specs,
  use: { baseURL: origin(BASE_PORT + site.portOffset) },
}));

const SMOKE_SPECS = /\/(smoke|dist-content)\.spec\.ts$/;

const specs = readdirSync("tests/e2e").filter((file) => file.endsWith(".spec.ts"));
// A spec that no project names would silently never run: refuse to start instead.
const unmatched = specs.filter(
  (file) => ![SMOKE_SPECS, ...fixtureProjects.map((p) => p.testMatch)].some((m) => m.test(`/${file}`)),
);
if (unmatched.length > 0)
  throw new Error(`no Playwright project runs ${unmatched.join(", ")}: add it to tests/e2e/sites.ts`);
// A spec on Playwright's bare `test` would pass with console errors and requests to other hosts.
const unwatched = specs.filter((file) => !/from "\.\/fixtures\.ts"/.test(readFileSync(`tests/e2e/${file}`, "utf8")));
if (unwatched.length > 0)
  throw new Error(`${unwatched.join(", ")}: take test and expect from ./fixtures.ts, which watches every page`);

const fixtureServers = Object.entries(FIXTURE_SITES).map(([name, site]) => ({
  // Builds the site unless its inputs are unchanged since the last build (seconds to minutes).
  command: `node tests/e2e/serve-site.ts ${name}`,
  url: `${origin(BASE_PORT + site.portOffset)}/`,
  reuseExistingServer: false,
  timeout: 600_000,
  stdout: "pipe" as const,
}));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  // axe over a page of rows takes seconds on two busy cores.
  timeout: 90_000,
  // The map loads Leaflet, its data and the world's shapes: seconds, not milliseconds, on busy cores.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "smoke", testMatch: SMOKE_SPECS, use: { baseURL: origin(BASE_PORT) } }, ...fixtureProjects],
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${BASE_PORT}`,
      url: `${origin(BASE_PORT)}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...fixtureServers,
  ],
});
