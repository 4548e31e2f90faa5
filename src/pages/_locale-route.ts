/**
 * What a route of a page that exists once per locale and takes nothing but its locale (home,
 * Kitten, join, data) shares: its `getStaticPaths` and its props. Astro routes no file whose name
 * starts with `_`.
 */
import type { GetStaticPaths } from "astro";
import type { Locale } from "../i18n/index.ts";
import { everyLocale } from "../i18n/routes.ts";

/** One path per locale, English at the root. */
export const getLocalePaths = (() => everyLocale()) satisfies GetStaticPaths;

export interface LocaleProps {
  locale: Locale;
}
