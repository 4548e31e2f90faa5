/**
 * `node tests/e2e/serve-site.ts NAME`: builds the fixture site NAME of `sites.ts` (unless the
 * last build had the same inputs) and serves it on its loopback port until stopped. Playwright
 * runs one of these per fixture site as a `webServer`; it starts them one after the other, so
 * no two `astro build`s of this project run at once (they share Astro's caches).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { BASE_PORT, FIXTURE_SITES, type FixtureSiteName, siteDir } from "./sites.ts";

/** The settings of `docs/WEBSITE.md` a fixture build must not inherit from the caller's shell. */
const SITE_SETTINGS = [
  "LOCALES",
  "MIRRORS_DIR",
  "MIRRORS_CONFIG",
  "MIRRORS_STATUS",
  "MIRRORS_ALLOW_PRIVATE_ADDRESSES",
  "MIRRORS_EDIT_URL",
  "PUBLIC_MAP_TILES",
  "PUBLIC_MAP_ATTRIBUTION",
  "SITE_URL",
  "SOURCE_DATE_EPOCH",
  "STRICT",
];

/** What a build reads besides its registry: the site's code, assets, config and dependencies. */
const CODE_INPUTS = ["src", "public", "astro.config.mjs", "package-lock.json", "tsconfig.json"];

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

/** Every file under `path` (or `path` itself), sorted, so the digest does not depend on the order on disk. */
function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .map((file) => join(path, file))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** A digest of everything the build of `env` reads: when it is the last build's, that build stands. */
function inputsDigest(env: Readonly<Record<string, string>>): string {
  const hash = createHash("sha256").update(JSON.stringify(env));
  const paths = [...CODE_INPUTS, ...Object.values(env).filter((value) => existsSync(value))];
  for (const file of paths.flatMap(filesOf)) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/** Builds the site into its folder, through a scratch folder so a failed build leaves none behind. */
function build(name: FixtureSiteName, outDir: string, digestFile: string): void {
  const { env } = FIXTURE_SITES[name];
  const digest = inputsDigest(env);
  if (existsSync(outDir) && existsSync(digestFile) && readFileSync(digestFile, "utf8") === digest) {
    console.log(`the ${name} site is up to date in ${outDir}`);
    return;
  }
  const scratch = `${outDir}.building`;
  rmSync(scratch, { recursive: true, force: true });
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SITE_SETTINGS.includes(key)));
  const started = Date.now();
  const run = spawnSync("npx", ["astro", "build", "--outDir", scratch], {
    encoding: "utf8",
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: "1", ...env },
  });
  if (run.status !== 0) throw new Error(`astro build of the ${name} site failed:\n${run.stderr}${run.stdout}`);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(scratch, outDir);
  writeFileSync(digestFile, digest);
  console.log(`built the ${name} site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

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
const outDir = resolve(siteDir(site));
mkdirSync(join(outDir, ".."), { recursive: true });
build(site, outDir, `${outDir}.digest`);
const port = BASE_PORT + FIXTURE_SITES[site].portOffset;
if ("worker" in FIXTURE_SITES[site] && FIXTURE_SITES[site].worker) serveWithWorker(outDir, port);
else serve(outDir, port);
