/**
 * The site built from the hostile fixture registry (`tests/fixtures/hostile/`), English and
 * Arabic only: where Playwright's second web server builds it and the port it serves it on.
 */

/** Build output of the hostile site: under node_modules so no linter, checker or git sees it. */
export const HOSTILE_DIST = "node_modules/.cache/hostile-dist";

/** Loopback port of the hostile site (the real site is on 4321). */
export const HOSTILE_PORT = 4322;

/**
 * Builds the hostile site into `HOSTILE_DIST`, then serves it on `HOSTILE_PORT`. `--ignore-lock`:
 * Astro allows one tracked preview server per project, and the real site's holds that lock.
 */
export const HOSTILE_SERVER_COMMAND = [
  "ASTRO_TELEMETRY_DISABLED=1 LOCALES=en,ar",
  "MIRRORS_DIR=tests/fixtures/hostile/mirrors.d MIRRORS_CONFIG=tests/fixtures/hostile/config.yml",
  `npx astro build --outDir ${HOSTILE_DIST}`,
  `&& npx astro preview --outDir ${HOSTILE_DIST} --host 127.0.0.1 --port ${HOSTILE_PORT} --ignore-lock`,
].join(" ");
