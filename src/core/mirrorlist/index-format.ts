/**
 * The mirrorlist index, format version 1 (`dist/mirrorlist/v1.json`): everything the edge needs
 * to answer `/mirrorlist/<version>/<repo>` and `/isolist/<version>/<arch>` without the registry.
 * Described for other consumers by the JSON Schema in `index-schema.ts`. Never holds an e-mail.
 */
import type { ContinentCode, MirrorState } from "../types.ts";
import type { HexRange } from "./ip-address.ts";

/** The one format version this module writes and reads. */
export const INDEX_FORMAT_VERSION = 1;

/** Base URLs of one tree for the two protocols a mirrorlist can hand out; each ends with `/`. */
export interface IndexUrls {
  http?: string;
  https?: string;
}

/** One servable mirror. Optional fields are left out when false or unknown, to stay compact. */
export interface IndexMirror {
  name: string;
  /** Main tree. */
  urls: IndexUrls;
  /** Kitten tree, when the mirror carries it. */
  kitten?: IndexUrls;
  /** ISO 3166-1 alpha-2; absent when the mirror's YAML gives no location. */
  country?: string;
  continent?: ContinentCode;
  /** `[latitude, longitude]` in degrees, rounded to 0.01° (about 1 km). */
  coordinates?: readonly [number, number];
  /** Networks it serves on-net: its own ASNs, plus its cloud provider's for a cloud mirror. */
  asns?: number[];
  /** Its subnets: `[cidr, first, last]`, addresses in fixed-width hex (see `ip-address.ts`). */
  subnets?: ReadonlyArray<readonly [cidr: string, first: HexRange[0], last: HexRange[1]]>;
  /** Served only to its own networks. */
  private?: true;
  /** A client of its networks gets this mirror alone. */
  monopoly?: true;
  /** Cloud provider (`aws`, `gcp`, …): served only on-net, like a private mirror. */
  cloud?: string;
  /** Reachable over IPv6, when the checker knows. */
  ipv6?: boolean;
  /** The checker's verdict, when a status file was given (then always `ok`: others are left out). */
  state?: MirrorState;
}

/** One repository of the distribution. */
export interface IndexRepo {
  name: string;
  /** Path below `<base><version>/`, `$basearch` left literal. */
  path: string;
  /** Full versions it exists for (`10-kitten` included); absent means every version. */
  versions?: string[];
  /** Arches it exists for; absent means every arch of the version. */
  arches?: string[];
  /** Served only from the vault. */
  vault?: true;
}

/** The distribution facts a mirrorlist answer depends on. */
export interface IndexConfig {
  /** Current full versions, Kitten versions (`10-kitten`) included; no aliases. */
  versions: string[];
  /** Alias → full version, e.g. `9` → `9.8`. */
  aliases: Record<string, string>;
  /** Versions served only by the vault. */
  vaultVersions: string[];
  /** Base URL of the vault, ending with `/`. */
  vaultUrl: string;
  /** Kitten versions (`10-kitten`): served from the mirrors' Kitten trees. */
  kittenVersions: string[];
  /** Arch key (`9`, `10-kitten`) → arches; a full version uses its major's key. */
  arches: Record<string, string[]>;
  repos: IndexRepo[];
}

/** One published version of a `repomd.xml`: what librepo checks a mirror's copy against. */
export interface IndexRepomdVersion {
  /** Its newest `<timestamp>` (epoch seconds), or when it was first seen. */
  timestamp: number;
  size: number;
  /** Lower-case hex. */
  sha256: string;
  sha512: string;
}

/** A repo path's current `repomd.xml` and the earlier ones a mirror may still serve (newest first). */
export interface IndexRepomd {
  current: IndexRepomdVersion;
  alternates: IndexRepomdVersion[];
}

/** The whole index. */
export interface MirrorlistIndex {
  /** URL of the JSON Schema, relative to the index. */
  $schema: "v1.schema.json";
  format: typeof INDEX_FORMAT_VERSION;
  /** When the status data used was checked, or null when every valid mirror is served unchecked. */
  statusCheckedAt: string | null;
  config: IndexConfig;
  /**
   * The reference's `repomd.xml` hashes by repo path (`9.8/BaseOS/x86_64/os`), from the status
   * file; absent when the checker had no reference. Metalink answers need them.
   */
  repomd?: Record<string, IndexRepomd>;
  /** Sorted by name. */
  mirrors: IndexMirror[];
}
