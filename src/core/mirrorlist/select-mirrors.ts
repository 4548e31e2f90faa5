/**
 * The mirror choice for one client, after upstream's service (see docs/MIRRORLIST.md):
 * on-net mirrors first (a monopoly one alone), padded to ten with the nearest public ones;
 * otherwise geography: same country within 500 km (random order), same country by distance,
 * other countries within 500 km (random order), the rest by distance. A client that cannot be
 * placed gets every mirror in random order. Every pick carries the reason it was made. Pure.
 */
import { distanceKm, type LatLon } from "./geo-distance.ts";
import type { IndexUrls } from "./index-format.ts";
import { clientNetwork, type HexAddress } from "./ip-address.ts";
import type { PreparedIndex, PreparedMirror } from "./prepared-index.ts";
import type { WebProtocol } from "./resolve-request.ts";
import { hashString, seededRandom, shuffleInPlace, utcDay } from "./seeded-random.ts";

/** How many mirrors a list holds, as upstream. */
export const LIST_LENGTH = 10;
/** "Near": upstream's radius for the random-order tiers. */
export const NEAR_KM = 500;

/** What is known of the client; at the edge it comes from Cloudflare's `request.cf`. */
export interface Client {
  ip: HexAddress | null;
  asn: number | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  continent: string | null;
  location: LatLon | null;
}

export interface SelectionOptions {
  kitten: boolean;
  protocol: WebProtocol | null;
  /** `?country=`: only mirrors in that country. */
  country: string | null;
  /** Day of the request, for the seeded order. */
  now: Date;
}

/** One chosen mirror and why. */
export interface Pick {
  mirror: PreparedMirror;
  reason: string;
}

export interface Selection {
  picks: Pick[];
  /** What seeds the random order, for `--explain`. */
  seed: string;
}

export function selectMirrors(prepared: PreparedIndex, client: Client, options: SelectionOptions): Selection {
  const seed = `${client.ip ? clientNetwork(client.ip) : "no client address"} on ${utcDay(options.now)}`;
  const random = seededRandom(hashString(seed));
  const eligible = eligibility(client, options);

  const onNet = onNetPicks(prepared, client, eligible);
  const monopoly = onNet.find((p) => p.mirror.entry.monopoly);
  if (monopoly) return { picks: [{ ...monopoly, reason: `${monopoly.reason}; a monopoly mirror, so it alone` }], seed };
  shuffleInPlace(onNet, random);
  if (onNet.length >= LIST_LENGTH) return { picks: onNet, seed };

  const taken = new Set(onNet.map((p) => p.mirror));
  const pool = (m: PreparedMirror) => !taken.has(m) && eligible(m);
  const wanted = onNet.length > 0 || client.location || client.country ? LIST_LENGTH - onNet.length : Infinity;
  const padding = geographicPicks(prepared, client, pool, wanted, random);
  if (onNet.length > 0) for (const p of padding) p.reason = `padding after on-net mirrors: ${p.reason}`;
  return { picks: [...onNet, ...padding], seed };
}

/** The base URL a line uses: the asked protocol, else http as upstream prefers, else https. */
export function baseUrl(mirror: PreparedMirror, kitten: boolean, protocol: WebProtocol | null): string | undefined {
  const urls: IndexUrls | undefined = kitten ? mirror.entry.kitten : mirror.entry.urls;
  if (!urls) return undefined;
  return protocol ? urls[protocol] : (urls.http ?? urls.https);
}

function eligibility(client: Client, options: SelectionOptions): (m: PreparedMirror) => boolean {
  const ipv6Client = client.ip?.family === 6;
  return (m) =>
    baseUrl(m, options.kitten, options.protocol) !== undefined &&
    (options.country === null || m.entry.country === options.country) &&
    // Go beyond upstream: an IPv6 client never gets a mirror known to lack IPv6.
    !(ipv6Client && m.entry.ipv6 === false);
}

/** Mirrors whose subnets hold the client's address or whose ASNs hold its ASN, in name order. */
function onNetPicks(prepared: PreparedIndex, client: Client, eligible: (m: PreparedMirror) => boolean): Pick[] {
  const reasons = new Map<PreparedMirror, string>();
  const ip = client.ip;
  if (ip) {
    for (const m of prepared.withSubnets) {
      const hit = m.ranges.find(
        ({ range }) => range[0].length === ip.hex.length && range[0] <= ip.hex && ip.hex <= range[1],
      );
      if (hit) reasons.set(m, `on-net: client address is in ${hit.cidr}`);
    }
  }
  if (client.asn !== null) {
    for (const m of prepared.byAsn.get(client.asn) ?? []) {
      if (!reasons.has(m)) reasons.set(m, `on-net: client network AS${client.asn} is in its ASN list`);
    }
  }
  const picks: Pick[] = [];
  for (const m of prepared.mirrors) {
    const reason = reasons.get(m);
    if (reason && eligible(m)) picks.push({ mirror: m, reason });
  }
  return picks;
}

