/**
 * The site's locales, with no dependency so that `astro.config.mjs` can read them too. A locale
 * is a BCP 47 code (`pt-BR`); its URL segment is the code in lower case (`/pt-br/`).
 */

/** Every locale the site has translations for; the first is the default, served at the root. */
export const ALL_LOCALES = ["en", "de", "fr", "es", "pt-BR", "ru", "ja", "zh-CN", "id", "ar"] as const;
export type Locale = (typeof ALL_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

function isLocale(code: string): code is Locale {
  return (ALL_LOCALES as readonly string[]).includes(code);
}

/**
 * The locales this build renders: all of them, or the comma-separated list in `LOCALES` (the
 * default locale is always kept). Used by the benchmark to measure how builds grow with locales.
 */
export function selectLocales(list: string | undefined): readonly Locale[] {
  if (!list?.trim()) return ALL_LOCALES;
  const wanted = new Set(list.split(",").map((code) => code.trim()));
  const unknown = [...wanted].filter((code) => code && !isLocale(code));
  if (unknown.length > 0) throw new Error(`LOCALES names unknown locales: ${unknown.join(", ")}`);
  return ALL_LOCALES.filter((locale) => locale === DEFAULT_LOCALE || wanted.has(locale));
}

/** The locales of this build, default first. */
export const LOCALES: readonly Locale[] = selectLocales(globalThis.process?.env.LOCALES);

/** The locale's first URL segment: empty for the default locale, else the code in lower case. */
export function localeSegment(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? "" : locale.toLowerCase();
}
