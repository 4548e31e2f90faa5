/**
 * A dnf `.repo` file that pins one mirror for the distribution's main repositories: what a
 * mirror's page offers to copy. Pure.
 */

import { REPO_PATH_PATTERN } from "./schema/config-schema.ts";
import { webBaseUrl } from "./status/check-targets.ts";
import type { DistributionConfig, Mirror } from "./types.ts";

const SAFE_REPO_PATH = new RegExp(REPO_PATH_PATTERN);

/** The repositories every install has enabled, in the order AlmaLinux's own `.repo` files list them. */
const PINNED_REPOS = ["baseos", "appstream", "extras"] as const;

/** What a mirror's page shows: the file, where to save it, and the stock repositories to turn off. */
export interface DnfRepoFile {
  /** Where dnf reads it: `/etc/yum.repos.d/<mirror name>.repo`. */
  path: string;
  text: string;
  /** The config's names of the pinned repositories (`baseos` …), as `dnf config-manager` takes them. */
  repos: string[];
  /** Their folder names (`BaseOS` …), as people know them. */
  labels: string[];
}

/**
 * The `.repo` file for `mirror`: its https URL, else its http one; null when it has neither or
 * the config names none of the pinned repositories. `$releasever` and `$basearch` are left to
 * dnf, so that one file serves every version and architecture of the mirror.
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
  if (repos.length === 0) return null;
  const labels = repos.map((r) => r.path.split("/")[0] ?? r.name);
  const sections = repos.map((repo, i) =>
    [
      `[${mirror.name}-${repo.name}]`,
      `name=AlmaLinux $releasever - ${labels[i]} (${mirror.name})`,
      `baseurl=${root}$releasever/${repo.path}`,
      "enabled=1",
      "gpgcheck=1",
      "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-$releasever",
    ].join("\n"),
  );
  return {
    path: `/etc/yum.repos.d/${mirror.name}.repo`,
    text: `${sections.join("\n\n")}\n`,
    repos: repos.map((r) => r.name),
    labels,
  };
}
