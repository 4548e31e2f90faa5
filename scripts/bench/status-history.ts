/**
 * The status file's size with 30 days of history for the real registry's mirrors (530), checked
 * every 30 minutes (target: ≤ 1 MiB gzipped; the worst case must stay under the size the loader
 * reads), the time to read it back, and the time the build's data export takes with it:
 * typical and worst (see `_history-status.ts`).
 */
import { gzipSync } from "node:zlib";
import { mirrorExport, serializeExportCsv, serializeExportJson } from "../../src/core/exports/mirror-exports.ts";
import { listMirrorFiles, readRegistry, registryPaths } from "../../src/core/load.ts";
import { ownValue } from "../../src/core/own-property.ts";
import { mirrorFeed, registryFeed } from "../../src/core/status/atom-feed.ts";
import { HISTORY_DAYS, MAX_CHANGES } from "../../src/core/status/history.ts";
import { serializePublicStatus } from "../../src/core/status/public-status.ts";
import { MAX_STATUS_BYTES, parseStatusFile } from "../../src/core/status/status-file.ts";
import { historyStatusFile, registryMirrorNames } from "./_history-status.ts";
import { type Row, report } from "./_report.ts";

const names = registryMirrorNames();

/** Bytes in MiB from 1 MiB up, in KiB below. */
const size = (bytes: number) =>
  bytes >= 2 ** 20
    ? `${(bytes / 2 ** 20).toFixed(bytes >= 10 * 2 ** 20 ? 1 : 2)} MiB`
    : `${(bytes / 2 ** 10).toFixed(0)} KiB`;

const rows: Row[] = [];
for (const [label, worst] of [
  ["typical", false],
  ["worst", true],
] as const) {
  const status = historyStatusFile(names, worst);
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
  const period = `${names.length} mirrors × ${HISTORY_DAYS} days`;
  rows.push(
    worst
      ? {
          metric: `worst file: every mirror at the bound, ${MAX_CHANGES} changes with 200-character random reasons (${period})`,
          figure: `${size(text.length)}, ${size(gzipped)} gzipped`,
          value: text.length / 2 ** 20,
          // The worst case is a bound, not a forecast: it must still read.
          target: { comparison: "≤", value: MAX_STATUS_BYTES / 2 ** 20, unit: "MiB" },
          note: "a bound, not a forecast: the loader reads files up to this size",
        }
      : {
          metric: `typical file: one mirror in ten flapping a few times a week (${changes.toLocaleString("en")} changes), lags varying (${period})`,
          figure: `${size(text.length)}, ${size(gzipped)} gzipped`,
          value: gzipped / 2 ** 20,
          target: { comparison: "≤", value: 1, unit: "MiB", of: "gzipped" },
          note: `${size(gzipSync(bare).byteLength)} gzipped without the histories (the bench's entries are alike)`,
        },
    {
      metric: `reading the ${label} file back (parse + validate)`,
      figure: `${parseMs.toFixed(0)} ms`,
      ...(worst ? {} : { note: "the build reads it once (`src/site/build-model.ts`), for the pages and both exports" }),
    },
    {
      metric: `the build's data files from the ${label} file: \`status/v1.json\`, ${mirrorsOfRegistry.length + 1} feeds, the CSV and JSON exports`,
      figure: `${exportMs.toFixed(0)} ms`,
    },
  );
}
report(rows);
