import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headersFile, inlineScriptHashes } from "../../src/integrations/security-headers.ts";

describe("the _headers file", () => {
  it("allows inline scripts by hash only, never 'unsafe-inline'", () => {
    const text = headersFile({ scriptHashes: ["'sha256-b'", "'sha256-a'"], tileOrigin: null });
    const csp = /Content-Security-Policy: (.*)/.exec(text)?.[1] ?? "";
    expect(csp).toContain("script-src 'self' 'sha256-a' 'sha256-b';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    for (const header of ["X-Content-Type-Options: nosniff", "Referrer-Policy:", "Permissions-Policy:"]) {
      expect(text).toContain(header);
    }
    expect(text).toMatch(/\/_astro\/\*\n {2}! Cache-Control\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });

  it("allows the configured tile server as an image source", () => {
    expect(headersFile({ scriptHashes: [], tileOrigin: "https://tile.example.org" })).toContain(
      "img-src 'self' data: https://tile.example.org;",
    );
  });

  it("hashes every distinct inline script of the built pages", () => {
    const root = mkdtempSync(join(tmpdir(), "headers-"));
    mkdirSync(join(root, "a"));
    writeFileSync(join(root, "index.html"), '<script type="module">alert(1)</script><script src="/x.js"></script>');
    writeFileSync(join(root, "a", "index.html"), "<script>alert(1)</script><script>\n</script>");
    // sha256("alert(1)") in base64
    expect(inlineScriptHashes(root)).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
  });
});
