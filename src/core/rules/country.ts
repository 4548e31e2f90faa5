/**
 * Country codes: ISO 3166-1 alpha-2. Known aliases (`UK`, English names, lower case) are
 * normalised with a warning; anything else is an error.
 */
import { COUNTRIES } from "../geo/country-table.ts";
import { ownValue } from "../own-property.ts";
import type { ContinentCode } from "../types.ts";

/** Codes people write that are not ISO 3166-1 alpha-2 but name a country unambiguously. */
const CODE_ALIASES: ReadonlyMap<string, string> = new Map([
  ["UK", "GB"],
  ["EL", "GR"],
]);

const englishNames = new Intl.DisplayNames(["en"], { type: "region" });

/** English name (lower case) → code, from CLDR through Intl and from the country table; built on first need. */
let byName: ReadonlyMap<string, string> | null = null;

function codeByEnglishName(name: string): string | undefined {
  byName ??= new Map(
    Object.entries(COUNTRIES).flatMap(([code, [, name]]) => [
      [name.toLowerCase(), code],
      [(englishNames.of(code) ?? code).toLowerCase(), code],
    ]),
  );
  return byName.get(name.toLowerCase());
}

export type CountryLookup = { kind: "exact"; code: string } | { kind: "alias"; code: string } | { kind: "unknown" };

export function lookUpCountry(raw: string): CountryLookup {
  const text = raw.trim();
  // `COUNTRIES` is a plain object: `in` would also find `constructor`, `toString` …
  if (Object.hasOwn(COUNTRIES, text)) return { kind: "exact", code: text };
  const upper = text.toUpperCase();
  if (Object.hasOwn(COUNTRIES, upper)) return { kind: "alias", code: upper };
  const alias = CODE_ALIASES.get(upper) ?? codeByEnglishName(text);
  return alias ? { kind: "alias", code: alias } : { kind: "unknown" };
}

export function continentOf(code: string): ContinentCode {
  return ownValue(COUNTRIES, code)?.[0] ?? "AN";
}

export function countryName(code: string): string {
  return englishNames.of(code) ?? code;
}
