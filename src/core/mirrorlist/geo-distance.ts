/**
 * Great-circle distance on a spherical Earth (accurate to about 0.5 %, plenty to rank mirrors),
 * split so that ranking is cheap: the haversine term `h` grows with distance, so mirrors are
 * compared by `h` (two sines per mirror, cosines precomputed) and only the chosen few get
 * their distance in kilometres.
 */

/** Mean Earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

/** A point in degrees. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** A point with what the haversine needs precomputed; NaN fields for an unknown place. */
export interface GeoPoint {
  latRad: number;
  lonRad: number;
  cosLat: number;
}

export function geoPoint(point: LatLon | null): GeoPoint {
  if (!point) return { latRad: Number.NaN, lonRad: Number.NaN, cosLat: Number.NaN };
  const latRad = point.latitude * RADIANS;
  return { latRad, lonRad: point.longitude * RADIANS, cosLat: Math.cos(latRad) };
}

/** The haversine term between two points: 0 for the same place, 1 for antipodes, NaN if unknown. */
export function haversineTerm(a: GeoPoint, b: GeoPoint): number {
  const sinLat = Math.sin((b.latRad - a.latRad) / 2);
  const sinLon = Math.sin((b.lonRad - a.lonRad) / 2);
  return sinLat * sinLat + a.cosLat * b.cosLat * sinLon * sinLon;
}

/** Kilometres for a haversine term. */
export function termToKm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** The haversine term of a distance in kilometres (the inverse of `termToKm`). */
export function kmToTerm(km: number): number {
  return Math.sin(km / (2 * EARTH_RADIUS_KM)) ** 2;
}
