/** Great-circle distance on a spherical Earth: accurate to about 0.5 %, plenty to rank mirrors. */

/** Mean Earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS = Math.PI / 180;

/** A point in degrees. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Haversine distance in kilometres between two points given in degrees. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = (b.latitude - a.latitude) * RADIANS;
  const dLon = (b.longitude - a.longitude) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RADIANS) * Math.cos(b.latitude * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
