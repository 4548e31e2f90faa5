/**
 * The website's figures over the real registry:
 * - build time of the site (one locale), `astro build` into a scratch folder (target: < 20 s);
 * - home page first load, gzipped: the HTML and every stylesheet and script it loads before any
 *   interaction, following static imports (target: ≤ 60 KB);
 * - the same with the map opened: the map island and what it fetches (target: ≤ 160 KB).
 * Reference: mirrors.almalinux.org loads 94 KB gzipped of Bootstrap, jQuery and DataTables
 * before its own HTML.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { astroBuildSeconds } from "./_astro-build.ts";
import { closure, gzipped, lazyRefs, staticRefs } from "./_first-load.ts";
import { median, report } from "./_report.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The reference, read by hand from the live site: this bench does not fetch it. */
const ALMALINUX_ORG =
  "mirrors.almalinux.org: 94 KB of Bootstrap, jQuery and DataTables before its own HTML (read by hand 2026-11-28)";

const outDir = mkdtempSync(join(tmpdir(), "mirrorsite-bench-"));
try {
  // One locale, as the label and the target say (`bench -- i18n` measures every locale).
  const times = Array.from({ length: RUNS }, () => astroBuildSeconds(outDir, { LOCALES: "en" }));
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const firstFiles = closure(outDir, staticRefs(html), "/", staticRefs);
  const first = gzipped(outDir, "index.html") + [...firstFiles].reduce((n, f) => n + gzipped(outDir, f), 0);
  const jsFirst = [...firstFiles].filter((f) => f.endsWith(".js")).reduce((n, f) => n + gzipped(outDir, f), 0);
  const lazyStart = [...firstFiles]
    .filter((f) => f.endsWith(".js"))
    .flatMap((f) => lazyRefs(readFileSync(join(outDir, f), "utf8")).map((r) => new URL(r, `http://site${f}`).pathname));
  const mapFiles = closure(outDir, lazyStart, "/", (text) => [...staticRefs(text), ...lazyRefs(text)]);
  mapFiles.add("/map-data.json");
  const mapExtra = [...mapFiles].filter((f) => !firstFiles.has(f)).reduce((n, f) => n + gzipped(outDir, f), 0);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const built = median(times);
  report([
    {
      metric: `\`astro build\` of the real registry, one locale (median of ${RUNS})`,
      figure: `${built.toFixed(1)} s`,
      value: built,
      target: { comparison: "<", value: 20, unit: "s" },
      note: "content sync with geocoding, the one-locale pages, the mirrorlist export; `LOCALES=en`",
    },
    {
      metric: "home first load, gzipped (HTML + CSS + JS)",
      figure: kb(first),
      value: first / 1000,
      target: { comparison: "≤", value: 60, unit: "KB" },
      reference: ALMALINUX_ORG,
      note: "every row server-rendered; complete without JavaScript",
    },
    { metric: "of which HTML", figure: kb(gzipped(outDir, "index.html")) },
    {
      metric: "of which script files",
      figure: kb(jsFirst),
      note: "the map's loader, the table script and the shown-mirrors event the map follows; no UI framework",
    },
    {
      metric: "home with the map opened, gzipped",
      figure: kb(first + mapExtra),
      value: (first + mapExtra) / 1000,
      target: { comparison: "≤", value: 160, unit: "KB" },
      note: "Leaflet and markercluster, the world shapes (110m), the map data, the map's CSS",
    },
  ]);
  console.log("first load:", [...firstFiles].join(" "));
  console.log("map opened adds:", [...mapFiles].filter((f) => !firstFiles.has(f)).join(" "));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
