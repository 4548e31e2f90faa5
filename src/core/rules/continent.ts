/**
 * Rule: `geolocation.continent`, which upstream documents as optional ("name of a continent,
 * e.g. North America"). Nothing reads it: the continent always follows from the country. So a
 * continent that is not one, or that the country is not on, is a warning that says which
 * continent the mirror is listed under.
 */

import { CONTINENT_NAMES as continents } from "../geo/country-table.ts";
import { ownValue } from "../own-property.ts";
import type { ContinentCode } from "../types.ts";
import type { FileReporter } from "./reporter.ts";

/** Countries that lie on two continents, with the one the country table does not give them. */
const ALSO_ON: Readonly<Record<string, ContinentCode>> = {
  RU: "EU",
  TR: "EU",
  KZ: "EU",
  GE: "EU",
  AZ: "EU",
  AM: "EU",
  CY: "AS",
  EG: "AS",
  ID: "OC",
  TL: "AS",
};

/** Spellings of a continent beyond its code and English name, as sponsors write them. */
const ALIASES: Readonly<Record<string, ContinentCode>> = { australia: "OC", antarctic: "AN" };

/** The continent `text` names, by code (`EU`) or English name (`Europe`, any case); null when none. */
function lookUpContinent(text: string): ContinentCode | null {
  const wanted = text.trim().replaceAll(/\s+/g, " ").toLowerCase();
  for (const [code, name] of Object.entries(continents) as [ContinentCode, string][]) {
    if (wanted === code.toLowerCase() || wanted === name.toLowerCase()) return code;
  }
  return ownValue(ALIASES, wanted) ?? null;
}

/** Warns when the file's optional `geolocation.continent` is no continent, or not one `country` lies on. */
export function checkContinent(r: FileReporter, written: unknown, country: string, listedUnder: ContinentCode): void {
  if (typeof written !== "string" || written.trim() === "") return;
  const named = lookUpContinent(written);
  if (named === listedUnder || (named !== null && ownValue(ALSO_ON, country) === named)) return;
  const names = { written, listed: listedUnder, listedName: continents[listedUnder] };
  r.report(
    "warning",
    "continent-mismatch",
    ["geolocation", "continent"],
    named === null
      ? { variant: "unknown", ...names }
      : { variant: "mismatch", ...names, country, named: continents[named] },
  );
}
