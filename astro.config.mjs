// @ts-check
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { DEFAULT_LOCALE, LOCALES, localeSegment } from "./src/i18n/locales.ts";
import contactLeakCheck from "./src/integrations/contact-leak-check.ts";
import dataExport from "./src/integrations/data-export.ts";
import mirrorlistExport from "./src/integrations/mirrorlist-export.ts";
import securityHeaders from "./src/integrations/security-headers.ts";

/**
 * The pages route themselves (`src/pages/[...locale]/`); this tells Astro which segment is which
 * locale. A locale whose code is not its segment (`pt-BR` at `/pt-br/`) names both.
 * @type {import("astro").AstroUserConfig["i18n"]}
 */
const i18n = {
  locales: LOCALES.map((locale) =>
    localeSegment(locale) === locale || locale === DEFAULT_LOCALE
      ? locale
      : { path: localeSegment(locale), codes: [locale] },
  ),
  defaultLocale: DEFAULT_LOCALE,
  routing: { prefixDefaultLocale: false },
};

/**
 * `/sitemap-index.xml`: every page in every locale, each with its translations as `hreflang`
 * alternates (the first path segment names the locale; English is at the root). Not listed:
 * the 404 pages, and the pages that only send a major version on to its current minor.
 */
const sitemapOptions = {
  i18n: {
    defaultLocale: DEFAULT_LOCALE,
    locales: Object.fromEntries(LOCALES.map((locale) => [localeSegment(locale) || DEFAULT_LOCALE, locale])),
  },
  /** @param {string} page */
  filter: (page) => !/\/404\/$/.test(page) && !/\/isos\/[^/]+\/\d+\/$/.test(page),
};

/** @type {import("astro").AstroUserConfig} */
const config = {
  output: "static",
  site: process.env.SITE_URL ?? "https://mirrors.almalinux.org",
  trailingSlash: "always",
  i18n,
  // securityHeaders next to last: it hashes the inline scripts of the finished pages; then
  // contactLeakCheck reads every output for the mirror files' contact addresses.
  integrations: [sitemap(sitemapOptions), mirrorlistExport(), dataExport(), securityHeaders(), contactLeakCheck()],
  // The test suite runs builds side by side: each gets its own cache (the content layer's store
  // lives there), so that no build reads another's registry. Unset, Astro's own default.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
};

export default defineConfig(config);
