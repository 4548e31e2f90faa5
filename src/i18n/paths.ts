/** Site paths per locale: the default locale at the root, the others under `/<lang>/`. */
import { DEFAULT_LOCALE, type Locale } from "./index.ts";

/** `path` (absolute, with a trailing slash) as seen from `locale`. */
export function localePath(locale: Locale, path: string): string {
  return locale === DEFAULT_LOCALE ? path : `/${locale}${path}`;
}

export const paths = {
  home: "/",
  mirror: (name: string) => `/mirrors/${encodeURIComponent(name)}/`,
  country: (code: string) => `/countries/${code.toLowerCase()}/`,
  kitten: "/kitten/",
  isos: "/isos/",
  join: "/join/",
  iso: (arch: string, version: string) => `/isos/${arch}/${version}/`,
} as const;
