/** Mirrors grouped for display: by continent, then country, names in the reader's order. */
import type { ContinentCode } from "../core/types.ts";
import { collator, continentName, countryName } from "../i18n/format.ts";
import type { Locale } from "../i18n/index.ts";
import type { SiteMirror } from "./model.ts";

export interface CountryGroup {
  code: string;
  name: string;
  mirrors: SiteMirror[];
}

export interface ContinentGroup {
  /** Null for the mirrors whose file gives no location. */
  code: ContinentCode | null;
  name: string | null;
  countries: CountryGroup[];
}

/** Continents by name, countries by name, mirrors by city then name; "Location unknown" last. */
export function groupByPlace(locale: Locale, mirrors: readonly SiteMirror[]): ContinentGroup[] {
  const order = collator(locale);
  const byContinent = new Map<ContinentCode | null, Map<string, SiteMirror[]>>();
  for (const entry of mirrors) {
    const loc = entry.mirror.location;
    const continent = loc?.continent ?? null;
    const countries = byContinent.get(continent) ?? new Map<string, SiteMirror[]>();
    const code = loc?.country ?? "";
    countries.set(code, [...(countries.get(code) ?? []), entry]);
    byContinent.set(continent, countries);
  }
  const groups = [...byContinent].map(([code, countries]) => ({
    code,
    name: code ? continentName(locale, code) : null,
    countries: [...countries]
      .map(([cc, list]) => ({
        code: cc,
        name: cc ? countryName(locale, cc) : "",
        mirrors: list.sort(
          (a, b) =>
            order.compare(a.mirror.location?.city ?? "", b.mirror.location?.city ?? "") ||
            order.compare(a.mirror.name, b.mirror.name),
        ),
      }))
      .sort((a, b) => order.compare(a.name, b.name)),
  }));
  return groups.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : order.compare(a.name, b.name)));
}

/** Distinct countries and continents of the mirrors that have a location. */
export function countPlaces(mirrors: readonly SiteMirror[]): { countries: number; continents: number } {
  const countries = new Set(mirrors.flatMap((m) => (m.mirror.location ? [m.mirror.location.country] : [])));
  const continents = new Set(mirrors.flatMap((m) => (m.mirror.location ? [m.mirror.location.continent] : [])));
  return { countries: countries.size, continents: continents.size };
}
