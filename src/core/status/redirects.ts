/**
 * Which redirects the checker follows. A mirror is judged on its own host: it may redirect
 * within itself (another path, http up to https), but a redirect to another host, to another
 * port, or from https down to http is where the check ends (the mirror is `broken`), before
 * any lookup or connection for the target. Pure: it reads two URLs, the one asked for and the
 * `Location` it answered, and quotes nothing of the latter but a checked host name.
 */
import type { RedirectAway } from "./request-outcome.ts";

/** What a redirect leads to: the next URL to ask for, a place the mirror may not send us, or nothing usable. */
export type RedirectStep =
  | { kind: "follow"; url: string }
  | { kind: "away"; away: RedirectAway }
  /** Not an http(s) URL (`javascript:`, `file:`, garbage): the 3xx answer stands as the answer. */
  | { kind: "unusable" };

const DEFAULT_PORTS = new Map([
  ["http:", "80"],
  ["https:", "443"],
]);

/**
 * The step for a redirect from `from` (an http(s) URL the checker asked for) to `location`
 * (the raw header, resolved against `from`). Same host name only; the port may change only
 * with an upgrade from http to https on the https default port (`http://a:80/` → `https://a/`).
 */
export function redirectStep(from: string, location: string): RedirectStep {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return { kind: "unusable" };
  }
  if (!DEFAULT_PORTS.has(to.protocol)) return { kind: "unusable" };
  const origin = new URL(from);
  if (to.hostname !== origin.hostname) return { kind: "away", away: { to: "host", host: plainHost(to.hostname) } };
  if (origin.protocol === "https:" && to.protocol === "http:") return { kind: "away", away: { to: "http" } };
  const samePort =
    to.protocol === origin.protocol ? portOf(to) === portOf(origin) : portOf(to) === DEFAULT_PORTS.get("https:");
  if (!samePort) return { kind: "away", away: { to: "port", host: to.host } };
  return { kind: "follow", url: to.href };
}

function portOf(url: URL): string | undefined {
  return url.port || DEFAULT_PORTS.get(url.protocol);
}

/**
 * A host name as a reason may quote it: letters, digits, hyphens and dots in DNS labels, an
 * IPv4 address, or a bracketed IPv6 address; null for anything else. The URL parser already
 * lowercased it and turned Unicode into punycode, but it lets through `'"{};=&!$()*+,` too.
 */
export function plainHost(hostname: string): string | null {
  if (/^\[[0-9a-f:.]+\]$/.test(hostname)) return hostname;
  if (hostname.length > 253) return null;
  const label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  return new RegExp(`^(?:${label}\\.)*${label}\\.?$`).test(hostname) ? hostname : null;
}
