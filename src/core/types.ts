/**
 * The typed values the core hands to every output (pages, mirrorlist export, CLIs).
 * Nothing here reads files: see `load.ts` for the one function that does.
 */

import type { Diagnostic } from "./diagnostics.ts";
import type { ImageTree } from "./images/image-trees.ts";
import type { StatusFile } from "./schema/schema-types.ts";

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
  /** `images`: the image trees the origin publishes; without the key, the ISO tree alone. */
  images: ImageTree[];
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
  /** Every file's contact address (valid or not), for the build's last check that none was published. */
  contacts: RegistryContact[];
  /** The checker's last report, when `MIRRORS_STATUS` names one; null means "not checked". */
  status: StatusFile | null;
}

/** A mirror file's contact address, which no output may hold. */
export interface RegistryContact {
  file: string;
  address: string;
}

/**
 * The status file the checker writes and the build reads (`MIRRORS_STATUS`), as its schema
 * (`status/status-schema.ts`) describes it; the types below name its parts. Keys a newer
 * checker adds are kept in the file but not typed.
 */
export type { StatusFile };

/** One mirror's entry in the status file. */
export type MirrorStatus = StatusFile["mirrors"][string];

/** How a mirror's copy of one image folder compares with the origin (`images` of its entry). */
export type ImageFolderState = NonNullable<MirrorStatus["images"]>[string]["state"];

/** A mirror's state for one image folder, with the reason when it is not verified. */
export type MirrorImageFolder = NonNullable<MirrorStatus["images"]>[string];

/** The origin's `CHECKSUM` of one image folder, as the checker keeps it (top-level `images`). */
export type OriginImageFolder = NonNullable<StatusFile["images"]>[string];

/** A mirror's health as the checker last saw it (`npm run check-mirrors`). */
export type MirrorState = MirrorStatus["state"];

/**
 * A reason's code and params (`status/reason-catalogue.ts`), beside its English text, for other
 * languages; on a state change, kept only when short.
 */
export type ReasonFields = Pick<MirrorStatus, "reason_code" | "reason_params">;

/** A mirror's recent past: its state changes and one line per day, both oldest first. */
export type MirrorHistory = NonNullable<MirrorStatus["history"]>;

/** A change of a mirror's state, as the checker saw it. */
export type StateChange = MirrorHistory["changes"][number];

/** One UTC day of checks of one mirror. */
export type HistoryDay = MirrorHistory["days"][number];

/** Durations of one mirror's check, in milliseconds; a step that did not run is absent. */
export type MirrorTimings = NonNullable<MirrorStatus["timings"]>;

/** One repo whose copy is an earlier, still acceptable, version of the reference's. */
export type RepoBehind = NonNullable<MirrorStatus["repomd_behind"]>[number];
