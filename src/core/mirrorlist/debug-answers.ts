/**
 * Upstream's debugging paths, so that every URL of the old service still answers:
 * `/debug/json/ip_info` (the address, network and place the edge sees for the caller) and
 * `/debug/json/nearest_mirrors` (the mirrors a list would hold for it, with the reasons
 * `--explain` gives). JSON, for the caller alone; never an e-mail (the index holds none). Pure.
 */
import type { PreparedIndex } from "./prepared-index.ts";
import { type Client, selectMirrors } from "./select-mirrors.ts";

export const DEBUG_PATHS = new Set(["/debug/json/ip_info", "/debug/json/nearest_mirrors"]);

/** The body of one debug path (`pathname` in `DEBUG_PATHS`), as JSON text. */
export function debugAnswer(
  prepared: PreparedIndex,
  pathname: string,
  ipText: string | null,
  client: Client,
  now: Date,
): string {
  const place = {
    ip: client.ip === null ? null : (ipText?.trim() ?? null),
    asn: client.asn,
    country: client.country,
    continent: client.continent,
    latitude: client.location?.latitude ?? null,
    longitude: client.location?.longitude ?? null,
  };
  if (pathname === "/debug/json/ip_info") return `${JSON.stringify(place)}\n`;
  const { picks, seed } = selectMirrors(prepared, client, { kitten: false, protocol: null, country: null, now });
  const mirrors = picks.slice(0, 10).map((p) => ({
    name: p.mirror.entry.name,
    country: p.mirror.entry.country ?? null,
    continent: p.mirror.entry.continent ?? null,
    reason: p.reason,
  }));
  return `${JSON.stringify({ client: place, seed, mirrors })}\n`;
}
