/**
 * How the build grows with the number of locales, over the real registry: `astro build` with
 * `LOCALES` set to 1, 5 and all 10 locales (target: all locales under 90 s), pages per locale,
 * and the cost of one more locale. Reference: the site build with one locale (`bench -- site`).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_LOCALES } from "../../src/i18n/locales.ts";
import { astroBuildSeconds } from "./_astro-build.ts";
import { median, report } from "./_report.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** HTML pages in a build. */
function countPages(dir: string): number {
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) pages++;
  }
  return pages;
}

const steps = [1, 5, ALL_LOCALES.length].map((n) => ALL_LOCALES.slice(0, n));
const results: { locales: number; pages: number; seconds: number }[] = [];
for (const locales of steps) {
  const outDir = mkdtempSync(join(tmpdir(), "mirrorsite-bench-i18n-"));
  try {
    const seconds = median(
      Array.from({ length: RUNS }, () => astroBuildSeconds(outDir, { LOCALES: locales.join(",") })),
    );
    results.push({ locales: locales.length, pages: countPages(outDir), seconds });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const one = results[0];
const all = results.at(-1);
if (!one || !all) throw new Error("no build measured");
const perLocale = (all.seconds - one.seconds) / (all.locales - one.locales);
const pagesPerLocale = Math.round(all.pages / all.locales);
report([
  ...results.map((r) => ({
    metric: `build, ${r.locales} locale${r.locales === 1 ? "" : "s"}, ${r.pages.toLocaleString("en")} pages (median of ${RUNS})`,
    figure: `${r.seconds.toFixed(1)} s`,
    ...(r.locales === ALL_LOCALES.length
      ? {
          value: r.seconds,
          target: { comparison: "<", value: 90, unit: "s" } as const,
          reference: `the same build in one locale: ${one.seconds.toFixed(1)} s`,
        }
      : {}),
    ...(r === one ? { note: "content sync with geocoding, the mirrorlist export, Vite's bundling: paid once" } : {}),
  })),
  {
    metric: "each locale beyond the first adds",
    figure: `${perLocale.toFixed(1)} s`,
    note: `${pagesPerLocale} pages, about ${((perLocale * 1000) / pagesPerLocale).toFixed(1)} ms a page`,
  },
  {
    metric: "per page, all locales",
    figure: `${((all.seconds * 1000) / all.pages).toFixed(1)} ms`,
    note: "fixed costs included",
  },
]);
