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
import { median, report } from "./_report.ts";

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
  report([
    {
      metric: `\`astro build\`, ${LOCALES.length} locales, the typical status file without its histories (median of ${RUNS})`,
      figure: `${median(times.without).toFixed(1)} s`,
      note: "both builds read a status file, so the difference is the history alone",
    },
    {
      metric: "the same with the histories",
      figure: `${median(times.with).toFixed(1)} s`,
      note: "day strips and change lists on every mirror page, the availability column, feeds, `status/v1.json`",
    },
    {
      metric: `what the history adds to the ${LOCALES.length}-locale build`,
      figure: `${(added * 100).toFixed(1)} %`,
      value: added * 100,
      target: { comparison: "≤", value: 10, unit: "%" },
      reference: `the build without the histories: ${median(times.without).toFixed(1)} s`,
      note: "noisy on a shared VM: a burst of load on one build moves it by tens of per cent",
    },
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
