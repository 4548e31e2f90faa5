/**
 * The dnf `.repo` files that pin one mirror for the distribution's main repositories, one per
 * major version: what a mirror's page offers to copy. Pure.
 */

import { REPO_PATH_PATTERN } from "./schema/config-schema.ts";
import { webBaseUrl } from "./status/check-targets.ts";
import type { DistributionConfig, Mirror } from "./types.ts";

const SAFE_REPO_PATH = new RegExp(REPO_PATH_PATTERN);

/** The repositories every install has enabled, in the order AlmaLinux's own `.repo` files list them. */
const PINNED_REPOS = ["baseos", "appstream", "extras"] as const;

/** A major version as the config lists it (`8`, `9`, `10`), not a point release or a module. */
const MAJOR_VERSION = /^[1-9][0-9]{0,2}$/;

/**
 * The signing key each major version installs, as its own `.repo` files name it: AlmaLinux 8's
 * `almalinux-release` ships `/etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux` with no suffix; from 9 on,
 * `almalinux-gpg-keys` ships `RPM-GPG-KEY-AlmaLinux-<major>` (9, 10). A file naming a key that
 * is not on disk makes dnf refuse every package, so `$releasever` cannot stand in for it.
 */
export function gpgKeyPath(major: string): string {
  const file = major === "8" ? "RPM-GPG-KEY-AlmaLinux" : `RPM-GPG-KEY-AlmaLinux-${major}`;
  return `/etc/pki/rpm-gpg/${file}`;
}

/** One major version's file. */
export interface DnfRepoFileText {
  /** `8`, `9`, `10`. */
  major: string;
  text: string;
}

/** What a mirror's page shows: the files, where to save one, and the stock repositories to turn off. */
export interface DnfRepoFile {
  /** Where dnf reads it: `/etc/yum.repos.d/<mirror name>.repo`. */
  path: string;
  /** One file per major version of the config, newest first. */
  files: DnfRepoFileText[];
  /** The config's names of the pinned repositories (`baseos` …), as `dnf config-manager` takes them. */
  repos: string[];
  /** Their folder names (`BaseOS` …), as people know them. */
  labels: string[];
}

/**
 * The `.repo` files for `mirror`: its https URL, else its http one; null when it has neither, the
 * config names none of the pinned repositories or no major version. `$releasever` and
 * `$basearch` in URLs are left to dnf; only the signing key differs between major versions.
 */
export function dnfRepoFile(mirror: Mirror, config: DistributionConfig | null): DnfRepoFile | null {
  const base = webBaseUrl(mirror.urls);
  if (!base || !config) return null;
  // Re-serialised by the URL parser: registry text can never add a line to the file.
  const root = new URL(base).href.replace(/\/?$/, "/");
  // The config's schema holds repo paths to this form; checked again here because the text
  // becomes lines of a file people install, and a config built in code never met the schema.
  const repos = PINNED_REPOS.flatMap(
    (name) => config.repos.find((r) => r.name === name && !r.vault && SAFE_REPO_PATH.test(r.path)) ?? [],
  );
  const majors = config.versions.filter((v) => MAJOR_VERSION.test(v)).sort((a, b) => Number(b) - Number(a));
  if (repos.length === 0 || majors.length === 0) return null;
  const labels = repos.map((r) => r.path.split("/")[0] ?? r.name);
  const files = majors.map((major) => {
    const sections = repos.map((repo, i) =>
      [
        `[${mirror.name}-${repo.name}]`,
        `name=AlmaLinux $releasever - ${labels[i]} (${mirror.name})`,
        `baseurl=${root}$releasever/${repo.path}`,
        "enabled=1",
        "gpgcheck=1",
        `gpgkey=file://${gpgKeyPath(major)}`,
      ].join("\n"),
    );
    return { major, text: `${sections.join("\n\n")}\n` };
  });
  return { path: `/etc/yum.repos.d/${mirror.name}.repo`, files, repos: repos.map((r) => r.name), labels };
}
