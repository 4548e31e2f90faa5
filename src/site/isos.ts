/** The ISO matrix: current versions (the full versions the major aliases point to) × their arches. */
import { ownValue } from "../core/own-property.ts";
import type { DistributionConfig } from "../core/types.ts";

export interface IsoRelease {
  /** Full version, e.g. `9.8`. */
  version: string;
  arches: string[];
}

/** Newest first: 10.2, 9.8, 8.10. */
export function isoReleases(config: DistributionConfig | null): IsoRelease[] {
  if (!config) return [];
  return Object.entries(config.versionAliases)
    .map(([major, version]) => ({
      version,
      arches: ownValue(config.arches, major) ?? ownValue(config.arches, version) ?? [],
    }))
    .sort((a, b) => b.version.localeCompare(a.version, "en", { numeric: true }));
}

/** An ISO folder's path below a mirror's base URL: `9.8/isos/aarch64/`. */
export function isoPath(version: string, arch: string): string {
  return `${version}/isos/${arch}/`;
}

/** An ISO page under a major version (`/isos/aarch64/9/`) that leads to its current minor's. */
export interface IsoAlias {
  arch: string;
  /** The major version, as readers type it: `9`. */
  major: string;
  /** The full version it stands for: `9.8`. */
  version: string;
}

/** One alias per major version and arch of the current releases, as `versionAliases` maps them. */
export function isoAliases(config: DistributionConfig | null): IsoAlias[] {
  if (!config) return [];
  return isoReleases(config).flatMap(({ version, arches }) =>
    Object.entries(config.versionAliases)
      .filter(([, full]) => full === version)
      .flatMap(([major]) => arches.map((arch) => ({ arch, major, version }))),
  );
}
