/**
 * `node tests/e2e/serve-site.ts NAME`: builds the fixture site NAME of `sites.ts` (unless the
 * last build had the same inputs) and serves it on its loopback port until stopped. Playwright
 * runs one of these per fixture site as a `webServer`.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { buildFixtureSite } from "./fixture-sites.ts";
import { BASE_PORT, FIXTURE_SITES, type FixtureSiteName } from "./sites.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

/**
 * The headers of the built `_headers` file's `/*` rule (Content-Security-Policy and the other
 * security headers), which the CDN sends with every response: the suite runs under them.
 */
function siteWideHeaders(root: string): Record<string, string> {
  const rules = readFileSync(join(root, "_headers"), "utf8").split(/\n(?=\S)/);
  const lines =
    rules
      .find((rule) => rule.startsWith("/*\n"))
      ?.split("\n")
      .slice(1) ?? [];
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(": ");
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 2).trim();
  }
  if (!headers["Content-Security-Policy"]) throw new Error(`${root}/_headers has no site-wide Content-Security-Policy`);
  return headers;
}

/**
 * Serves `root` as a static host does: `index.html` for a folder asked with its trailing slash,
 * the site's `404.html` with status 404 for anything else that is not a file, and the site-wide
 * headers of `_headers` on every answer.
 */
function serve(root: string, port: number): void {
  const notFound = readFileSync(join(root, "404.html"));
  const headers = siteWideHeaders(root);
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    } catch {
      // A malformed escape (`/%E0%A4%A`) is the client's mistake, not a reason to stop serving.
      response.writeHead(400, headers).end();
      return;
    }
    let path = resolve(root, `.${pathname}`);
    // `/404/` is built as `404.html`: a page asked as a folder is its `index.html` or that file.
    if (pathname.endsWith("/")) path = existsSync(join(path, "index.html")) ? join(path, "index.html") : `${path}.html`;
    if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
      response.writeHead(404, { ...headers, "Content-Type": TYPES[".html"] }).end(notFound);
      return;
    }
    response.writeHead(200, { ...headers, "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    response.end(readFileSync(path));
  });
  server.listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

/** Serves `root` as production does, through the edge worker: `npm start -- --no-build` over it. */
function serveWithWorker(root: string, port: number): void {
  const child = spawn("node", ["scripts/start.ts", "--no-build"], {
    stdio: "inherit",
    env: { ...process.env, PORT: String(port), SITE_DIR: root, CI: "1", NO_COLOR: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

const name = process.argv[2];
if (!name || !Object.hasOwn(FIXTURE_SITES, name)) {
  console.error(`usage: node tests/e2e/serve-site.ts ${Object.keys(FIXTURE_SITES).join("|")}`);
  process.exit(2);
}
const site = name as FixtureSiteName;
const outDir = buildFixtureSite(site);
const port = BASE_PORT + FIXTURE_SITES[site].portOffset;
if ("worker" in FIXTURE_SITES[site] && FIXTURE_SITES[site].worker) serveWithWorker(outDir, port);
else serve(outDir, port);
