/**
 * A build of the site that benches reuse between runs: `astro build` into a folder under
 * `node_modules/.cache/mirrorsite/` (no linter, checker or git sees it), redone only when what
 * it reads has changed (the site's code, assets, config, dependencies and the files `env` names).
 * The machine is shared: a bench that only reads the built pages should not rebuild them.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { astroBuildSeconds } from "./_astro-build.ts";

const root = join(import.meta.dirname, "../..");
/** What every build reads besides the files its settings name. */
const CODE_INPUTS = [
  "src",
  "public",
  "astro.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "mirrors.d",
  "config.yml",
];

/** Every file under `path` (or `path` itself), sorted. */
function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .map((file) => join(path, file))
    .filter((file) => statSync(file).isFile())
    .sort();
}

function inputsDigest(env: Readonly<Record<string, string>>): string {
  const hash = createHash("sha256").update(JSON.stringify(env));
  const paths = [...CODE_INPUTS.map((p) => join(root, p)), ...Object.values(env).filter((v) => existsSync(v))];
  for (const file of paths.flatMap(filesOf)) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * The folder of the site built with `env` under the cache name `name`, built now only when its
 * inputs changed since the last build; `seconds` is the build's time, or null when it was reused.
 */
export function cachedBuild(
  name: string,
  env: Readonly<Record<string, string>>,
): { outDir: string; seconds: number | null } {
  const outDir = join(root, "node_modules", ".cache", "mirrorsite", "bench-sites", name);
  const digestFile = `${outDir}.digest`;
  const digest = inputsDigest(env);
  if (existsSync(outDir) && existsSync(digestFile) && readFileSync(digestFile, "utf8") === digest) {
    return { outDir, seconds: null };
  }
  mkdirSync(join(outDir, ".."), { recursive: true });
  const scratch = `${outDir}.building`;
  rmSync(scratch, { recursive: true, force: true });
  const seconds = astroBuildSeconds(scratch, env);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(scratch, outDir);
  writeFileSync(digestFile, digest);
  return { outDir, seconds };
}
