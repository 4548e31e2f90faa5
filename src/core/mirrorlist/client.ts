/**
 * What the edge knows of a client: its address from `CF-Connecting-IP`, its network and place
 * from Cloudflare's `request.cf` (ASN, country, continent, coordinates as decimal strings).
 */
import { parseAddress } from "./ip-address.ts";
import type { Client } from "./select-mirrors.ts";

/** The part of `request.cf` the mirrorlist reads; every field may be missing. */
export interface ClientCf {
  asn?: unknown;
  country?: unknown;
  continent?: unknown;
  latitude?: unknown;
  longitude?: unknown;
}

const COUNTRY = /^[A-Z]{2}$/;

/** The client, with anything malformed or unknown (`XX`, Tor's `T1`) dropped rather than trusted. */
export function clientFromRequest(ipHeader: string | null, cf: ClientCf | undefined): Client {
  const ip = ipHeader ? parseAddress(ipHeader.trim()) : null;
  const asn = typeof cf?.asn === "number" && Number.isInteger(cf.asn) && cf.asn > 0 ? cf.asn : null;
  const country =
    typeof cf?.country === "string" && COUNTRY.test(cf.country) && cf.country !== "XX" ? cf.country : null;
  const continent = typeof cf?.continent === "string" && COUNTRY.test(cf.continent) ? cf.continent : null;
  const latitude = coordinate(cf?.latitude, 90);
  const longitude = coordinate(cf?.longitude, 180);
  const location = latitude !== null && longitude !== null ? { latitude, longitude } : null;
  return { ip, asn, country, continent, location };
}

/** A decimal coordinate (number or string, as Cloudflare gives it) within ±`limit`, or null. */
function coordinate(value: unknown, limit: number): number | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d{1,3}(\.\d{1,12})?$/.test(text)) return null;
  const degrees = Number(text);
  return Math.abs(degrees) <= limit ? degrees : null;
}
