/**
 * Great-circle distance on a spherical Earth (accurate to about 0.5 %, plenty to rank mirrors),
 * split so that ranking is cheap: the haversine term `h` grows with distance, so mirrors are
 * compared by `h` and only the chosen few get their distance in kilometres. `h` is
 * `(1 − cos θ) / 2` for the central angle θ, and `cos θ` is the dot product of the two points as
 * unit vectors (precomputed): three multiplications per mirror, no sine (the sines were most of
 * a mirrorlist answer's time, with hundreds of mirrors measured per client).
 */

/** Mean Earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

/** A point in degrees. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** A point as a unit vector from the Earth's centre; NaN fields for an unknown place. */
export interface GeoPoint {
  x: number;
  y: number;
  z: number;
}

export function geoPoint(point: LatLon | null): GeoPoint {
  if (!point) return { x: Number.NaN, y: Number.NaN, z: Number.NaN };
  const lat = point.latitude * RADIANS;
  const lon = point.longitude * RADIANS;
  const cosLat = Math.cos(lat);
  return { x: cosLat * Math.cos(lon), y: cosLat * Math.sin(lon), z: Math.sin(lat) };
}

/** The haversine term between two points: 0 for the same place, 1 for antipodes, NaN if unknown. */
export function haversineTerm(a: GeoPoint, b: GeoPoint): number {
  // Rounding can take the dot product a hair past ±1: clamp to the term's range.
  return Math.min(1, Math.max(0, (1 - (a.x * b.x + a.y * b.y + a.z * b.z)) / 2));
}

/** Kilometres for a haversine term. */
export function termToKm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** The haversine term of a distance in kilometres (the inverse of `termToKm`). */
export function kmToTerm(km: number): number {
  return Math.sin(km / (2 * EARTH_RADIUS_KM)) ** 2;
}
