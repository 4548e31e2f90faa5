/**
 * Builds the fixture sites of `sites.ts` into their folders, each unless its last build had the
 * same inputs: `serve-site.ts` before it serves one, `node tests/e2e/fixture-sites.ts` for all
 * of them at once (as `npm test` does before the browser suite and the tests that read them).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FIXTURE_SITES, type FixtureSiteName, siteDir } from "./sites.ts";

/** The settings of `docs/WEBSITE.md` a fixture build must not inherit from the caller's shell. */
const SITE_SETTINGS = [
  "LOCALES",
  "MIRRORS_DIR",
  "MIRRORS_CONFIG",
  "MIRRORS_STATUS",
  "MIRRORS_ALLOW_PRIVATE_ADDRESSES",
  "MIRRORS_EDIT_URL",
  "PUBLIC_MAP_TILES",
  "PUBLIC_MAP_ATTRIBUTION",
  "SITE_URL",
  "SOURCE_DATE_EPOCH",
  "STRICT",
];

/** What a build reads besides its registry: the site's code, assets, config and dependencies. */
const CODE_INPUTS = ["src", "public", "astro.config.mjs", "package-lock.json", "tsconfig.json"];

/** Every file under `path` (or `path` itself), sorted, so the digest does not depend on the order on disk. */
function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .map((file) => join(path, file))
    .filter((file) => !PROBE.test(file) && statSync(file, { throwIfNoEntry: false })?.isFile() === true)
    .sort();
}

/**
 * Scratch files that tests running beside a build put among the sources for a few seconds
 * (`layers.test.ts`, `typed-codes.test.ts`): no build reads them, so they change no site.
 */
const PROBE = /-probe-\d+-\d+\.ts$/;

/** A digest of everything the build of `env` reads: when it is the last build's, that build stands. */
function inputsDigest(env: Readonly<Record<string, string>>): string {
  const hash = createHash("sha256").update(JSON.stringify(env));
  const paths = [...CODE_INPUTS, ...Object.values(env).filter((value) => existsSync(value))];
  for (const file of paths.flatMap(filesOf)) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * Builds the site `name` into its folder (returned, absolute), through a scratch folder so a
 * failed build leaves none behind.
 */
export function buildFixtureSite(name: FixtureSiteName): string {
  const outDir = resolve(siteDir(name));
  const digestFile = `${outDir}.digest`;
  mkdirSync(join(outDir, ".."), { recursive: true });
  const { env } = FIXTURE_SITES[name];
  const digest = inputsDigest(env);
  if (existsSync(outDir) && existsSync(digestFile) && readFileSync(digestFile, "utf8") === digest) {
    console.log(`the ${name} site is up to date in ${outDir}`);
    return outDir;
  }
  const scratch = `${outDir}.building`;
  rmSync(scratch, { recursive: true, force: true });
  // Called from Vitest too: the same site as from a terminal, without its `NODE_ENV=test` and `VITEST*`.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !SITE_SETTINGS.includes(key) && key !== "NODE_ENV" && !key.startsWith("VITEST"),
    ),
  );
  const started = Date.now();
  const run = spawnSync("npx", ["astro", "build", "--outDir", scratch], {
    encoding: "utf8",
    // A cache of its own: another build may run beside it.
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: "1", ASTRO_CACHE_DIR: `${outDir}.astro-cache`, ...env },
  });
  if (run.status !== 0) throw new Error(`astro build of the ${name} site failed:\n${run.stderr}${run.stdout}`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(scratch, outDir);
  writeFileSync(digestFile, digest);
  console.log(`built the ${name} site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

if (import.meta.main) for (const name of Object.keys(FIXTURE_SITES) as FixtureSiteName[]) buildFixtureSite(name);
