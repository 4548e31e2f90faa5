/** One timed `astro build` of the project, for the benchmarks of the site. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const astro = join(import.meta.dirname, "../../node_modules/astro/bin/astro.mjs");

/** Seconds one `astro build` into `outDir` takes with `env` (`LOCALES`, `MIRRORS_STATUS` …). */
export function astroBuildSeconds(outDir: string, env: Readonly<Record<string, string>>): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [astro, "build", "--outDir", outDir], {
    stdio: "ignore",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
  });
  if (run.status !== 0) throw new Error(`astro build failed with ${JSON.stringify(env)}`);
  return (performance.now() - started) / 1000;
}
