/**
 * Astro integration: after the build, writes `_headers` (the file Cloudflare Pages, Workers static
 * assets and Netlify read) with the security headers and caching rules of the whole site. Its
 * Content-Security-Policy allows no inline script except those the build emitted, each by its
 * SHA-256 hash, found by reading every built page; so no `'unsafe-inline'` for scripts.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { pageContentSecurityPolicy, SECURITY_HEADERS } from "../core/http-headers.ts";

/** Inline `<script>` elements (no `src`): their exact text is what the browser hashes. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

export interface HeaderOptions {
  /** `'sha256-…'` sources of the inline scripts the pages carry. */
  scriptHashes: readonly string[];
  /** Origin of an optional raster tile server (`PUBLIC_MAP_TILES`), allowed as an image source. */
  tileOrigin: string | null;
}

/** The `_headers` file for the site. Pure: same options, same bytes. */
export function headersFile({ scriptHashes, tileOrigin }: HeaderOptions): string {
  const csp = pageContentSecurityPolicy(scriptHashes, tileOrigin);
  const security = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join("\n");
  return `/*
  Content-Security-Policy: ${csp}
${security}
  Cache-Control: public, max-age=600, must-revalidate

/_astro/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable

/mirrorlist/*
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: text/plain; charset=utf-8

/mirrorlist/v1.json
  ! Content-Type
  Content-Type: application/json

/mirrorlist/v1.schema.json
  ! Content-Type
  Content-Type: application/schema+json

/isolist/*
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: text/plain; charset=utf-8
`;
}

/** `'sha256-…'` of every distinct inline script in the HTML pages under `root`. */
export function inlineScriptHashes(root: string): string[] {
  const hashes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        for (const match of readFileSync(path, "utf8").matchAll(INLINE_SCRIPT)) {
          if ((match[1] ?? "").trim() === "") continue;
          hashes.add(
            `'sha256-${createHash("sha256")
              .update(match[1] ?? "")
              .digest("base64")}'`,
          );
        }
      }
    }
  };
  walk(root);
  return [...hashes];
}

export default function securityHeaders(): AstroIntegration {
  return {
    name: "security-headers",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const scriptHashes = inlineScriptHashes(root);
        const tiles = process.env.PUBLIC_MAP_TILES;
        const tileOrigin = tiles ? new URL(tiles.replaceAll(/[{}]/g, "")).origin : null;
        writeFileSync(join(root, "_headers"), headersFile({ scriptHashes, tileOrigin }));
        logger.info(`_headers: ${scriptHashes.length} inline script hash(es) in the Content-Security-Policy`);
      },
    },
  };
}
