/**
 * Placement by address: a mirror whose file gives no place, or only a country, is placed where
 * IP geolocation puts the addresses the checker resolved and reached (the status file's
 * `addresses`, of each family that answered: `answeredAddresses`). A
 * declared place always wins; when it disagrees with the address (another country, or more than
 * 1,000 km away) the sponsor is warned. Pure: the caller hands in the loaded database.
 */

import type { DiagnosticCode } from "../diagnostic-catalogue.ts";
import { type Diagnostic, type DiagnosticParams, makeDiagnostic } from "../diagnostics.ts";
import { geoPoint, haversineTerm, type LatLon, termToKm } from "../mirrorlist/geo-distance.ts";
import { specialAddressRange } from "../net/special-addresses.ts";
import { ownValue } from "../own-property.ts";
import { continentOf } from "../rules/country.ts";
import type { Mirror, MirrorLocation, MirrorStatus, Registry } from "../types.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { type Placement, placeLocation } from "./geocode.ts";
import { type AddressPlace, IP_GEOLOCATION_CREDIT, type IpGeolocation, placeOfAddresses } from "./ip-geolocation.ts";

/** A declared place farther than this from its address's place gets a warning. */
export const FAR_FROM_ADDRESS_KM = 1000;

/** One mirror's place after its addresses were looked up. */
export interface AddressedMirror {
  /** The mirror, its `location` filled from its address when the file gave none or only a country. */
  mirror: Mirror;
  /** Where it is drawn: the file's placement, or the address's (`method: "address"`). */
  placement: Placement | null;
  /** Where its address is, when the database knows one of its addresses. */
  address: AddressPlace | null;
  /** The warning when the file's place disagrees with the address's; null when they agree. */
  disagreement: Diagnostic | null;
}

/**
 * Places `mirror` from its file (with `gazetteer`) and, where the file says little, from
 * `address`. The filled location keeps whatever the file declared (country, region, city) and
 * takes the address's point as its coordinates, so that every output (map, country pages,
 * mirrorlist index) reads it as it reads a file's coordinates.
 */
export function placeByAddress(mirror: Mirror, address: AddressPlace | null, gazetteer: Gazetteer): AddressedMirror {
  const declared = placeLocation(mirror.location, gazetteer);
  const plain = { mirror, placement: declared, address, disagreement: null };
  if (!address) return plain;
  const location = mirror.location;
  if (location && location.country !== address.country) {
    return { ...plain, disagreement: otherCountry(mirror, location, address) };
  }
  if (location && declared && declared.method !== "country") {
    const km = distanceKm(declared, address);
    return { ...plain, disagreement: km > FAR_FROM_ADDRESS_KM ? farAway(mirror, declared, address, km) : null };
  }
  // No place in the file, or only a country (the address's own): the address places it.
  const filled: MirrorLocation = {
    country: address.country,
    continent: location?.continent ?? continentOf(address.country),
    region: location ? location.region : address.region,
    city: location ? location.city : address.city,
    coordinates: { latitude: address.latitude, longitude: address.longitude },
  };
  const placement: Placement = {
    latitude: address.latitude,
    longitude: address.longitude,
    method: "address",
    place: [address.city, address.region].filter(Boolean).join(", ") || null,
    warning: null,
  };
  return { mirror: { ...mirror, location: filled }, placement, address, disagreement: null };
}

/**
 * Every mirror of `registry` placed from its file and, when `geo` is given, its status
 * addresses; `registry` is returned with the filled locations, ready for the mirrorlist export.
 */
export function placeRegistryByAddress(
  registry: Registry,
  gazetteer: Gazetteer,
  geo: IpGeolocation | null,
): { registry: Registry; mirrors: AddressedMirror[] } {
  const mirrors = registry.mirrors.map((mirror) => {
    const entry = registry.status ? ownValue(registry.status.mirrors, mirror.name) : undefined;
    const addresses = answeredAddresses(entry);
    return placeByAddress(mirror, geo && addresses ? placeOfAddresses(geo, addresses) : null, gazetteer);
  });
  return { registry: { ...registry, mirrors: mirrors.map((m) => m.mirror) }, mirrors };
}

/**
 * True when some mirror of the status file has a public address (special ones are never looked
 * up): only then does the build read the database, and credit it.
 */
export function statusHasAddresses(registry: Registry): boolean {
  const entries = registry.status ? Object.values(registry.status.mirrors) : [];
  return entries.some((s) => {
    const addresses = answeredAddresses(s);
    return [...(addresses?.ipv4 ?? []), ...(addresses?.ipv6 ?? [])].some((a) => specialAddressRange(a) === null);
  });
}

/**
 * The addresses of a status entry that may place its mirror: those of a family over which the
 * check answered in that run (`ipv4`/`ipv6: true`). DNS can name any address, and one that
 * never answered says nothing of where the mirror is: a foreign IPv4 address that times out,
 * beside a working IPv6 one, must not move the mirror abroad. Null when none is left.
 */
export function answeredAddresses(entry: MirrorStatus | undefined): { ipv4: string[]; ipv6: string[] } | null {
  if (entry?.addresses === undefined) return null;
  const ipv4 = entry.ipv4 === true ? entry.addresses.ipv4 : [];
  const ipv6 = entry.ipv6 === true ? entry.addresses.ipv6 : [];
  return ipv4.length + ipv6.length > 0 ? { ipv4, ipv6 } : null;
}

function distanceKm(a: LatLon, b: LatLon): number {
  return termToKm(haversineTerm(geoPoint(a), geoPoint(b)));
}

/** "Waterloo, Ontario, CA": the address's place as the database names it. */
function where(address: AddressPlace): string {
  return [address.city, address.region, address.country].filter(Boolean).join(", ");
}

function warning(mirror: Mirror, code: DiagnosticCode, params: DiagnosticParams): Diagnostic {
  return makeDiagnostic(mirror.file, { line: 1, column: 1 }, "warning", code, ["geolocation"], params);
}

function otherCountry(mirror: Mirror, location: MirrorLocation, address: AddressPlace): Diagnostic {
  return warning(mirror, "address-in-other-country", {
    country: location.country,
    address: address.address,
    place: where(address),
    credit: IP_GEOLOCATION_CREDIT.text,
    addressCountry: address.country,
  });
}

function farAway(mirror: Mirror, declared: Placement, address: AddressPlace, km: number): Diagnostic {
  const filePlace =
    declared.method === "coordinates"
      ? { filePlace: "coordinates" }
      : declared.place === null
        ? { filePlace: "city" }
        : { filePlace: "named", filePlaceName: declared.place };
  return warning(mirror, "address-far-from-place", {
    ...filePlace,
    km: Math.round(km),
    address: address.address,
    place: where(address),
    credit: IP_GEOLOCATION_CREDIT.text,
    addressPlace: address.city ?? where(address),
  });
}
