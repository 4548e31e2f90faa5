/** Which mirrorlists (versions × repositories) would send dnf to a mirror. Pure. */
import type { DistributionConfig, Mirror, MirrorStatus } from "../core/types.ts";

export interface MirrorlistMembership {
  /** Versions of the main tree (e.g. 8, 8.10, 9, …) and, for Kitten, `<version>-kitten`. */
  versions: string[];
  /** Repository names served from mirrors (not the vault). */
  repos: string[];
}

/**
 * A private mirror with neither subnets nor ASNs serves nobody (an "off switch"); any other
 * mirror is in the lists of every current version, and in Kitten's when it carries Kitten.
 */
export function mirrorlistsOf(mirror: Mirror, config: DistributionConfig | null): MirrorlistMembership {
  const unreachable = mirror.private && mirror.subnets.length === 0 && mirror.asns.length === 0 && !mirror.subnetsUrl;
  if (!config || unreachable) return { versions: [], repos: [] };
  const kitten = mirror.kittenUrls ? (config.optionalModuleVersions.kitten ?? []).map((v) => `${v}-kitten`) : [];
  const versions = [...config.versions, ...kitten];
  const repos = config.repos
    .filter((r) => !r.vault && (r.versions === null || r.versions.some((v) => versions.includes(v))))
    .map((r) => r.name);
  return { versions, repos: [...new Set(repos)] };
}

/** Why the mirrorlists leave a mirror out although its file would put it in: its last check. */
export type LeftOutReason = "broken" | "outdated" | "unreachable" | "notChecked";

/**
 * The reason a build with a status report leaves `mirror` out of every mirrorlist, or null when
 * dnf is sent to it. Mirrors the export (`export-index.ts`): with a report, only a mirror whose
 * entry says `ok` is listed, so one with no entry yet (a first merge) is left out too. Without
 * a report nothing is known and the file alone decides.
 */
export function leftOutReason(hasReport: boolean, status: MirrorStatus | null): LeftOutReason | null {
  if (!hasReport) return null;
  if (!status) return "notChecked";
  return status.state === "ok" ? null : status.state;
}
