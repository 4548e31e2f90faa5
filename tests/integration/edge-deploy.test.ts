/**
 * `wrangler deploy --dry-run`, offline: wrangler reads the deploy config (src/edge/wrangler.jsonc,
 * here over a small assets folder with the site's real `_headers`) and bundles the worker as a
 * deploy would, then stops before uploading. A config or bundling break fails here, not at deploy.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headersFile } from "../../src/integrations/headers-file.ts";
import { deployConfigCopy } from "./deploy-config.ts";

const work = mkdtempSync(join(tmpdir(), "edge-deploy-"));
const outDir = join(work, "out");
let deploy: ReturnType<typeof spawnSync>;

beforeAll(() => {
  const assets = join(work, "assets");
  mkdirSync(join(assets, "mirrorlist"), { recursive: true });
  writeFileSync(join(assets, "index.html"), "<!doctype html><title>Mirrors</title>\n");
  writeFileSync(join(assets, "404.html"), "<!doctype html><title>Not found</title>\n");
  writeFileSync(join(assets, "mirrorlist", "v1.json"), "{}\n");
  writeFileSync(join(assets, "_headers"), headersFile({ scriptHashes: [], tileOrigin: null }));
  const config = deployConfigCopy(work, assets);
  deploy = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--config", config, "--outdir", outDir], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    timeout: 120_000,
  });
}, 130_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("wrangler deploy --dry-run with the deploy config", () => {
  it("reads the config and the assets and stops before uploading", () => {
    const log = `${deploy.stdout}\n${deploy.stderr}`;
    expect(deploy.status, log).toBe(0);
    expect(log).toMatch(/Read \d+ files? from the assets directory/);
    expect(log).toContain("env.ASSETS");
    expect(log).toContain("--dry-run: exiting now.");
  });

  it("writes the worker bundle, with the list routes in it", () => {
    const bundle = join(outDir, "worker.js");
    expect(existsSync(bundle), `${deploy.stdout}\n${deploy.stderr}`).toBe(true);
    const code = readFileSync(bundle, "utf8");
    expect(code).toContain("/mirrorlist/v1.json");
    expect(code).toContain("/metalink/");
    expect(code).toMatch(/export\s*\{[^}]*default/);
  });
});
