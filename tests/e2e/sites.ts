/**
 * The sites the browser suite runs against, one Playwright project each (see
 * `playwright.config.ts`): the real registry's `dist/` for the smoke spec, and three sites built
 * from small fixture registries whose facts the specs own. Each is served on its own loopback
 * port, counted up from `E2E_PORT` (default 4321) so that two checkouts can run side by side.
 */
import { join } from "node:path";

/** A site built from a fixture registry by `serve-site.ts`, before the first test. */
export interface FixtureSite {
  /** Added to `E2E_PORT` for the site's server. */
  portOffset: number;
  /** What `astro build` reads: registry, config, status file, locales. */
  env: Readonly<Record<string, string>>;
  /** The specs that run against it (the project's `testMatch`). */
  specs: RegExp;
  /** Served through the edge worker in `wrangler dev` (`npm start -- --no-build`), not as static files. */
  worker?: boolean;
}

/** First port of the suite: the real site is served there, the fixture sites on the next ones. */
export const BASE_PORT = Number(process.env.E2E_PORT ?? 4321);

/** Where a fixture site is built: under `node_modules/` so no linter, checker or git sees it. */
export const siteDir = (name: string): string => join("node_modules", ".cache", "mirrorsite", "e2e-sites", name);

/** The folder of the small, ordinary registry (`tests/fixtures/site/`). */
export const SITE_MIRRORS_DIR = "tests/fixtures/site/mirrors.d";

export const FIXTURE_SITES = {
  /**
   * 38 files of the real registry, copied and kept: both Southfield mirrors, Iceland's, all of
   * Germany's, two of Africa, the ones the specs read in full (round trips, longest names), a
   * private mirror and some without a location. All ten locales, no status report.
   */
  site: {
    portOffset: 1,
    env: { MIRRORS_DIR: SITE_MIRRORS_DIR, MIRRORS_CONFIG: "tests/fixtures/site/config.yml" },
    specs: /\/(a11y|a11y-sweep|csp|home|i18n|isos|join|layout|map|page-checks|pages|repo-snippet)\.spec\.ts$/,
  },
  /** Every free-text field and URL carries markup, script, bidi overrides or very long text. */
  hostile: {
    portOffset: 2,
    env: {
      LOCALES: "en,ar",
      MIRRORS_DIR: "tests/fixtures/hostile/mirrors.d",
      MIRRORS_CONFIG: "tests/fixtures/hostile/config.yml",
    },
    specs: /\/hostile\.spec\.ts$/,
  },
  /** The checker's fixture registry with a status report whose history gives a mirror bad days. */
  history: {
    portOffset: 3,
    env: {
      LOCALES: "en,ar",
      MIRRORS_DIR: "tests/fixtures/check/mirrors.d",
      MIRRORS_CONFIG: "tests/fixtures/check/config.yml",
      MIRRORS_STATUS: "tests/fixtures/history/status.json",
      MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1",
    },
    specs: /\/history\.spec\.ts$/,
  },
  /**
   * The ordinary registry with a status report (`tests/fixtures/checked/status.json`) that holds
   * broken, outdated, unreachable and ok mirrors, and leaves the rest never checked: what the
   * pages say of each state, in a left-to-right and a right-to-left language.
   */
  checked: {
    portOffset: 4,
    env: {
      LOCALES: "en,de,ar",
      MIRRORS_DIR: SITE_MIRRORS_DIR,
      MIRRORS_CONFIG: "tests/fixtures/site/config.yml",
      MIRRORS_STATUS: "tests/fixtures/checked/status.json",
    },
    specs: /\/checked-[a-z-]+\.spec\.ts$/,
  },
  /**
   * The `site` registry with the four image trees and a status report that knows the origin's
   * CHECKSUM of five folders and each mirror's state there; served with the edge worker, so the
   * image pages' "Nearest to you" is filled.
   */
  images: {
    portOffset: 5,
    env: {
      LOCALES: "en,ar",
      MIRRORS_DIR: SITE_MIRRORS_DIR,
      MIRRORS_CONFIG: "tests/fixtures/images/config.yml",
      MIRRORS_STATUS: "tests/fixtures/images/status.json",
    },
    specs: /\/images\.spec\.ts$/,
    worker: true,
  },
  /**
   * The `site` registry with a status report (30 days of history, every state; the mirrors whose
   * file is not named after them are not in it, as a checker that had not seen them yet),
   * al-mirror.a2hosting.com behind two repos, a mirror without IPv6), made with `historyStatusFile` of
   * scripts/bench/_history-status.ts: the mirror table with all its health, in en, ar and ja.
   */
  health: {
    portOffset: 6,
    env: {
      LOCALES: "en,ar,ja",
      MIRRORS_DIR: SITE_MIRRORS_DIR,
      MIRRORS_CONFIG: "tests/fixtures/site/config.yml",
      MIRRORS_STATUS: "tests/fixtures/health/status.json",
    },
    specs: /\/table-health\.spec\.ts$/,
  },
} as const satisfies Record<string, FixtureSite>;

export type FixtureSiteName = keyof typeof FIXTURE_SITES;

/**
 * What the `site` fixture registry shows, counted once by hand from its files and kept here: the
 * specs assert these, never the real registry's counts (those live in `tests/registry-facts.json`).
 */
export const SITE_FACTS = {
  /** Rows of the home page's table: not private, not cloud-only. */
  publicMirrors: 34,
  /** Public mirrors with a place, on the map. */
  located: 32,
  /** Public mirrors under "Location unknown". */
  unknownLocation: 2,
  /** Public mirrors in Germany. */
  germany: 19,
  /** Public mirrors with a Kitten URL. */
  kitten: 4,
} as const;
