/**
 * Static paths in every locale. Pages live under `src/pages/[...locale]/`: the rest parameter is
 * undefined for the default locale (served at the root) and the locale's segment otherwise.
 */
import { LOCALES, type Locale, localeSegment } from "./locales.ts";

/** One `getStaticPaths` entry of a page, before it is multiplied by the locales. */
export interface LocalisedPage<Params extends Record<string, string>, Props extends object> {
  params: Params;
  props: Props;
}

/** `pages` once per locale of the build, each with its `locale` parameter and prop. */
export function inEveryLocale<Params extends Record<string, string>, Props extends object>(
  pages: readonly LocalisedPage<Params, Props>[],
): { params: Params & { locale: string | undefined }; props: Props & { locale: Locale } }[] {
  return LOCALES.flatMap((locale) =>
    pages.map(({ params, props }) => ({
      params: { ...params, locale: localeSegment(locale) || undefined },
      props: { ...props, locale },
    })),
  );
}

/** `getStaticPaths` of a page without parameters of its own: one per locale. */
export function everyLocale(): { params: { locale: string | undefined }; props: { locale: Locale } }[] {
  return inEveryLocale([{ params: {}, props: {} }]);
}
