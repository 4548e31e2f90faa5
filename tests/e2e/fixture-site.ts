/**
 * A site built from a small fixture registry by the spec itself, into a temporary folder, and
 * served from its own loopback server: for what the real registry's build cannot show (hostile
 * text, a status report with history). `astro build` runs once per spec file, in `beforeAll`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, relative, sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BUILD_TIMEOUT_MS, buildSite } from "../unit/site-build.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

export interface FixtureSite {
  /** `http://127.0.0.1:<port>` of the site's server. */
  origin: string;
  /** Every HTML page's path, such as `/ar/mirrors/x/`, sorted. */
  pages: string[];
  close(): Promise<void>;
}

/** Builds the site with `env` (registry, status, `LOCALES`) and serves it on a free loopback port. */
export async function buildFixtureSite(name: string, env: Record<string, string>): Promise<FixtureSite> {
  const outDir = mkdtempSync(join(tmpdir(), `${name}-site-`));
  const build = await oneBuildAtATime(() => buildSite(outDir, env));
  if (build.status !== 0) throw new Error(`astro build of the ${name} site failed:\n${build.stderr}${build.stdout}`);
  const pages = (readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${relative(outDir, join(outDir, f)).replace(/index\.html$/, "")}`)
    .sort();
  const server = createServer((request, response) => {
    let path = join(outDir, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!path.startsWith(outDir + sep) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    response.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Where the lock of `oneBuildAtATime` lives: the project's own cache folder. */
const BUILD_LOCK = join("node_modules", ".cache", "mirrorsite", "fixture-build.lock");

/**
 * Runs `build` while no other worker builds: two `astro build`s of one project share its
 * content-layer cache (`node_modules/.astro`) and `.astro/`, and were seen to break each other.
 * The lock is a folder (its creation is atomic); one older than a build's timeout is stale.
 */
async function oneBuildAtATime<T>(build: () => T): Promise<T> {
  mkdirSync(join(BUILD_LOCK, ".."), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      if (Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > BUILD_TIMEOUT_MS) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
      await sleep(250);
    }
  }
  try {
    return build();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}
