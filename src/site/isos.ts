/** The ISO matrix: current versions (the full versions the major aliases point to) × their arches. */
import { archesOf } from "../core/status/check-targets.ts";
import type { DistributionConfig } from "../core/types.ts";

export { isoPath } from "../core/status/check-targets.ts";

export interface IsoRelease {
  /** Full version, e.g. `9.8`. */
  version: string;
  arches: string[];
}

/** Newest first: 10.2, 9.8, 8.10. */
export function isoReleases(config: DistributionConfig | null): IsoRelease[] {
  if (!config) return [];
  return (
    Object.entries(config.versionAliases)
      // The arches the checker HEADs the images for, so a page never names a folder it skips.
      .map(([, version]) => ({ version, arches: archesOf(version, config) ?? [] }))
      .sort((a, b) => b.version.localeCompare(a.version, "en", { numeric: true }))
  );
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
