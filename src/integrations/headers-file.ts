/**
 * The `_headers` file (read by Cloudflare Pages, Workers static assets and Netlify): the security
 * headers and caching rules of the whole site, its Content-Security-Policy allowing inline
 * scripts by their hashes only. Pure: same options, same bytes.
 */
import { pageContentSecurityPolicy, SECURITY_HEADERS } from "../core/http-headers.ts";

export interface HeaderOptions {
  /** `'sha256-…'` sources of the inline scripts the pages carry. */
  scriptHashes: readonly string[];
  /** Origin of an optional raster tile server (`PUBLIC_MAP_TILES`), allowed as an image source. */
  tileOrigin: string | null;
}

/** The `_headers` file for the site. */
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

/mirrorlist/v1-images.json
  ! Content-Type
  Content-Type: application/json

/isolist/*
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: text/plain; charset=utf-8

/status/*
  ! Cache-Control
  Cache-Control: public, max-age=300

/status/feed.xml
  Content-Type: application/atom+xml; charset=utf-8

/status/v1.schema.json
  Content-Type: application/schema+json

/mirrors/:name/feed.xml
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: application/atom+xml; charset=utf-8

/exports/mirrors.csv
  Content-Type: text/csv; charset=utf-8; header=present

/exports/mirrors.schema.json
  Content-Type: application/schema+json
`;
}
