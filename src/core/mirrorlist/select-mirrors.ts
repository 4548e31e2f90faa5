/**
 * The mirror choice for one client, after upstream's service (see docs/MIRRORLIST.md):
 * on-net mirrors first (a monopoly one alone), padded to ten with the nearest public ones;
 * otherwise geography: same country within 500 km (random order), same country by distance,
 * other countries within 500 km (random order), the rest by distance. A client that cannot be
 * placed gets every mirror in random order. Every pick carries the reason it was made. Pure.
 */
import { geoPoint, haversineTerm, kmToTerm, type LatLon, termToKm } from "./geo-distance.ts";
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
  /** Only mirrors this accepts (those whose image folder matched the origin's); absent: all. */
  only?: (m: PreparedMirror) => boolean;
  /**
   * At most this many picks (a redirect needs one). The first picks are the same as a full
   * list's: each tier is shuffled whole, and only then cut.
   */
  limit?: number;
}

/**
 * One chosen mirror and why. The why is worded only when read (`--explain`, the debug answers):
 * writing ten reasons was a third of a request's time, and almost no request reads them.
 */
export class Pick {
  /** Said before the reason: why the pick pads a list. */
  prefix = "";
  /** Said after it. */
  suffix = "";
  readonly mirror: PreparedMirror;
  readonly #why: string;
  /** The haversine term to the client, for the reason's distance (Infinity: unknown); none: no distance said. */
  readonly #h: number | undefined;

  constructor(mirror: PreparedMirror, why: string, h?: number) {
    this.mirror = mirror;
    this.#why = why;
    this.#h = h;
  }

  get reason(): string {
    const distance =
      this.#h === undefined
        ? ""
        : ` (${this.mirror.entry.country ?? "no country"}, ${this.#h === Infinity ? "distance unknown" : `${Math.round(termToKm(this.#h))} km`})`;
    return `${this.prefix}${this.#why}${distance}${this.suffix}`;
  }
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
  if (monopoly) {
    monopoly.suffix = "; a monopoly mirror, so it alone";
    return { picks: [monopoly], seed };
  }
  shuffleInPlace(onNet, random);
  const length = Math.min(LIST_LENGTH, options.limit ?? LIST_LENGTH);
  if (onNet.length >= length) return { picks: options.limit === undefined ? onNet : onNet.slice(0, length), seed };

  const taken = new Set(onNet.map((p) => p.mirror));
  const pool = (m: PreparedMirror) => !taken.has(m) && eligible(m);
  const wanted =
    onNet.length > 0 || client.location || client.country ? length - onNet.length : (options.limit ?? Infinity);
  const padding = geographicPicks(prepared, client, pool, wanted, random);
  if (onNet.length > 0) for (const p of padding) p.prefix = "padding after on-net mirrors: ";
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
  const only = options.only;
  return (m) =>
    (only === undefined || only(m)) &&
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
  if (reasons.size === 0) return picks;
  for (const m of prepared.mirrors) {
    const reason = reasons.get(m);
    if (reason && eligible(m)) picks.push(new Pick(m, reason));
  }
  return picks;
}

/** A candidate with its haversine term to the client (Infinity when it cannot be placed). */
interface Measured {
  mirror: PreparedMirror;
  h: number;
  tier: string;
}

const NEAR_TERM = kmToTerm(NEAR_KM);

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
  return all.slice(0, wanted).map((mirror) => new Pick(mirror, "client cannot be placed: every mirror, random order"));
}

/**
 * Upstream's four tiers: same country within 500 km (random order), same country by distance,
 * other countries within 500 km (random order), the rest by distance. Other countries are only
 * measured when the client's own leaves room, and reasons are written for the kept picks only.
 */
function byDistance(
  prepared: PreparedIndex,
  location: LatLon,
  country: string | null,
  pool: (m: PreparedMirror) => boolean,
  wanted: number,
  random: () => number,
): Pick[] {
  const from = geoPoint(location);
  const measure = (mirror: PreparedMirror, tier: string): Measured => {
    const h = haversineTerm(from, mirror.point);
    return { mirror, h: Number.isNaN(h) ? Infinity : h, tier };
  };

  const homeNear: Measured[] = [];
  const homeFar: Measured[] = [];
  for (const m of country ? (prepared.publicByCountry.get(country) ?? []) : []) {
    if (!pool(m)) continue;
    const d = measure(m, "same country, by distance");
    if (d.h <= NEAR_TERM) homeNear.push({ ...d, tier: `same country, within ${NEAR_KM} km, random order` });
    else homeFar.push(d);
  }
  const chosen = [...shuffleInPlace(homeNear, random), ...nearest(homeFar, wanted - homeNear.length)];

  if (chosen.length < wanted) {
    const room = wanted - chosen.length;
    const abroadNear: Measured[] = [];
    const abroadFar: Measured[] = [];
    for (const m of prepared.publicMirrors) {
      if ((country !== null && m.entry.country === country) || !pool(m)) continue;
      const d = measure(m, "nearest elsewhere");
      if (d.h <= NEAR_TERM) abroadNear.push({ ...d, tier: `other country, within ${NEAR_KM} km, random order` });
      else keepNearest(abroadFar, d, room);
    }
    chosen.push(...shuffleInPlace(abroadNear, random), ...abroadFar);
  }
  return chosen.slice(0, wanted).map(({ mirror, h, tier }) => new Pick(mirror, tier, h));
}

/** The `k` nearest of `items`, nearest first, without sorting them all (k is at most ten). */
function nearest(items: readonly Measured[], k: number): Measured[] {
  const best: Measured[] = [];
  for (const item of items) keepNearest(best, item, k);
  return best;
}

/** Inserts `item` into `best` (nearest first) when it is among the `k` nearest. */
function keepNearest(best: Measured[], item: Measured, k: number): void {
  if (k <= 0 || (best.length >= k && item.h >= (best[best.length - 1]?.h ?? Infinity))) return;
  let at = best.length;
  while (at > 0 && (best[at - 1]?.h ?? 0) > item.h) at--;
  best.splice(at, 0, item);
  if (best.length > k) best.pop();
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
    for (const mirror of shuffleInPlace(mirrors, random)) picks.push(new Pick(mirror, reason));
    if (picks.length >= wanted) break;
  }
  return picks.slice(0, wanted);
}
