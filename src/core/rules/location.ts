/**
 * Rule: where the mirror is. A missing `geolocation` is a warning; a bad country an error; an
 * optional `continent` the country is not on, a warning (the country decides).
 */
import type { MirrorLocation } from "../types.ts";
import { checkContinent } from "./continent.ts";
import { continentOf, countryName, lookUpCountry } from "./country.ts";
import { type FileReporter, isRecord } from "./reporter.ts";

export function normaliseLocation(r: FileReporter): MirrorLocation | null {
  const geo = r.source.value.geolocation;
  if (geo === undefined || geo === null) {
    r.report(
      "warning",
      "missing-geolocation",
      [],
      'The file has no `geolocation`, so the mirror is listed under "Location unknown", is not on the map, and dnf cannot pick it by distance. Add `geolocation:` with `country`, `state_province` and `city`.',
      "key",
    );
    return null;
  }
  if (!isRecord(geo) || typeof geo.country !== "string" || geo.country.trim() === "") return null;
  const found = lookUpCountry(geo.country);
  if (found.kind === "unknown") {
    r.report(
      "error",
      "unknown-country",
      ["geolocation", "country"],
      `\`${geo.country}\` is not an ISO 3166-1 alpha-2 country code. Write the two-letter code, like \`DE\` for Germany or \`GB\` for the United Kingdom.`,
    );
    return null;
  }
  if (found.kind === "alias") {
    r.report(
      "warning",
      "country-alias",
      ["geolocation", "country"],
      `\`${geo.country}\` is read as \`${found.code}\` (${countryName(found.code)}). Write the ISO 3166-1 alpha-2 code \`${found.code}\` instead.`,
    );
  }
  const continent = continentOf(found.code);
  checkContinent(r, geo.continent, found.code, continent);
  const { latitude, longitude } = geo;
  return {
    country: found.code,
    continent,
    region: text(geo.state_province),
    city: text(geo.city),
    coordinates: typeof latitude === "number" && typeof longitude === "number" ? { latitude, longitude } : null,
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
