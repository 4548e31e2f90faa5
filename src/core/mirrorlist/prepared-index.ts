/**
 * The index made ready to answer requests: lookups by ASN, country and repo name built once
 * (the worker's cold start) so that each request only walks small lists. Pure.
 */
import { type GeoPoint, geoPoint } from "./geo-distance.ts";
import type { IndexMirror, IndexRepo, IndexRepomd, MirrorlistIndex } from "./index-format.ts";
import type { HexRange } from "./ip-address.ts";

/** A mirror with what selection needs precomputed. */
export interface PreparedMirror {
  entry: IndexMirror;
  /** Where it is; NaN fields when the mirror cannot be placed. */
  point: GeoPoint;
  /** Subnets with their ranges, by family; hex widths 8 (IPv4) and 32 (IPv6). */
  ranges: ReadonlyArray<{ cidr: string; range: HexRange }>;
  /** Served only on-net (private or cloud). */
  onNetOnly: boolean;
}

export interface PreparedIndex {
  index: MirrorlistIndex;
  /** Every mirror, in index (name) order. */
  mirrors: readonly PreparedMirror[];
  /** Mirrors any client may get, in name order. */
  publicMirrors: readonly PreparedMirror[];
  /** Public mirrors by country code, in name order. */
  publicByCountry: ReadonlyMap<string, readonly PreparedMirror[]>;
  /** Mirrors by each ASN they serve on-net. */
  byAsn: ReadonlyMap<number, readonly PreparedMirror[]>;
  /** Mirrors that list subnets. */
  withSubnets: readonly PreparedMirror[];
  repos: ReadonlyMap<string, IndexRepo>;
  currentVersions: ReadonlySet<string>;
  vaultVersions: ReadonlySet<string>;
  kittenVersions: ReadonlySet<string>;
  /**
   * The reference's `repomd.xml` hashes by repo key (`9.8/BaseOS/x86_64/os`), for metalinks: from
   * the index, or added later by `attachRepomd` (the edge reads them apart, see `edge-index.ts`).
   */
  repomd: Map<string, IndexRepomd>;
  /** A memo: each repo's metalink document up to its resources, written on its first request. */
  metalinkHeads: Map<string, string>;
}

export function prepareIndex(index: MirrorlistIndex): PreparedIndex {
  const mirrors = index.mirrors.map(prepareMirror);
  const publicMirrors = mirrors.filter((m) => !m.onNetOnly);
  const publicByCountry = new Map<string, PreparedMirror[]>();
  for (const m of publicMirrors) {
    if (m.entry.country) appendTo(publicByCountry, m.entry.country, m);
  }
  const byAsn = new Map<number, PreparedMirror[]>();
  for (const m of mirrors) for (const asn of m.entry.asns ?? []) appendTo(byAsn, asn, m);
  return {
    index,
    mirrors,
    publicMirrors,
    publicByCountry,
    byAsn,
    withSubnets: mirrors.filter((m) => m.ranges.length > 0),
    repos: new Map(index.config.repos.map((r) => [r.name, r])),
    currentVersions: new Set(index.config.versions),
    vaultVersions: new Set(index.config.vaultVersions),
    kittenVersions: new Set(index.config.kittenVersions),
    repomd: new Map(Object.entries(index.repomd ?? {})),
    metalinkHeads: new Map(),
  };
}

function prepareMirror(entry: IndexMirror): PreparedMirror {
  return {
    entry,
    point: geoPoint(entry.coordinates ? { latitude: entry.coordinates[0], longitude: entry.coordinates[1] } : null),
    ranges: (entry.subnets ?? []).map(([cidr, first, last]) => ({ cidr, range: [first, last] })),
    onNetOnly: entry.private === true || entry.cloud !== undefined,
  };
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
