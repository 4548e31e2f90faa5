/**
 * The typed values the core hands to every output (pages, mirrorlist export, CLIs).
 * Nothing here reads files: see `load.ts` for the one function that does.
 */

import type { Diagnostic } from "./diagnostics.ts";
import type { RepomdHistory } from "./repomd/repomd-history.ts";

/** The four protocols a mirror can offer, in the order the site and the mirrorlists prefer them. */
export const PROTOCOLS = ["http", "https", "rsync", "ftp"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Base URLs of one tree (the main tree or Kitten), keyed by the protocol they really use. */
export type ProtocolUrls = Partial<Record<Protocol, string>>;

/** Continent codes as used by GeoNames and `countries-list`. */
export type ContinentCode = "AF" | "AN" | "AS" | "EU" | "NA" | "OC" | "SA";

/** Where a mirror is, as its YAML says; coordinates only when the YAML gives them. */
export interface MirrorLocation {
  /** ISO 3166-1 alpha-2, upper case, after alias normalisation (`UK` → `GB`). */
  country: string;
  continent: ContinentCode;
  region: string | null;
  city: string | null;
  /** From `geolocation.latitude`/`longitude`; geocoding from the city happens in the site layer. */
  coordinates: { latitude: number; longitude: number } | null;
}

/** A cloud-only mirror, served only to clients inside that provider's network. */
export interface CloudPlacement {
  type: string;
  regions: string[];
}

/** One valid mirror, normalised. Never holds the contact e-mail (it must not reach `dist/`). */
export interface Mirror {
  /** Host name from the `name` key; unique in a registry. */
  name: string;
  /** Path of its YAML file as given to the loader (e.g. `mirrors.d/x.yml`). */
  file: string;
  /** Main tree base URLs, each under the scheme it really has; every URL ends with `/`. */
  urls: ProtocolUrls;
  /** Kitten tree base URLs (`address_optional.kitten`), or null when the mirror has none. */
  kittenUrls: ProtocolUrls | null;
  updateFrequency: string;
  sponsor: string;
  sponsorUrl: string;
  /** Null when the YAML has no `geolocation` (a warning): such a mirror is "Location unknown". */
  location: MirrorLocation | null;
  private: boolean;
  monopoly: boolean;
  /** IPv4/IPv6 networks in canonical CIDR form. */
  subnets: string[];
  /** An https URL to a published list of subnets, when `subnets` is given as a URL. */
  subnetsUrl: string | null;
  asns: number[];
  cloud: CloudPlacement | null;
}

/** One repository of the distribution config. */
export interface RepoConfig {
  name: string;
  /** Path below `<base>/<version>/`, with `$basearch` left literal. */
  path: string;
  /** Versions it exists for; null means every version in `versions`. */
  versions: string[] | null;
  /** Arches it exists for; null means every arch of the version. */
  arches: string[] | null;
  /** Served only from the vault (sources, debug). */
  vault: boolean;
}

/** The distribution config (`config.yml`, upstream `service_config` v3), normalised. */
export interface DistributionConfig {
  allowedOutdate: string;
  /** `allowed_outdate` in seconds. */
  allowedOutdateSeconds: number;
  versions: string[];
  /** Alias → full version, e.g. `9` → `9.8`. */
  versionAliases: Record<string, string>;
  vaultVersions: string[];
  vaultMirror: string;
  /** Module → versions, e.g. `kitten` → [`10`]. */
  optionalModuleVersions: Record<string, string[]>;
  /** Version (or `<version>-<module>`) → arches. */
  arches: Record<string, string[]>;
  requiredProtocols: string[];
  repos: RepoConfig[];
  /**
   * `reference_url`: the origin trees whose `repomd.xml` files define "current", each URL ending
   * with `/`; `main` for the main tree, a module name (`kitten`) for its tree. Empty when unset.
   */
  references: ReferenceTree[];
}

/** One origin tree the checker compares mirrors with. */
export interface ReferenceTree {
  /** `main`, or an optional module's name. */
  tree: string;
  url: string;
}

/** The result of loading a registry: what is valid, and everything that was said about it. */
export interface Registry {
  /** Valid mirrors, sorted by name. */
  mirrors: Mirror[];
  /** Null only when `config.yml` itself is unusable (then `diagnostics` says why). */
  config: DistributionConfig | null;
  /** Every diagnostic of every file, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** How many mirror files were read. */
  files: number;
  /** The checker's last report, when `MIRRORS_STATUS` names one; null means "not checked". */
  status: StatusFile | null;
}

/** A mirror's health as the checker last saw it (`npm run check-mirrors`). */
export type MirrorState = "ok" | "outdated" | "broken" | "unreachable";

/** One mirror's entry in the status file (`MIRRORS_STATUS`). */
export interface MirrorStatus extends ReasonFields {
  state: MirrorState;
  /** Human-readable reason, e.g. "TIME is 3 days old (allowed: 12h)". */
  reason: string;
  /** ISO 8601 time of this mirror's check. */
  checked_at: string;
  /** Reachable over IPv4 / IPv6; null when not known. */
  ipv4?: boolean | null;
  ipv6?: boolean | null;
  /** The URL that decided a state other than `ok` (the first one that failed). */
  url?: string;
  /** That URL's HTTP status, when it answered. */
  http_status?: number;
  /** The main tree's base URL the checker used (https when the mirror has it). */
  base_url?: string;
  /** The sync time the mirror's `TIME` file holds (ISO 8601), when it could be read. */
  synced_at?: string;
  /**
   * False when the checker left the mirror alone: a private mirror serves only its own
   * networks, so an outside check proves nothing; it is `ok` by convention, as upstream.
   */
  checked?: boolean;
  /** Addresses from DNS (A and AAAA records, or the literal address in the URL). */
  addresses?: { ipv4: string[]; ipv6: string[] };
  /** How many of the required `repodata/repomd.xml` files were checked before the verdict. */
  repodata?: { checked: number; total: number };
  /** The Kitten tree's health, when the mirror lists one (it does not change `state`). */
  kitten?: { state: MirrorState; reason: string } & ReasonFields;
  /** The ISO set (upstream's file names), checked for `ok` mirrors only; does not change `state`. */
  isos?: { complete: boolean; reason: string } & ReasonFields;
  /**
   * How far behind the reference its worst repo is, in seconds (0: every `repomd.xml` is the
   * current one); absent when the checker had no reference or did not get that far.
   */
  lag_seconds?: number;
  /** The repos whose `repomd.xml` matched an earlier version of the reference, worst first. */
  repomd_behind?: RepoBehind[];
  /** Where the check's time went, in milliseconds. */
  timings?: MirrorTimings;
  /** The last 30 days, carried from run to run by the checker (see `status/history.ts`). */
  history?: MirrorHistory;
  /** Anything else the checker reports. */
  [detail: string]: unknown;
}

/** One repo whose copy is an earlier, still acceptable, version of the reference's. */
export interface RepoBehind {
  /** Its repo key, like `9.8/BaseOS/x86_64/os`. */
  repo: string;
  /** The `<revision>` it serves. */
  revision: string | null;
  /** How long ago the reference replaced that version, in seconds. */
  lag_seconds: number;
}

/** A change of a mirror's state, as the checker saw it. */
export interface StateChange extends ReasonFields {
  /** ISO 8601 time of the check that saw the new state. */
  at: string;
  from: MirrorState;
  to: MirrorState;
  /** Why the mirror has the new state (its `reason` then, cut to a bounded length). */
  reason: string;
}

/**
 * A reason's code and params (`status/reason-catalogue.ts`), beside its English text, for other
 * languages; on a state change, kept only when short.
 */
export interface ReasonFields {
  reason_code?: string;
  reason_params?: Record<string, string | number>;
}

/** One UTC day of checks of one mirror. */
export interface HistoryDay {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  /** Checks that day, and how many of them found the mirror `ok`. */
  checks: number;
  ok: number;
  /** The worst `lag_seconds` seen that day; absent when no check measured one. */
  worst_lag_seconds?: number;
}

/** A mirror's recent past: its state changes and one line per day, both oldest first. */
export interface MirrorHistory {
  changes: StateChange[];
  days: HistoryDay[];
}

/** Durations of one mirror's check, in milliseconds; a step that did not run is absent. */
export interface MirrorTimings {
  /** The whole check of this mirror. */
  total_ms: number;
  dns_ms?: number;
  /** The base URL request (the first answer also shows the round trip). */
  base_ms?: number;
  time_ms?: number;
  /** All repodata requests, from the first sent to the last answered. */
  repodata_ms?: number;
}

/** The status file the checker writes and the build reads. */
export interface StatusFile {
  /** ISO 8601 time the run finished. */
  checked_at: string;
  mirrors: Record<string, MirrorStatus>;
  /**
   * The reference's `repomd.xml` history by repo key (`9.8/BaseOS/x86_64/os`), carried from run
   * to run; absent when the checker had no reference.
   */
  repomd?: Record<string, RepomdHistory>;
}
