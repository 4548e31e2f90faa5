/**
 * Geocoding of a mirror's location, offline: YAML coordinates win, then the city (its
 * `state_province` breaks ties), then a place named by part of the city or by the region, then
 * the country's centre. Anything less than the city itself comes with a warning. Pure.
 */
import type { DiagnosticParams } from "../diagnostic-text.ts";
import type { MirrorLocation } from "../types.ts";
import { type Gazetteer, normaliseName, type Place } from "./gazetteer.ts";
import { US_STATE_NAMES, US_STATES } from "./us-states.ts";

/**
 * How a mirror was put on the map, from most to least exact; `address` is the checker's
 * address placed by IP geolocation (see `address-placement.ts`), used only where the file gives
 * no place or only a country.
 */
export type PlacementMethod = "coordinates" | "city" | "nearby" | "country" | "address";

export interface Placement {
  latitude: number;
  longitude: number;
  method: PlacementMethod;
  /** The GeoNames place used (with its state, in the US) for `city` and `nearby`; the address's city for `address`. */
  place: string | null;
  /** Why the placement is approximate, as the params of an `approximate-location` diagnostic; null when it is not. */
  warning: DiagnosticParams | null;
}

/** Where to draw `location` on the map, or null when it has no location (or an unknown country). */
export function placeLocation(location: MirrorLocation | null, gazetteer: Gazetteer): Placement | null {
  if (!location) return null;
  if (location.coordinates) {
    return { ...location.coordinates, method: "coordinates", place: null, warning: null };
  }
  const { country, city, region } = location;
  const exact = city ? findPlace(gazetteer, country, city, region, true) : null;
  if (exact) return fromPlace(exact, "city", null);
  // A US state is placed at its own centre, not at a town named like it (Virginia, MN).
  const state = region && country === "US" ? US_STATES.get(normaliseName(region)) : undefined;
  const stateCentre = state ? gazetteer.centres.get(`US|${state.toUpperCase()}`) : undefined;
  if (stateCentre && region) {
    return { ...stateCentre, method: "nearby", place: region, warning: note(city, { drawnAt: "region", region }) };
  }
  // Single words must match a place's whole name: "South Jakarta" is not "South Tangerang".
  const tries: [string, boolean][] = [
    ...words(city).map((w): [string, boolean] => [w, false]),
    ...(region ? [[region, true] as [string, boolean]] : []),
    ...words(region).map((w): [string, boolean] => [w, false]),
  ];
  const near = tries
    .map(([name, prefix]) => findPlace(gazetteer, country, name, null, prefix))
    .find((place) => place !== null);
  if (near) {
    return fromPlace(near, "nearby", note(city, { drawnAt: "place", place: placeLabel(near) }));
  }
  const centre = gazetteer.centres.get(country);
  if (!centre) return null;
  return { ...centre, method: "country", place: null, warning: note(city, { drawnAt: "country", country }) };
}

/** The params of an approximate placement's warning, drawn at `where`. */
function note(city: string | null, where: DiagnosticParams): DiagnosticParams {
  return city ? { variant: "city", city, ...where } : { variant: "no-city", ...where };
}

function fromPlace(place: Place, method: "city" | "nearby", warning: DiagnosticParams | null): Placement {
  return { latitude: place.latitude, longitude: place.longitude, method, place: placeLabel(place), warning };
}

/**
 * A place's name as a reader knows it: "Southfield, Michigan" in the US, where same-named towns
 * abound; elsewhere the name alone ("Frankfurt am Main"), since GeoNames' admin1 codes there are
 * bare numbers ("05") and the page already names the country.
 */
function placeLabel(place: Place): string {
  const state = place.country === "US" ? US_STATE_NAMES.get(place.adminCode.toUpperCase()) : undefined;
  return state ? `${place.name}, ${state}` : place.name;
}

/** The separate words (of four letters or more) of a name: "Jakarta Selatan" → Jakarta, Selatan. */
function words(name: string | null): string[] {
  const parts = name ? normaliseName(name).split(" ") : [];
  return parts.length > 1 ? parts.filter((w) => w.length >= 4) : [];
}

/**
 * The place of that country named `name` ("Ashburn, VA" is tried whole, then before the comma),
 * or, with `prefix`, whose name starts with it as a word ("Frankfurt" → "Frankfurt am Main"). Ties go to the
 * place in `region` (GeoNames gives US states as postal codes), then to the most populous.
 */
function findPlace(g: Gazetteer, country: string, name: string, region: string | null, prefix: boolean): Place | null {
  for (const text of new Set([name, name.split(/[,/(]/)[0] ?? ""])) {
    const key = normaliseName(text);
    if (!key) continue;
    const exact = g.byName.get(`${country}|${key}`) ?? [];
    const prefixed = (prefix ? (g.byCountry.get(country) ?? []) : [])
      .filter(([placeName]) => placeName.startsWith(`${key} `))
      .map(([, place]) => place);
    const found = pickByRegion([...exact, ...prefixed], region);
    if (found) return found;
  }
  return null;
}

function pickByRegion(candidates: readonly Place[], region: string | null): Place | null {
  if (region) {
    const wanted = normaliseName(region);
    const code = US_STATES.get(wanted) ?? wanted;
    const inRegion = candidates.find((p) => normaliseName(p.adminCode) === code);
    if (inRegion) return inRegion;
  }
  return candidates[0] ?? null;
}
