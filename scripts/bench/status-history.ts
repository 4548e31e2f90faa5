/**
 * The status file's size with 30 days of history for the real registry's mirrors (530), checked
 * every 30 minutes (target: ≤ 1 MiB gzipped; the worst case must stay under the size the loader
 * reads), the time to read it back, and the time the build's data export takes with it:
 * - typical: most mirrors stay ok, one in ten flaps a few times a week, lags vary;
 * - worst: every mirror flaps at every check, so holds the most changes it may (`MAX_CHANGES`),
 *   each with the longest reason, of random characters (so gzip cannot flatter it).
 * The histories are made by `advanceHistory` itself, check by check, as the checker makes them.
 */
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { mirrorExport, serializeExportCsv, serializeExportJson } from "../../src/core/exports/mirror-exports.ts";
import { listMirrorFiles, readRegistry, registryPaths } from "../../src/core/load.ts";
import { ownValue } from "../../src/core/own-property.ts";
import { mirrorFeed, registryFeed } from "../../src/core/status/atom-feed.ts";
import { advanceHistory, HISTORY_DAYS, MAX_CHANGES, MAX_REASON_LENGTH } from "../../src/core/status/history.ts";
import { serializePublicStatus } from "../../src/core/status/public-status.ts";
import { MAX_STATUS_BYTES, parseStatusFile } from "../../src/core/status/status-file.ts";
import type { MirrorState, MirrorStatus, StatusFile } from "../../src/core/types.ts";
import { printFigures } from "./_report.ts";

const CHECKS_PER_DAY = 48;
const start = Date.UTC(2026, 10, 1);
const names = listMirrorFiles(registryPaths().mirrorsDir).map((f) => f.replace(/^.*\//, "").replace(/\.ya?ml$/, ""));

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

function statusFile(worst: boolean): StatusFile {
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

const figures = [];
for (const [label, worst] of [
  ["typical", false],
  ["worst", true],
] as const) {
  const status = statusFile(worst);
  const text = `${JSON.stringify(status, null, 1)}\n`;
  const bare = `${JSON.stringify({ ...status, mirrors: Object.fromEntries(Object.entries(status.mirrors).map(([n, s]) => [n, { ...s, history: undefined }])) }, null, 1)}\n`;
  const gzipped = gzipSync(text, { level: 9 }).byteLength;
  const t = performance.now();
  const { status: read, diagnostics } = parseStatusFile("bench.json", text);
  const parseMs = performance.now() - t;
  if (Object.keys(read?.mirrors ?? {}).length !== names.length)
    throw new Error(`the bench status file does not read: ${JSON.stringify(diagnostics[0])}`);
  // What the build's data export adds with this status: status/v1.json, the feeds, the exports.
  const mirrorsOfRegistry = readRegistry(
    listMirrorFiles(registryPaths().mirrorsDir),
    registryPaths().configFile,
  ).mirrors;
  const t2 = performance.now();
  serializePublicStatus(status);
  const options = { siteUrl: "https://mirrors.example.org/", updated: status.checked_at };
  registryFeed(Object.entries(status.mirrors), options);
  for (const m of mirrorsOfRegistry) mirrorFeed(m.name, ownValue(status.mirrors, m.name) ?? null, options);
  const exported = mirrorExport(mirrorsOfRegistry, status);
  serializeExportCsv(exported);
  serializeExportJson(exported);
  const exportMs = performance.now() - t2;
  const changes = Object.values(status.mirrors).reduce((n, s) => n + (s.history?.changes.length ?? 0), 0);
  figures.push(
    {
      figure: `${label}: status file, ${names.length} mirrors × ${HISTORY_DAYS} days, ${changes} changes (max ${MAX_CHANGES}/mirror)`,
      value: `${(text.length / 2 ** 20).toFixed(2)} MiB, ${(gzipped / 2 ** 10).toFixed(0)} KiB gzipped (without history: ${(gzipSync(bare).byteLength / 2 ** 10).toFixed(0)} KiB)`,
      // The worst case is a bound, not a forecast: it must still read (MAX_STATUS_BYTES).
      target: worst ? `≤ ${MAX_STATUS_BYTES / 2 ** 20} MiB, so it reads` : "≤ 1 MiB gzipped",
      ok: worst ? text.length <= MAX_STATUS_BYTES : gzipped <= 2 ** 20,
    },
    {
      figure: `${label}: reading it back (parse + validate)`,
      value: `${parseMs.toFixed(0)} ms`,
      target: "—",
      ok: true,
    },
    {
      figure: `${label}: the build's data files (status/v1.json, ${mirrorsOfRegistry.length + 1} feeds, exports)`,
      value: `${exportMs.toFixed(0)} ms`,
      target: "—",
      ok: true,
    },
  );
}
printFigures(figures);
