/** Site paths per locale: the default locale at the root, the others under `/<lang>/`. */
import { type Locale, localeSegment } from "./locales.ts";

/** `path` (absolute, with a trailing slash) as seen from `locale`: `/de/kitten/`, `/pt-br/…`. */
export function localePath(locale: Locale, path: string): string {
  const segment = localeSegment(locale);
  return segment ? `/${segment}${path}` : path;
}

export const paths = {
  home: "/",
  mirror: (name: string) => `/mirrors/${encodeURIComponent(name)}/`,
  country: (code: string) => `/countries/${code.toLowerCase()}/`,
  kitten: "/kitten/",
  isos: "/isos/",
  join: "/join/",
  data: "/data/",
  iso: (arch: string, version: string) => `/isos/${arch}/${version}/`,
  /** An image tree's index: `/cloud/`. */
  imageTree: (tree: string) => `/${tree}/`,
  /** An image folder's page: `/cloud/aarch64/10.2/`. */
  image: (tree: string, arch: string, version: string) => `/${tree}/${arch}/${version}/`,
} as const;
