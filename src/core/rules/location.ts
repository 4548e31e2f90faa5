/**
 * Rule: where the mirror is. A missing `geolocation` is a warning; a bad country an error; an
 * optional `continent` the country is not on, a warning (the country decides).
 */
import type { MirrorLocation } from "../types.ts";
import { checkContinent } from "./continent.ts";
import { continentOf, lookUpCountry } from "./country.ts";
import { type FileReporter, isRecord } from "./reporter.ts";

export function normaliseLocation(r: FileReporter): MirrorLocation | null {
  const geo = r.source.value.geolocation;
  if (geo === undefined || geo === null) {
    r.report("warning", "missing-geolocation", [], {}, { at: "key", about: ["geolocation"] });
    return null;
  }
  if (!isRecord(geo) || typeof geo.country !== "string" || geo.country.trim() === "") return null;
  const found = lookUpCountry(geo.country);
  if (found.kind === "unknown") {
    r.report("error", "unknown-country", ["geolocation", "country"], { value: geo.country });
    return null;
  }
  if (found.kind === "alias") {
    r.report("warning", "country-alias", ["geolocation", "country"], { value: geo.country, country: found.code });
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
