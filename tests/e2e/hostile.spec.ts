/**
 * Hostile data, in a real browser: the site built from `tests/fixtures/hostile/` (every free-text
 * field carries HTML, script and attribute-breaking payloads that call `alert`) runs no injected
 * script on any page, in English and Arabic, and no link carries a non-web scheme. The spec
 * builds that site itself and serves it from its own loopback server.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { expect, type Page, test } from "@playwright/test";

const outDir = mkdtempSync(join(tmpdir(), "hostile-site-"));
let server: Server;
let origin = "";
let pages: string[] = [];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  const build = spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    encoding: "utf8",
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      LOCALES: "en,ar",
      MIRRORS_DIR: "tests/fixtures/hostile/mirrors.d",
      MIRRORS_CONFIG: "tests/fixtures/hostile/config.yml",
    },
    timeout: 200_000,
  });
  expect(build.status, build.stderr).toBe(0);
  pages = (readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${relative(outDir, join(outDir, f)).replace(/index\.html$/, "")}`)
    .sort();
  server = createServer((request, response) => {
    let path = join(outDir, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!path.startsWith(outDir) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
    response.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(outDir, { recursive: true, force: true });
});

/** Opens `path`, failing on any dialog (every payload calls `alert`) or page error. */
async function visit(page: Page, path: string, problems: string[]): Promise<void> {
  await page.goto(`${origin}${path}`);
  const schemes = await page.$$eval("[href], [src], [action]", (elements) =>
    elements.flatMap((e) =>
      ["href", "src", "action"].map((name) => e.getAttribute(name)).filter((v): v is string => v !== null),
    ),
  );
  for (const value of schemes) {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (scheme && !["http", "https", "rsync", "ftp", "data"].includes(scheme)) problems.push(`${path}: ${value}`);
    if (scheme === "data" && !value.startsWith("data:image/")) problems.push(`${path}: ${value}`);
  }
}

test("no injected script runs on any page of the hostile site, and no link has a non-web scheme", async ({ page }) => {
  const problems: string[] = [];
  page.on("dialog", async (dialog) => {
    problems.push(`dialog on ${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  expect(pages.length).toBeGreaterThan(20);
  expect(pages).toContain("/ar/");
  for (const path of pages) await visit(page, path, problems);
  expect(problems).toEqual([]);
});
