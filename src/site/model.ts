/**
 * What the pages show, built once from the `Registry`: each mirror with its map placement, its
 * status and the notes on its file. Pure; `src/content.config.ts` calls it and stores the result.
 */
import { type Diagnostic, makeDiagnostic } from "../core/diagnostics.ts";
import { hideEmails } from "../core/email-shape.ts";
import { type AddressedMirror, placeRegistryByAddress, statusHasAddresses } from "../core/geo/address-placement.ts";
import type { Gazetteer } from "../core/geo/gazetteer.ts";
import type { Placement } from "../core/geo/geocode.ts";
import type { AddressPlace, IpGeolocation } from "../core/geo/ip-geolocation.ts";
import { ownValue } from "../core/own-property.ts";
import type { DistributionConfig, Mirror, MirrorStatus, Registry, StatusFile } from "../core/types.ts";

/** One mirror as the site shows it. */
export interface SiteMirror {
  /** Its `location` is the one the site uses: the file's, or filled from its address (`placement.method`). */
  mirror: Mirror;
  /** Listed in the public table and on the map: neither private nor cloud-only. */
  public: boolean;
  /** Where it is drawn on the map; null when neither its file nor its address gives a place. */
  placement: Placement | null;
  /** Where IP geolocation puts its address (the status file's), when the database knows it. */
  address: AddressPlace | null;
  /** The file's place disagrees with the address's (that warning is among `notes` too). */
  addressDisagrees: boolean;
  /** The checker's last word on it; null when the build has no status file or it was left out. */
  status: MirrorStatus | null;
  /** Warnings (and the placement note) on its file, e-mail addresses hidden. */
  notes: Diagnostic[];
}

/** Facts about the whole build. */
export interface SiteInfo {
  config: DistributionConfig | null;
  /** When the status file was written; null when the build has none ("not checked"). */
  checkedAt: string | null;
  /** Mirror files read, and how many of them were left out as invalid. */
  files: number;
  invalidFiles: number;
  /** ISO time of the build: `SOURCE_DATE_EPOCH`, else the status file's check time, else null (no date shown). */
  builtAt: string | null;
  /** The registry repository's edit URL, to which a mirror file's `registryPath` is appended. */
  editBase: string;
  /** The status file gives addresses, so the site uses IP geolocation and credits its database. */
  usesIpGeolocation: boolean;
  /** The origin's `CHECKSUM` of each image folder, by folder key, as the checker read them; null without. */
  originImages: OriginImageFolders | null;
}

/** The status file's top-level `images`: the origin's image folders by key (`isos/x86_64/9.8`). */
export type OriginImageFolders = NonNullable<StatusFile["images"]>;

export function isPublic(mirror: Mirror): boolean {
  return !mirror.private && mirror.cloud === null;
}

/**
 * Every mirror as the site shows it, placed by its file and, with `geo`, by its status addresses
 * where the file gives no place or only a country (see `address-placement.ts`).
 */
export function buildSiteMirrors(
  registry: Registry,
  gazetteer: Gazetteer,
  geo: IpGeolocation | null = null,
): SiteMirror[] {
  return siteMirrorsOf(registry, placeRegistryByAddress(registry, gazetteer, geo).mirrors);
}

/** Every mirror as the site shows it, from `registry` and its mirrors already placed. */
export function siteMirrorsOf(registry: Registry, placed: readonly AddressedMirror[]): SiteMirror[] {
  const notesByFile = new Map<string, Diagnostic[]>();
  for (const d of registry.diagnostics) {
    const params = Object.fromEntries(
      Object.entries(d.params).map(([k, v]) => [k, typeof v === "string" ? hideEmails(v) : v]),
    );
    // The path too: an unknown key may itself be an address.
    const path = d.path.map((segment) => (typeof segment === "string" ? hideEmails(segment) : segment));
    const note = { ...d, path, params, message: hideEmails(d.message) };
    notesByFile.set(d.file, [...(notesByFile.get(d.file) ?? []), note]);
  }
  return placed.map(({ mirror, placement, address, disagreement }) => {
    const notes = [...(notesByFile.get(mirror.file) ?? [])];
    if (placement?.warning) {
      notes.push(
        makeDiagnostic(
          mirror.file,
          { line: 1, column: 1 },
          "warning",
          "approximate-location",
          ["geolocation"],
          placement.warning,
        ),
      );
    }
    if (disagreement) notes.push(disagreement);
    return {
      mirror,
      public: isPublic(mirror),
      placement,
      address,
      addressDisagrees: disagreement !== null,
      status: (registry.status && ownValue(registry.status.mirrors, mirror.name)) ?? null,
      notes,
    };
  });
}

export function buildSiteInfo(registry: Registry, env: Record<string, string | undefined>): SiteInfo {
  const mirrorFiles = new Set(registry.mirrors.map((m) => m.file));
  const badFiles = new Set(
    registry.diagnostics.filter((d) => d.severity === "error" && !mirrorFiles.has(d.file)).map((d) => d.file),
  );
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return {
    config: registry.config,
    checkedAt: registry.status?.checked_at ?? null,
    files: registry.files,
    invalidFiles: badFiles.size,
    // No build clock: the same inputs give the same bytes (`SOURCE_DATE_EPOCH`, else the check time, else no date).
    builtAt:
      Number.isFinite(epoch) && epoch > 0
        ? new Date(epoch * 1000).toISOString()
        : (registry.status?.checked_at ?? null),
    editBase: env.MIRRORS_EDIT_URL || "https://github.com/AlmaLinux/mirrors/edit/master/",
    usesIpGeolocation: statusHasAddresses(registry),
    originImages: registry.status?.images ?? null,
  };
}

/**
 * Where a mirror file sits in the registry repository: `mirrors.d/<file name>`, whatever folder
 * this build read it from (`MIRRORS_DIR` may point anywhere), so that edit links reach upstream.
 */
export function registryPath(file: string): string {
  return `mirrors.d/${fileName(file)}`;
}

/** A mirror file's edit link: `base` and its registry path, the file name encoded (it may hold `#`, `?` or `%`). */
export function editUrl(base: string, file: string): string {
  return `${base}mirrors.d/${encodeURIComponent(fileName(file))}`;
}

function fileName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}
