/**
 * Copies of the deploy config (src/edge/wrangler.jsonc) for tests that run wrangler itself:
 * everything as it is deployed, but serving a test's assets folder, with the repo's worker.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
export const DEPLOY_CONFIG = join(ROOT, "src/edge/wrangler.jsonc");

/**
 * Writes `dir/wrangler.json`: the deploy config with `assets.directory` set to `assets` and
 * `main` to the worker's absolute path (both are relative to the config file in the repo).
 * Returns its path.
 */
export function deployConfigCopy(dir: string, assets: string): string {
  // The config's comments are whole lines; JSON.parse says so loudly should that change.
  const text = readFileSync(DEPLOY_CONFIG, "utf8").replace(/^\s*\/\/.*$/gm, "");
  const config = JSON.parse(text) as { $schema?: string; main: string; assets: { directory: string } };
  delete config.$schema;
  config.main = join(ROOT, "src/edge", config.main);
  config.assets.directory = assets;
  const path = join(dir, "wrangler.json");
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}
