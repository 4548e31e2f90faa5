/**
 * The shell commands of the join guide, as AlmaLinux's "How to create a public mirror" page
 * documents them (a unit test compares them with that page). Only the destination folders
 * differ: the guide writes `/path/to/almalinux/` where the source writes
 * `/almalinux/dir/on/your/server/`, and says in its text to replace them.
 */

/**
 * The rsync sources: the main tree's host answers, by DNS, with a tier-0 server near the caller;
 * Kitten has a host and module of its own, outside the main tree.
 */
export const RSYNC_SOURCES = {
  main: { host: "rsync.repo.almalinux.org", module: "almalinux" },
  kitten: { host: "rsync.kitten.repo.almalinux.org", module: "almalinux-kitten" },
} as const;

/** Where the guide's commands copy each tree to. */
export const DESTINATIONS = { main: "/path/to/almalinux/", kitten: "/path/to/almalinux-kitten/" } as const;

type Source = (typeof RSYNC_SOURCES)[keyof typeof RSYNC_SOURCES];

/** The rsync command that copies `source` into `folder`. */
function sync(source: Source, folder: string): string {
  return `/usr/bin/rsync -avSH --exclude='.~tmp~' --delete-delay --delay-updates rsync://${source.host}/${source.module}/ ${folder}`;
}

/** The crontab line: every three hours after a random delay, skipped while `lock` is held (`%` is `\%` in a crontab). */
function cron(source: Source, folder: string, lock: string): string {
  return `0 */3 * * * sleep $(((RANDOM\\%3500)+1)) && /usr/bin/flock -n ${lock} -c "${sync(source, folder)}"`;
}

/** Each code block of the guide, one command a line. */
export const GUIDE_COMMANDS = {
  backports: [
    "curl https://repo.almalinux.org/backports/almalinux-backports-rsync.repo --output /etc/yum.repos.d/almalinux-backports-rsync.repo",
    "yum -y update rsync",
  ].join("\n"),
  check: "rsync --version | grep xxhash",
  sync: sync(RSYNC_SOURCES.main, DESTINATIONS.main),
  cron: cron(RSYNC_SOURCES.main, DESTINATIONS.main, "/var/run/almalinux_rsync.lock"),
  // A shell command and a crontab line go to different places: each has its own block and Copy button.
  kittenSync: sync(RSYNC_SOURCES.kitten, DESTINATIONS.kitten),
  kittenCron: cron(RSYNC_SOURCES.kitten, DESTINATIONS.kitten, "/var/run/almalinux_kitten_rsync.lock"),
} as const;
