/**
 * The site's `_headers` read by the real reader: the browser suite's "history" fixture site (the
 * checker's registry with a status report, built once for both suites by `fixture-sites.ts`)
 * served by `wrangler dev` from the deploy config, where Workers static assets apply `_headers`
 * with Cloudflare's own parser (the one a deploy uploads with). Asserted on real responses: a
 * page, a JSON file, a long-cached asset and a 404, each with the Content-Security-Policy and the
 * security headers a browser gets.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/core/http-headers.ts";
import { buildFixtureSite } from "../e2e/fixture-sites.ts";
import { BUILD_TIMEOUT_MS } from "./site-build.ts";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.ts";

const work = mkdtempSync(join(tmpdir(), "headers-served-"));
let edge: WranglerDev | null = null;

beforeAll(async () => {
  const dist = buildFixtureSite("history");
  mkdirSync(join(work, "edge"));
  edge = await startWranglerDev(join(work, "edge"), dist, process.env, "/");
}, BUILD_TIMEOUT_MS + 120_000);

afterAll(async () => {
  await edge?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A GET of `path` from wrangler dev, redirects not followed. */
async function get(path: string) {
  const response = await fetch(`${edge?.url}${path}`, { redirect: "manual" });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The CSP's directives by name: `script-src` → its sources. */
function directives(csp: string | null): Map<string, string[]> {
  const parts = (csp ?? "").split(";").map((d) => d.trim().split(/\s+/));
  return new Map(parts.filter((p) => p[0]).map(([name = "", ...sources]) => [name, sources]));
}

/** The texts of a page's inline scripts, as the HTML parser of a browser reads them. */
function inlineScriptTexts(html: string): string[] {
  const texts: string[] = [];
  const visit = (node: DefaultTreeAdapterMap["node"]) => {
    if ("tagName" in node && node.tagName === "script" && !node.attrs.some((a) => a.name === "src")) {
      texts.push(node.childNodes.map((c) => ("value" in c && c.nodeName === "#text" ? c.value : "")).join(""));
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return texts.filter((t) => t.trim() !== "");
}

/** Every header of `SECURITY_HEADERS`, with its exact value. */
function expectSecurityHeaders(headers: Headers, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(headers.get(name), `${what}: ${name}`).toBe(value);
}

describe("the built site's _headers, as Workers static assets apply them", () => {
  it("gives a page a CSP that allows its own inline scripts by hash and nothing inline besides", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = directives(page.headers.get("content-security-policy"));
    const scriptSrc = csp.get("script-src") ?? [];
    expect(scriptSrc[0]).toBe("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    const scripts = inlineScriptTexts(page.body);
    // The home page carries the table's inline script; a page with none would prove nothing here.
    expect(scripts.length).toBeGreaterThan(0);
    for (const text of scripts) {
      const hash = `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
      expect(scriptSrc, text.slice(0, 80)).toContain(hash);
    }
    expectSecurityHeaders(page.headers, "/");
    expect(page.headers.get("cache-control")).toBe("public, max-age=600, must-revalidate");
  });

  it("serves the mirrorlist index as JSON, briefly cached, with the same security headers", async () => {
    const index = await get("/mirrorlist/v1.json");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("application/json");
    expect(index.headers.get("cache-control")).toBe("public, max-age=300");
    expect(JSON.parse(index.body)).toMatchObject({ format: 1 });
    expect(index.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expectSecurityHeaders(index.headers, "/mirrorlist/v1.json");
  });

  it("replaces the site's Cache-Control on a hashed asset instead of adding to it", async () => {
    const page = await get("/");
    const asset = /(?:href|src)="(\/_astro\/[^"]+)"/.exec(page.body)?.[1];
    expect(asset, "the home page links no /_astro/ asset").toBeDefined();
    const served = await get(asset ?? "/_astro/");
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expectSecurityHeaders(served.headers, asset ?? "");
  });

  it("answers an unknown path with the site's 404 page, under the same policy", async () => {
    const missing = await get("/no-such-page/");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    expect(missing.body).toContain("<html");
    expect(directives(missing.headers.get("content-security-policy")).get("script-src")).not.toContain(
      "'unsafe-inline'",
    );
    expectSecurityHeaders(missing.headers, "/no-such-page/");
  });
});
