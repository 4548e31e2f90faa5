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
import { gzipSync } from "node:zlib";
import { astroBuildSeconds } from "./_astro-build.ts";
import { type Figure, median, printFigures } from "./_report.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Gzipped bytes (zlib level 6, a web server's usual setting) of a file of the build. */
function gzipped(outDir: string, path: string): number {
  return gzipSync(readFileSync(join(outDir, path)), { level: 6 }).length;
}

/** Site paths a text refers to: `<link>` stylesheets, `<script src>`, static JS imports. */
function staticRefs(text: string): string[] {
  const refs = [
    ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g),
    ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w{},*\s]+from\s*)?["'`]([^"'`]+)["'`]/g),
  ];
  return refs.map((m) => m[1] ?? "");
}

/** Dynamic `import()`s of a script and the `/_astro/` files (CSS, JSON) its code names. */
function lazyRefs(text: string): string[] {
  return [
    ...[...text.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? ""),
    ...[...text.matchAll(/["'`](\/_astro\/[^"'`]+\.(?:css|json))["'`]/g)].map((m) => m[1] ?? ""),
  ];
}

/** Every file reached from `start` through `follow`, as site paths. */
function closure(outDir: string, start: string[], from: string, follow: (text: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const queue = start.map((ref) => new URL(ref, `http://site${from}`).pathname);
  while (queue.length > 0) {
    const path = queue.shift() ?? "";
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.endsWith(".js")) continue;
    const text = readFileSync(join(outDir, path), "utf8");
    for (const ref of follow(text)) queue.push(new URL(ref, `http://site${path}`).pathname);
  }
  return seen;
}

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
  const figures: Figure[] = [
    {
      figure: `build of the real registry, one locale (median of ${RUNS})`,
      value: `${median(times).toFixed(1)} s`,
      target: "< 20 s",
      ok: median(times) < 20,
    },
    { figure: "home first load, gzipped (HTML + CSS + JS)", value: kb(first), target: "≤ 60 KB", ok: first <= 60_000 },
    {
      figure: "  of which JS files (the table script is inline in the HTML)",
      value: kb(jsFirst),
      target: "—",
      ok: true,
    },
    { figure: "  of which HTML", value: kb(gzipped(outDir, "index.html")), target: "—", ok: true },
    {
      figure: "home with the map opened, gzipped",
      value: kb(first + mapExtra),
      target: "≤ 160 KB",
      ok: first + mapExtra <= 160_000,
    },
    { figure: "reference: mirrors.almalinux.org libraries alone", value: "94 KB", target: "—", ok: true },
  ];
  printFigures(figures);
  console.log("first load:", [...firstFiles].join(" "));
  console.log("map opened adds:", [...mapFiles].filter((f) => !firstFiles.has(f)).join(" "));
  process.exitCode = figures.every((f) => f.ok) ? 0 : 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
