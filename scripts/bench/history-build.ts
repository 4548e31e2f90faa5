/**
 * What 30 days of history cost the site build: `astro build` of the real registry in every
 * locale, given the typical status file of `_history-status.ts` (530 mirrors checked every 30
 * minutes), once as it is and once with the histories taken out, in turn, median of
 * `BENCH_RUNS` (target: the history adds at most 10 %). Both builds read a status file, so the
 * difference is the history alone: reading it, the day strips and change lists on every mirror
 * page in every locale, the availability column, the feeds and the published `status/v1.json`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCALES } from "../../src/i18n/locales.ts";
import { astroBuildSeconds } from "./_astro-build.ts";
import { historyStatusFile, registryMirrorNames } from "./_history-status.ts";
import { type Figure, median, printFigures } from "./_report.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const work = mkdtempSync(join(tmpdir(), "mirrorsite-bench-history-"));
try {
  const status = historyStatusFile(registryMirrorNames(), false);
  const withHistory = join(work, "with-history.json");
  const without = join(work, "without-history.json");
  writeFileSync(withHistory, JSON.stringify(status));
  const bare = Object.fromEntries(Object.entries(status.mirrors).map(([n, s]) => [n, { ...s, history: undefined }]));
  writeFileSync(without, JSON.stringify({ ...status, mirrors: bare }));

  const times = { with: [] as number[], without: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    // In turn, so that a burst of load on the shared cores weighs on both alike.
    times.without.push(astroBuildSeconds(join(work, "dist"), { MIRRORS_STATUS: without }));
    times.with.push(astroBuildSeconds(join(work, "dist"), { MIRRORS_STATUS: withHistory }));
  }
  const added = median(times.with) / median(times.without) - 1;
  const figures: Figure[] = [
    {
      figure: `build, ${LOCALES.length} locales, status without history (median of ${RUNS})`,
      value: `${median(times.without).toFixed(1)} s`,
      target: "—",
      ok: true,
    },
    {
      figure: `build, ${LOCALES.length} locales, status with 30 days of history (median of ${RUNS})`,
      value: `${median(times.with).toFixed(1)} s`,
      target: "—",
      ok: true,
    },
    {
      figure: "what the history adds to the build",
      value: `${(added * 100).toFixed(1)} %`,
      target: "≤ 10 %",
      ok: added <= 0.1,
    },
  ];
  printFigures(figures);
  process.exitCode = figures.every((f) => f.ok) ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
