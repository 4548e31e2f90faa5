/** The ISO matrix: current versions (the full versions the major aliases point to) × their arches. */
import { ownValue } from "../../core/own-property.ts";
import type { DistributionConfig, Mirror } from "../../core/types.ts";

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

/** The mirror's folder of ISO images for `version` and `arch`, over HTTPS when it has it. */
export function isoFolder(mirror: Mirror, version: string, arch: string): string | null {
  const base = mirror.urls.https ?? mirror.urls.http;
  return base ? `${base}${version}/isos/${arch}/` : null;
}
