/**
 * `npm start [-- --no-build]`: builds the site, then serves it as production does, through the
 * edge worker in `wrangler dev` (offline, on 127.0.0.1), so the pages and every list, metalink
 * and download URL answer as they will on Cloudflare. `npm run preview` is the plain static
 * server instead.
 *
 * Settings (environment): `PORT` (default 4321); `SITE_DIR`, the folder to build into and serve
 * (default `dist`); the build's own (`MIRRORS_DIR`, `MIRRORS_CONFIG`, `MIRRORS_STATUS`, `LOCALES`, …).
 */
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const DEPLOY_CONFIG = resolve(ROOT, "src/edge/wrangler.jsonc");

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--no-build");
if (unknown.length > 0) {
  console.error(`npm start: unknown argument ${unknown.join(" ")}; the only one is --no-build`);
  process.exit(2);
}
const port = process.env.PORT ?? "4321";
if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`npm start: PORT must be a port number (1-65535), not ${JSON.stringify(port)}`);
  process.exit(2);
}
const siteDir = resolve(ROOT, process.env.SITE_DIR ?? "dist");

if (!args.includes("--no-build")) {
  const build = spawnSync("npx", ["astro", "build", "--outDir", siteDir], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The deploy config as it is, with its routes and asset rules; only the assets folder may differ.
const wrangler = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "--config",
    DEPLOY_CONFIG,
    "--assets",
    siteDir,
    "--ip",
    "127.0.0.1",
    "--port",
    port,
    "--show-interactive-dev-session=false",
  ],
  { cwd: ROOT, stdio: "inherit", env: { WRANGLER_SEND_METRICS: "false", ...process.env } },
);
console.log(`serving ${siteDir} with the edge worker at http://127.0.0.1:${port}/ (Ctrl-C stops)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
