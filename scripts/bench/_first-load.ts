/**
 * What a page loads before any interaction, read from the built files: the HTML and every
 * stylesheet and script it names, following static imports; and what its scripts load later
 * (dynamic `import()`s, the CSS and JSON files their code names). Sizes are gzipped at zlib
 * level 6, a web server's usual setting.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped bytes (zlib level 6) of a file of the build. */
export function gzipped(outDir: string, path: string): number {
  return gzipSync(readFileSync(join(outDir, path)), { level: 6 }).length;
}

/** Site paths a text refers to: `<link>` stylesheets, `<script src>`, static JS imports. */
export function staticRefs(text: string): string[] {
  const refs = [
    ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g),
    ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w{},*\s]+from\s*)?["'`]([^"'`]+)["'`]/g),
  ];
  return refs.map((m) => m[1] ?? "");
}

/** Dynamic `import()`s of a script and the `/_astro/` files (CSS, JSON) its code names. */
export function lazyRefs(text: string): string[] {
  return [
    ...[...text.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? ""),
    ...[...text.matchAll(/["'`](\/_astro\/[^"'`]+\.(?:css|json))["'`]/g)].map((m) => m[1] ?? ""),
  ];
}

/** Every file reached from `start` through `follow`, as site paths. */
export function closure(
  outDir: string,
  start: string[],
  from: string,
  follow: (text: string) => string[],
): Set<string> {
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

/** The files a page (`/`, `/isos/x86_64/9.8/`) loads before any interaction, its HTML aside. */
export function firstLoadFiles(outDir: string, page: string): Set<string> {
  const html = readFileSync(join(outDir, page, "index.html"), "utf8");
  return closure(outDir, staticRefs(html), page, staticRefs);
}

/** The first load of the page at `page`: its HTML's gzipped bytes, the files it loads, and the total. */
export function firstLoad(outDir: string, page: string): { html: number; files: Set<string>; total: number } {
  const files = firstLoadFiles(outDir, page);
  const html = gzipped(outDir, join(page, "index.html"));
  return { html, files, total: html + [...files].reduce((n, f) => n + gzipped(outDir, f), 0) };
}

/** Gzipped bytes of a page's first load: its HTML and `firstLoadFiles`. */
export function firstLoadBytes(outDir: string, page: string): number {
  return firstLoad(outDir, page).total;
}
