/**
 * Rule: every URL parses, uses a scheme that fits where it is, and never a non-web scheme
 * (`javascript:`, `data:`, `file:` …). A web URL under the wrong key is a warning and is used
 * under the scheme it really has.
 */
import type { CheckOptions } from "../check-options.ts";
import { decodedUrlText } from "../email-shape.ts";
import { PROTOCOLS, type Protocol, type ProtocolUrls } from "../types.ts";
import type { ValuePath } from "../yaml-source.ts";
import { checkUrlHost } from "./ip-literal-hosts.ts";
import { checkPublishedUrl } from "./published-text.ts";
import { type FileReporter, isRecord, valueAt } from "./reporter.ts";

/** `host::module/path`, rsync's daemon syntax without a scheme. */
const RSYNC_DAEMON = /^([A-Za-z0-9.-]+)::([^\s]*)$/;
/** `rsync://host::module`, a mix of both syntaxes that rsync itself does not read. */
const RSYNC_MIXED = /^rsync:\/\/([A-Za-z0-9.-]+)::([^\s]*)$/i;
/** A bare host name such as `example.org`, written where a URL was expected. */
const BARE_HOST = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(\/\S*)?$/;

/** Reads the base URLs of one tree (`address` or `address_optional.kitten`), normalised. */
export function normaliseAddresses(r: FileReporter, path: ValuePath, options: CheckOptions): ProtocolUrls | null {
  const raw = valueAt(r.source.value, path);
  if (!isRecord(raw)) return null;
  const urls: ProtocolUrls = {};
  // Keys that hold a URL of their own scheme win over a URL moved from a wrong key.
  const moved: [Protocol, string][] = [];
  for (const key of PROTOCOLS) {
    const value = raw[key];
    if (typeof value !== "string" || value === "") continue;
    const parsed = parseMirrorUrl(r, [...path, key], value, key);
    if (parsed === null || checkPublishedUrl(r, [...path, key], value, parsed.url)) continue;
    checkUrlHost(r, [...path, key], parsed.url, options);
    if (parsed.scheme === key) urls[key] = parsed.url;
    else moved.push([parsed.scheme, parsed.url]);
  }
  for (const [scheme, url] of moved) urls[scheme] ??= url;
  return urls;
}

/** `sponsor_url` must be a web page: http or https only. */
export function checkSponsorUrl(r: FileReporter, options: CheckOptions): string | null {
  const value = r.source.value.sponsor_url;
  if (typeof value !== "string" || value === "") return null;
  if (BARE_HOST.test(value.trim())) {
    r.report("warning", "url-without-scheme", ["sponsor_url"], { path: "sponsor_url", value: value.trim() });
    const href = safeParse(`https://${value.trim()}`)?.href ?? null;
    if (href === null || checkPublishedUrl(r, ["sponsor_url"], value, href)) return null;
    checkUrlHost(r, ["sponsor_url"], href, options);
    return href;
  }
  const url = safeParse(value);
  if (url === null || !/^https?:$/.test(url.protocol) || url.hostname === "") {
    r.report("error", url === null ? "bad-url" : "unsafe-url-scheme", ["sponsor_url"], {
      variant: "web",
      path: "sponsor_url",
    });
    return null;
  }
  if (url.username !== "" || url.password !== "") {
    r.report("error", "url-credentials", ["sponsor_url"], { path: "sponsor_url" });
    return null;
  }
  if (checkPublishedUrl(r, ["sponsor_url"], value, url.href)) return null;
  checkUrlHost(r, ["sponsor_url"], url.href, options);
  return url.href;
}

function parseMirrorUrl(
  r: FileReporter,
  path: ValuePath,
  value: string,
  key: Protocol,
): { scheme: Protocol; url: string } | null {
  const where = path.join(".");
  const mixed = key === "rsync" ? RSYNC_MIXED.exec(value) : null;
  if (mixed) {
    const fixed = `rsync://${mixed[1]}/${mixed[2] ?? ""}`;
    r.report("warning", "rsync-syntax", path, {
      path: where,
      url: withSlash(fixed),
      host: mixed[1] ?? "",
      module: mixed[2] ?? "",
    });
    return { scheme: "rsync", url: withSlash(fixed) };
  }
  const daemon = RSYNC_DAEMON.exec(value);
  if (daemon) {
    if (key !== "rsync") {
      r.report("error", "scheme-mismatch", path, { variant: "daemon", path: where, key });
      return null;
    }
    return { scheme: "rsync", url: withSlash(`rsync://${daemon[1]}/${daemon[2] ?? ""}`) };
  }
  const url = safeParse(value);
  const scheme = url?.protocol.slice(0, -1) ?? "";
  if (url !== null && !isProtocol(scheme)) {
    r.report("error", "unsafe-url-scheme", path, { variant: "mirror", path: where, scheme });
    return null;
  }
  if (url === null || url.hostname === "" || !isProtocol(scheme)) {
    r.report("error", "bad-url", path, {
      variant: "mirror",
      path: where,
      example: `${key}://mirror.example.org/almalinux/`,
    });
    return null;
  }
  // A password never belongs in a public file, nor a user name in a web or ftp URL.
  if (url.password !== "" || (url.username !== "" && scheme !== "rsync")) {
    r.report("error", "url-credentials", path, { path: where });
    return null;
  }
  if (url.username !== "") {
    // rsync's `user@` is an anonymous module's login, which needs none; published, it can spell
    // an address (`rsync://alice@example.org/`), so it is dropped (and refused when it does).
    r.report("warning", "rsync-user", path, { path: where, user: decodedUrlText(url.username) });
    url.username = "";
  }
  if (scheme !== key) {
    const webPair = (scheme === "http" || scheme === "https") === (key === "http" || key === "https");
    if (!webPair && (key === "rsync" || scheme === "rsync")) {
      r.report("error", "scheme-mismatch", path, { variant: "rsync", path: where, scheme, key });
      return null;
    }
    r.report("warning", "scheme-mismatch", path, { variant: "web", path: where, scheme, key });
  }
  if (url.hash !== "") {
    // Paths are appended to a base URL; a fragment would swallow them.
    r.report("warning", "url-fragment", path, { path: where, fragment: url.hash });
    url.hash = "";
  }
  return { scheme, url: withSlash(url.href) };
}

function safeParse(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

/** Base URLs end with `/` so that paths can be appended. */
function withSlash(url: string): string {
  return url.endsWith("/") || url.includes("?") ? url : `${url}/`;
}
