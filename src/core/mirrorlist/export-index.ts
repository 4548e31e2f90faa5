/**
 * Builds the mirrorlist index (format v1) from a `Registry`. Pure and deterministic: the same
 * registry, status and coordinates give the same bytes (`serializeIndex`). Only what a
 * mirrorlist answer needs is copied, so no e-mail (nor sponsor, nor file path) ever reaches it.
 */
import { ownValue } from "../own-property.ts";
import type { RepomdHistory } from "../repomd/repomd-history.ts";
import type { RepomdRecord } from "../repomd/repomd-record.ts";
import type { DistributionConfig, Mirror, ProtocolUrls, Registry, StatusFile } from "../types.ts";
import { CLOUD_PROVIDER_ASNS } from "./cloud-networks.ts";
import type { LatLon } from "./geo-distance.ts";
import type {
  IndexConfig,
  IndexMirror,
  IndexRepomd,
  IndexRepomdVersion,
  IndexUrls,
  MirrorlistIndex,
} from "./index-format.ts";
import { INDEX_FORMAT_VERSION } from "./index-format.ts";
import { cidrRange } from "./ip-address.ts";

/** Where a mirror is on the globe, or null when not known (the site's geocoder, for instance). */
export type LocateMirror = (mirror: Mirror) => LatLon | null;

/** The coordinates the YAML gives, if any: the locator used when no geocoder is at hand. */
export const yamlCoordinates: LocateMirror = (mirror) => mirror.location?.coordinates ?? null;

/**
 * The index of every servable mirror of `registry`. Throws when the registry has no usable
 * config, since no mirrorlist can be answered without one.
 */
export function exportIndex(registry: Registry, locate: LocateMirror = yamlCoordinates): MirrorlistIndex {
  if (!registry.config) {
    throw new Error("The mirrorlist index needs a valid config.yml; fix the errors reported for it.");
  }
  const mirrors: IndexMirror[] = [];
  for (const mirror of registry.mirrors) {
    const entry = indexMirror(mirror, registry.status, locate);
    if (entry) mirrors.push(entry);
  }
  mirrors.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    $schema: "v1.schema.json",
    format: INDEX_FORMAT_VERSION,
    statusCheckedAt: registry.status?.checked_at ?? null,
    config: indexConfig(registry.config),
    ...(registry.status?.repomd ? { repomd: indexRepomd(registry.status.repomd) } : {}),
    mirrors,
  };
}

/** The hashes a metalink needs, sorted by repo key; revisions and first-seen times stay in the status. */
function indexRepomd(histories: Readonly<Record<string, RepomdHistory>>): Record<string, IndexRepomd> {
  const entries = Object.entries(histories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // `fromEntries` defines own properties: a hostile key such as `__proto__` stays a plain key.
  return Object.fromEntries(
    entries.map(([key, h]) => [key, { current: indexVersion(h.current), alternates: h.alternates.map(indexVersion) }]),
  );
}

function indexVersion(record: RepomdRecord): IndexRepomdVersion {
  const timestamp = record.timestamp ?? Math.floor(Date.parse(record.first_seen) / 1000);
  return { timestamp, size: record.size, sha256: record.sha256, sha512: record.sha512 };
}

/** The index as JSON text: one mirror per line, so that diffs between builds stay readable. */
export function serializeIndex(index: MirrorlistIndex): string {
  const { mirrors, ...head } = index;
  const headText = JSON.stringify({ ...head, mirrors: [] });
  const lines = mirrors.map((m) => JSON.stringify(m)).join(",\n");
  // `headText` ends with `[]}`: open the list, one mirror a line, then close it.
  return `${headText.slice(0, -2)}\n${lines}\n]}\n`;
}

/**
 * The index entry of one mirror, or null when no client could ever get it: not `ok` in the
 * status data, no http(s) URL, or private (or cloud) with no network to serve.
 */
function indexMirror(mirror: Mirror, status: StatusFile | null, locate: LocateMirror): IndexMirror | null {
  const checked = status ? ownValue(status.mirrors, mirror.name) : undefined;
  if (status && checked?.state !== "ok") return null;
  const urls = webUrls(mirror.urls);
  if (!urls) return null;
  const asns = [...new Set([...mirror.asns, ...(CLOUD_PROVIDER_ASNS.get(mirror.cloud?.type ?? "") ?? [])])];
  asns.sort((a, b) => a - b);
  const subnets = mirror.subnets.flatMap((cidr): [string, string, string][] => {
    const range = cidrRange(cidr);
    return range ? [[cidr, range[0], range[1]]] : [];
  });
  const onNetOnly = mirror.private || mirror.cloud !== null;
  if (onNetOnly && asns.length === 0 && subnets.length === 0) return null;

  const entry: IndexMirror = { name: mirror.name, urls };
  const kitten = mirror.kittenUrls ? webUrls(mirror.kittenUrls) : null;
  if (kitten) entry.kitten = kitten;
  if (mirror.location) {
    entry.country = mirror.location.country;
    entry.continent = mirror.location.continent;
  }
  const point = locate(mirror);
  if (point) entry.coordinates = [round2(point.latitude), round2(point.longitude)];
  if (asns.length) entry.asns = asns;
  if (subnets.length) entry.subnets = subnets;
  if (mirror.private) entry.private = true;
  if (mirror.monopoly) entry.monopoly = true;
  if (mirror.cloud) entry.cloud = mirror.cloud.type;
  if (typeof checked?.ipv6 === "boolean") entry.ipv6 = checked.ipv6;
  if (checked) entry.state = checked.state;
  return entry;
}

function webUrls(urls: ProtocolUrls): IndexUrls | null {
  const out: IndexUrls = {};
  if (urls.http) out.http = urls.http;
  if (urls.https) out.https = urls.https;
  return out.http || out.https ? out : null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function indexConfig(config: DistributionConfig): IndexConfig {
  const kittenVersions = (config.optionalModuleVersions.kitten ?? []).map((v) => `${v}-kitten`);
  const aliases = config.versionAliases;
  return {
    versions: [...config.versions.filter((v) => !Object.hasOwn(aliases, v)), ...kittenVersions],
    aliases: { ...aliases },
    vaultVersions: [...config.vaultVersions],
    vaultUrl: config.vaultMirror.endsWith("/") ? config.vaultMirror : `${config.vaultMirror}/`,
    kittenVersions,
    arches: Object.fromEntries(Object.entries(config.arches).map(([k, v]) => [k, [...v]])),
    repos: config.repos.map((repo) => ({
      name: repo.name,
      path: repo.path,
      ...(repo.versions ? { versions: [...repo.versions] } : {}),
      ...(repo.arches ? { arches: [...repo.arches] } : {}),
      ...(repo.vault ? { vault: true as const } : {}),
    })),
  };
}
