/**
 * The join page's figures, in a real Chromium over a fresh build:
 * - its JavaScript, gzipped: every script the page loads, following static imports (target: ≤ 80 KB);
 * - keystroke → updated diagnostics in the form, for a typical file (mirror.ox.ac.uk, prefilled):
 *   from `keydown` to the checks list re-rendered, and to the next frame (target: p95 < 16 ms, one frame);
 * - the same in the paste box, with that registry file pasted.
 * `BENCH_DIST=folder` measures an existing build instead of building one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../chromium.ts";
import { median, percentile, report, type Target } from "./_report.ts";

const ROOT = join(import.meta.dirname, "../..");
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const astro = join(ROOT, "node_modules/astro/bin/astro.mjs");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

function build(outDir: string): void {
  const run = spawnSync(process.execPath, [astro, "build", "--outDir", outDir], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) throw new Error("astro build failed");
}

/** A static server of `dir` on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Every script the page at `htmlPath` loads, following static imports, as site paths. */
function pageScripts(outDir: string, htmlPath: string): Set<string> {
  const html = readFileSync(join(outDir, htmlPath), "utf8");
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? "");
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift() ?? "";
    if (seen.has(path)) continue;
    seen.add(path);
    const text = readFileSync(join(outDir, path), "utf8");
    for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w{},*$\s]+from\s*)?["'`]([^"'`]+)["'`]/g)) {
      queue.push(new URL(m[1] ?? "", `http://site${path}`).pathname);
    }
  }
  return seen;
}

/**
 * Types `KEYSTROKES` keys into `selector` (a character, then Backspace, in turn) and returns,
 * for each, the milliseconds from `keydown` to the first change of `watched` and to the next frame.
 */
async function keystrokeTimes(
  page: Page,
  selector: string,
  watched: string,
): Promise<{ dom: number[]; frame: number[] }> {
  await page.evaluate(
    ({ selector, watched }) => {
      const w = window as unknown as { keyTimes: { dom: number[]; frame: number[] } };
      w.keyTimes = { dom: [], frame: [] };
      let start = 0;
      const field = document.querySelector(selector);
      field?.addEventListener("keydown", () => {
        start = performance.now();
      });
      const target = document.querySelector(watched);
      if (!target) throw new Error(`no ${watched}`);
      new MutationObserver(() => {
        if (start === 0) return;
        const began = start;
        start = 0;
        w.keyTimes.dom.push(performance.now() - began);
        requestAnimationFrame(() => setTimeout(() => w.keyTimes.frame.push(performance.now() - began), 0));
      }).observe(target, { childList: true, subtree: true, characterData: true });
    },
    { selector, watched },
  );
  await page.focus(selector);
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 2 === 0 ? "x" : "Backspace");
    await page.waitForTimeout(5);
  }
  await page.waitForTimeout(100);
  return page.evaluate(() => (window as unknown as { keyTimes: { dom: number[]; frame: number[] } }).keyTimes);
}

const given = process.env.BENCH_DIST;
const outDir = given ?? mkdtempSync(join(tmpdir(), "mirrorsite-join-bench-"));
if (!given) build(outDir);
const { server, base } = await serve(outDir);
const executablePath = chromiumPath();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
try {
  const scripts = pageScripts(outDir, "join/index.html");
  const jsBytes = [...scripts].reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f)), { level: 6 }).length, 0);
  const htmlBytes = gzipSync(readFileSync(join(outDir, "join/index.html")), { level: 6 }).length;

  const page = await browser.newPage();
  // The prefilled edit link of a typical registry mirror, as its page links to it.
  await page.goto(`${base}/mirrors/mirror.ox.ac.uk/`);
  const edit = await page.locator('a[href*="/join/?"]').getAttribute("href");
  await page.goto(new URL(edit ?? "/join/", base).href);
  await page.locator(".copy-yaml").waitFor();
  const form = await keystrokeTimes(page, "#join-sponsor", "pre.yaml code");
  await page.fill("#join-paste-text", readFileSync(join(ROOT, "mirrors.d/mirror.ox.ac.uk.yml"), "utf8"));
  await page.locator("#join-paste-text").press("End");
  const paste = await keystrokeTimes(page, "#join-paste-text", ".paste-list");

  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const ms = (values: number[]) => `${median(values).toFixed(1)} ms / ${percentile(values, 95).toFixed(1)} ms`;
  const ONE_FRAME: Target = { comparison: "<", value: 16, unit: "ms", of: "p95" };
  report([
    {
      metric: "join page JavaScript, gzipped",
      figure: kb(jsBytes),
      value: jsBytes / 1000,
      target: { comparison: "≤", value: 80, unit: "KB" },
      note: "every script `/join/` loads, following static imports: the validator core with its precompiled validators and the English diagnostic catalogue, no ajv compiler; a translated page's wording travels in its HTML",
    },
    {
      metric: "join page HTML, gzipped",
      figure: kb(htmlBytes),
      note: "guide, form with the localized country names, paste box",
    },
    {
      metric: "form: keydown → YAML and checks updated, median / p95",
      figure: ms(form.dom),
      value: percentile(form.dom, 95),
      target: ONE_FRAME,
      note: `${form.dom.length} keys`,
    },
    {
      metric: "form: keydown → next frame (rAF, then a task), median / p95",
      figure: ms(form.frame),
      note: "bounded by the 60 Hz frame clock",
    },
    {
      metric: "paste box: keydown → diagnostics updated, median / p95",
      figure: ms(paste.dom),
      value: percentile(paste.dom, 95),
      target: ONE_FRAME,
      note: `${paste.dom.length} keys`,
    },
  ]);
  console.log("scripts:", [...scripts].join(" "));
} finally {
  await browser.close();
  server.close();
  if (!given) rmSync(outDir, { recursive: true, force: true });
}
