/**
 * The map's data file (`/map-data.json`), written at build time and read by the map island.
 * Code on both sides uses `MapMirror`, with named fields; the file holds each mirror as a
 * `MapMirrorRow` tuple (about half the bytes of objects over 500 mirrors), and the two
 * functions below are the only places that know the slots' order.
 */
import type { MirrorState } from "./types.ts";

/** Every state a check gives, in the order the pages list them. */
export const MIRROR_STATES = ["ok", "outdated", "broken", "unreachable"] as const satisfies readonly MirrorState[];

/** What the map says of a mirror's health: its last state, not in the report yet, or nothing known (no report). */
export type MapHealth = MirrorState | "notChecked" | null;

/** One located public mirror, as the map shows it. */
export interface MapMirror {
  name: string;
  sponsor: string;
  latitude: number;
  longitude: number;
  /** The protocols it serves (`http`, `https`, `rsync`), in the site's order. */
  protocols: string[];
  /** ISO 3166-1 alpha-2 code, upper case. */
  country: string;
  health: MapHealth;
}

/**
 * The file's form of a `MapMirror`: name, sponsor, latitude, longitude, protocols (space
 * separated), country, health (`""` when nothing is known).
 */
export type MapMirrorRow = [
  name: string,
  sponsor: string,
  lat: number,
  lon: number,
  protocols: string,
  country: string,
  health: string,
];

export interface MapData {
  mirrors: MapMirrorRow[];
}

export function encodeMapMirror(m: MapMirror): MapMirrorRow {
  return [m.name, m.sponsor, m.latitude, m.longitude, m.protocols.join(" "), m.country, m.health ?? ""];
}

const HEALTH: ReadonlySet<string> = new Set([...MIRROR_STATES, "notChecked"]);

export function decodeMapMirror([
  name,
  sponsor,
  latitude,
  longitude,
  protocols,
  country,
  health,
]: MapMirrorRow): MapMirror {
  return {
    name,
    sponsor,
    latitude,
    longitude,
    protocols: protocols ? protocols.split(" ") : [],
    country,
    // A value this build does not know (a newer file in a cached page) counts as nothing known.
    health: HEALTH.has(health) ? (health as Exclude<MapHealth, null>) : null,
  };
}
