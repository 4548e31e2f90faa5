/**
 * Country codes: ISO 3166-1 alpha-2. Known aliases (`UK`, English names, lower case) are
 * normalised with a warning; anything else is an error.
 */
import { countries } from "countries-list";
import { ownValue } from "../own-property.ts";
import type { ContinentCode } from "../types.ts";

/** Codes people write that are not ISO 3166-1 alpha-2 but name a country unambiguously. */
const CODE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["UK", "GB"],
  ["EL", "GR"],
]);

const englishNames = new Intl.DisplayNames(["en"], { type: "region" });

/** English name (lower case) → code, from CLDR through Intl and from `countries-list`; built on first need. */
let byName: ReadonlyMap<string, string> | null = null;

function codeByEnglishName(name: string): string | undefined {
  byName ??= new Map(
    Object.entries(countries).flatMap(([code, data]) => [
      [data.name.toLowerCase(), code],
      [(englishNames.of(code) ?? code).toLowerCase(), code],
    ]),
  );
  return byName.get(name.toLowerCase());
}

export type CountryLookup = { kind: "exact"; code: string } | { kind: "alias"; code: string } | { kind: "unknown" };

export function lookUpCountry(raw: string): CountryLookup {
  const text = raw.trim();
  // `countries` is a plain object: `in` would also find `constructor`, `toString` …
  if (Object.hasOwn(countries, text)) return { kind: "exact", code: text };
  const upper = text.toUpperCase();
  if (Object.hasOwn(countries, upper)) return { kind: "alias", code: upper };
  const alias = CODE_ALIASES.get(upper) ?? codeByEnglishName(text);
  return alias ? { kind: "alias", code: alias } : { kind: "unknown" };
}

export function continentOf(code: string): ContinentCode {
  return ownValue(countries as Record<string, { continent: ContinentCode }>, code)?.continent ?? "AN";
}

export function countryName(code: string): string {
  return englishNames.of(code) ?? code;
}
