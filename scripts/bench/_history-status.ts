/** Status files with 30 days of history, for the benchmarks of its size and of the build with it. */
import { randomBytes } from "node:crypto";
import { listMirrorFiles, registryPaths } from "../../src/core/load.ts";
import { advanceHistory, HISTORY_DAYS, MAX_REASON_LENGTH } from "../../src/core/status/history.ts";
import type { MirrorState, MirrorStatus, StatusFile } from "../../src/core/types.ts";

const CHECKS_PER_DAY = 48;
const start = Date.UTC(2026, 10, 1);
/** A deterministic pseudo-random sequence (a fixed-seed LCG), so that runs compare. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/** One check's entry, as the checker writes it (history aside). */
function entry(name: string, time: number, state: MirrorState, lag: number, reason: string): MirrorStatus {
  return {
    state,
    reason,
    checked_at: new Date(time).toISOString(),
    ipv4: true,
    ipv6: true,
    base_url: `https://${name}/almalinux/`,
    synced_at: new Date(time - lag * 1000 - 600_000).toISOString(),
    addresses: { ipv4: ["203.0.113.10"], ipv6: ["2001:db8::10"] },
    repodata: { checked: 60, total: 60 },
    lag_seconds: lag,
    timings: { total_ms: 812, dns_ms: 12, base_ms: 80, time_ms: 75, repodata_ms: 640 },
  };
}

/**
 * A status file for `names` after 30 days of checks every 30 minutes, each history made by
 * `advanceHistory` check by check, as the checker makes it:
 * - typical (`worst` false): most mirrors stay ok, one in ten flaps a few times a week, lags vary;
 * - worst: every mirror flaps at every check, so holds the most changes it may (`MAX_CHANGES`),
 *   each with the longest reason, of random characters (so gzip cannot flatter it).
 */
export function historyStatusFile(names: readonly string[], worst: boolean): StatusFile {
  const rand = random(42);
  const mirrors: [string, MirrorStatus][] = [];
  for (const name of names) {
    const flaps = worst || rand() < 0.1;
    let previous: MirrorStatus | undefined;
    let state: MirrorState = "ok";
    for (let i = 0; i < HISTORY_DAYS * CHECKS_PER_DAY; i++) {
      const time = start + i * 1_800_000;
      if (worst) state = state === "ok" ? "broken" : "ok";
      else if (flaps && rand() < 0.02) state = state === "ok" ? (rand() < 0.5 ? "unreachable" : "outdated") : "ok";
      const reason = worst
        ? randomBytes(MAX_REASON_LENGTH).toString("base64url").slice(0, MAX_REASON_LENGTH)
        : state === "ok"
          ? "All 60 repodata files answer; synced 2 hours ago (allowed: 12h)"
          : `Timed out after 15 s: https://${name}/almalinux/TIME`;
      const current = entry(name, time, state, Math.floor(rand() * 7200), reason);
      current.history = advanceHistory(previous, current);
      previous = current;
    }
    if (previous) mirrors.push([name, previous]);
  }
  return {
    checked_at: new Date(start + HISTORY_DAYS * 86_400_000).toISOString(),
    mirrors: Object.fromEntries(mirrors),
  };
}

/** The names of the real registry's mirrors, from their file names. */
export function registryMirrorNames(): string[] {
  return listMirrorFiles(registryPaths().mirrorsDir).map((f) => f.replace(/^.*\//, "").replace(/\.ya?ml$/, ""));
}
