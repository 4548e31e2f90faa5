/**
 * What one HTTP request to a mirror came to, as plain data: the checker (in `scripts/check/`)
 * does the I/O and records outcomes; the core turns them into states and reasons.
 */
import { LIST_SEPARATOR } from "../diagnostic-text.ts";

/** Why a request got no usable answer. */
export type NetworkFailure =
  /** The host name has no address (`ENOTFOUND`, `ENODATA`, a DNS timeout …). */
  | { type: "dns"; code: string }
  /** The lookup outlasted the request's deadline (a name server that never answers). */
  | { type: "dns-timeout"; seconds: number }
  /**
   * The host resolves only to addresses the checker does not connect to (loopback, private,
   * link-local …); no connection was made.
   */
  | { type: "address-refused"; host: string; refused: RefusedAddress[] }
  /** A redirect away from the mirror's own URL: to another host or port, or from https to http. */
  | { type: "redirect-away"; away: RedirectAway }
  | { type: "refused" }
  /** The peer closed or reset the connection before a full answer. */
  | { type: "reset"; code: string }
  | { type: "tls"; code: string }
  | { type: "timeout"; seconds: number }
  | { type: "redirects"; limit: number }
  | { type: "body-too-large"; limitBytes: number }
  /** An answer whose status is no HTTP status (`HTTP/1.1 999`, `HTTP/1.1 042`): broken, not a number we publish. */
  | { type: "bad-status" }
  | { type: "unreachable-network"; code: string }
  | { type: "other"; code: string };

/** An address the checker would not connect to, with the short name of its range ("private"). */
export interface RefusedAddress {
  address: string;
  range: string;
}

/**
 * Where a redirect led that a mirror may not send the checker: another host (named when its
 * name is a plain host name or address, else null), another port, or from https down to http.
 */
export type RedirectAway = { to: "host"; host: string | null } | { to: "port"; host: string } | { to: "http" };

/**
 * One request's outcome: an HTTP answer (any status) or a failure. `ms` is its duration. `url`
 * is the URL asked for, never one a redirect named, so that reasons quote only our own URLs.
 */
export type RequestOutcome =
  /** `body` is the text read (null when not read); `bytes` the same bytes as sent, for hashing. */
  | { kind: "response"; url: string; status: number; body: string | null; bytes?: Uint8Array; ms: number }
  | { kind: "failure"; url: string; failure: NetworkFailure; ms: number };

/** The HTTP statuses there are (RFC 9110: three digits, 1xx to 5xx); the status file's schema allows only these. */
export const HTTP_STATUS_RANGE = { minimum: 100, maximum: 599 } as const;

/**
 * An HTTP answer as an outcome: a response when its status is one HTTP has, else the failure
 * "answered with an invalid status line", so that no status outside the schema is ever written.
 */
export function answerOutcome(url: string, status: number, body: Uint8Array | null, ms: number): RequestOutcome {
  if (!Number.isInteger(status) || status < HTTP_STATUS_RANGE.minimum || status > HTTP_STATUS_RANGE.maximum) {
    return { kind: "failure", url, failure: { type: "bad-status" }, ms };
  }
  return {
    kind: "response",
    url,
    status,
    // As Node's `Buffer.toString("utf8")` reads it: bad sequences replaced, a BOM kept.
    body: body === null ? null : new TextDecoder("utf-8", { ignoreBOM: true }).decode(body),
    ...(body === null ? {} : { bytes: body }),
    ms,
  };
}

/** DNS error codes of `node:dns` (c-ares) and `getaddrinfo`. */
const DNS_CODES = new Set([
  "ENOTFOUND",
  "ENODATA",
  "ESERVFAIL",
  "EREFUSED",
  "ETIMEOUT",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EAI_NODATA",
  "ENONAME",
  "EBADNAME",
]);

/**
 * Reads a Node error code (`ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`, …) as a failure.
 * Codes are Node's own constants; anything else is read as `EUNKNOWN`, so that reasons, which
 * quote the code, can never carry other text.
 */
export function failureFromErrorCode(raw: string): NetworkFailure {
  const code = /^[A-Z][A-Z0-9_]{0,63}$/.test(raw) ? raw : "EUNKNOWN";
  if (DNS_CODES.has(code)) return { type: "dns", code };
  if (code === "ECONNREFUSED") return { type: "refused" };
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ERR_SOCKET_HANG_UP" || code === "HPE_INVALID_EOF_STATE") {
    return { type: "reset", code };
  }
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH" || code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT") {
    return { type: "unreachable-network", code };
  }
  if (/^ERR_TLS_|^ERR_SSL_|CERT|^EPROTO$|SELF_SIGNED|^UNABLE_TO_/.test(code)) return { type: "tls", code };
  return { type: "other", code };
}

/**
 * A failure as a reason's params: `failure` picks its phrase (`reason.part.failure.<failure>`
 * in `reason-catalogue.ts`), the others fill it in. Prefixed, so as not to clash with the
 * params of the reason around it.
 */
export function failureParams(failure: NetworkFailure): Record<string, string | number> {
  switch (failure.type) {
    case "dns":
    case "reset":
    case "tls":
    case "unreachable-network":
    case "other":
      return { failure: failure.type, failureCode: failure.code };
    case "dns-timeout":
    case "timeout":
      return { failure: failure.type, failureSeconds: failure.seconds };
    case "address-refused": {
      // A URL whose host is itself a refused address: its range says it all.
      const [only] = failure.refused;
      if (failure.refused.length === 1 && only !== undefined && failure.host.replace(/^\[|\]$/g, "") === only.address) {
        return { failure: "address-literal", failureHost: failure.host, failureRange: only.range };
      }
      return {
        failure: failure.type,
        failureHost: failure.host,
        // Each with the short name of its range, so that an owner sees why ("10.0.0.5 (private)").
        addresses: failure.refused
          .slice(0, NAMED_ADDRESSES)
          .map((r) => `${r.address} (${r.range})`)
          .join(LIST_SEPARATOR),
      };
    }
    case "redirect-away":
      if (failure.away.to === "http") return { failure: "redirect-http" };
      if (failure.away.host === null) return { failure: "redirect-elsewhere" };
      return { failure: `redirect-${failure.away.to}`, failureHost: failure.away.host };
    case "refused":
    case "bad-status":
      return { failure: failure.type };
    case "redirects":
      return { failure: failure.type, failureLimit: failure.limit };
    case "body-too-large":
      return { failure: failure.type, failureSize: formatBytes(failure.limitBytes) };
  }
}

/** Whether a failure says nothing about the mirror's files, only that it cannot be reached. */
export function isReachFailure(failure: NetworkFailure): boolean {
  return !(
    failure.type === "redirects" ||
    failure.type === "body-too-large" ||
    failure.type === "redirect-away" ||
    failure.type === "bad-status"
  );
}

/** Most addresses a reason names; a hostile name server may answer hundreds. */
const NAMED_ADDRESSES = 3;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