interface Measured {
  mirror: PreparedMirror;
  km: number;
}

/** Up to `wanted` public mirrors by geography, from the mirrors `pool` accepts. */
function geographicPicks(
  prepared: PreparedIndex,
  client: Client,
  pool: (m: PreparedMirror) => boolean,
  wanted: number,
  random: () => number,
): Pick[] {
  const { location, country } = client;
  if (location) return byDistance(prepared, location, country, pool, wanted, random);
  if (country) return byRegion(prepared, country, client.continent, pool, wanted, random);
  const all = shuffleInPlace(prepared.publicMirrors.filter(pool), random);
  return all
    .slice(0, wanted)
    .map((mirror) => ({ mirror, reason: "client cannot be placed: every mirror, random order" }));
}

function byDistance(
  prepared: PreparedIndex,
  location: LatLon,
  country: string | null,
  pool: (m: PreparedMirror) => boolean,
  wanted: number,
  random: () => number,
): Pick[] {
  const picks: Pick[] = [];
  const measure = (m: PreparedMirror): Measured => ({
    mirror: m,
    km: Number.isNaN(m.latitude) ? Infinity : distanceKm(location, m),
  });
  const km = (d: number) => (d === Infinity ? "distance unknown" : `${Math.round(d)} km`);

  const home = country ? (prepared.publicByCountry.get(country) ?? []).filter(pool).map(measure) : [];
  const homeNear = shuffleInPlace(
    home.filter((d) => d.km <= NEAR_KM),
    random,
  );
  for (const d of homeNear)
    picks.push({
      mirror: d.mirror,
      reason: `same country (${country}), within ${NEAR_KM} km: ${km(d.km)} (random order)`,
    });
  const homeFar = home.filter((d) => d.km > NEAR_KM).sort((a, b) => a.km - b.km);
  for (const d of homeFar)
    picks.push({ mirror: d.mirror, reason: `same country (${country}), by distance: ${km(d.km)}` });
  if (picks.length >= wanted) return picks.slice(0, wanted);

  const abroad: Measured[] = [];
  for (const m of prepared.publicMirrors) {
    if ((country === null || m.entry.country !== country) && pool(m)) abroad.push(measure(m));
  }
  const abroadNear = shuffleInPlace(
    abroad.filter((d) => d.km <= NEAR_KM),
    random,
  );
  for (const d of abroadNear)
    picks.push({
      mirror: d.mirror,
      reason: `other country (${d.mirror.entry.country}), within ${NEAR_KM} km: ${km(d.km)} (random order)`,
    });
  const rest = nearest(
    abroad.filter((d) => d.km > NEAR_KM),
    wanted - picks.length,
  );
  for (const d of rest)
    picks.push({
      mirror: d.mirror,
      reason: `nearest elsewhere${d.mirror.entry.country ? ` (${d.mirror.entry.country})` : ""}: ${km(d.km)}`,
    });
  return picks.slice(0, wanted);
}

/** The `k` nearest, nearest first, without sorting everything (k is at most ten). */
function nearest(items: readonly Measured[], k: number): Measured[] {
  const best: Measured[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && item.km >= (best[k - 1]?.km ?? Infinity)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.km ?? 0) > item.km) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** A client known only by country: its country, then its continent, then the rest, each shuffled. */
function byRegion(
  prepared: PreparedIndex,
  country: string,
  continent: string | null,
  pool: (m: PreparedMirror) => boolean,
  wanted: number,
  random: () => number,
): Pick[] {
  const tiers: Array<[PreparedMirror[], string]> = [
    [[], `same country (${country}), random order`],
    [[], `same continent (${continent}), random order`],
    [[], "elsewhere, random order"],
  ];
  for (const m of prepared.publicMirrors) {
    if (!pool(m)) continue;
    const tier = m.entry.country === country ? 0 : continent !== null && m.entry.continent === continent ? 1 : 2;
    tiers[tier]?.[0].push(m);
  }
  const picks: Pick[] = [];
  for (const [mirrors, reason] of tiers) {
    for (const mirror of shuffleInPlace(mirrors, random)) picks.push({ mirror, reason });
    if (picks.length >= wanted) break;
  }
  return picks.slice(0, wanted);
}
