/**
 * The security headers every response of the site carries, whether served from `_headers` by a
 * CDN or answered by the edge worker: one list, so the two cannot drift apart.
 */

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  // A year, the subdomains too: once a browser has seen the site over HTTPS it never asks over
  // plain HTTP again (sent over HTTP the header is ignored, so dnf's http:// mirrorlists are unharmed).
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
};

/** The policy of plain-text answers (mirrorlists): nothing to load, nothing to frame. */
export const TEXT_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The policy of the pages: inline scripts only by hash, never `'unsafe-inline'`. */
export function pageContentSecurityPolicy(scriptHashes: readonly string[], tileOrigin: string | null): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes].sort().join(" ")}`.trim(),
    // Leaflet positions its panes and markers with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${tileOrigin ? ` ${tileOrigin}` : ""}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
