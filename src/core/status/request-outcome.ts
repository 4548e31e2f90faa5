/**
 * What one HTTP request to a mirror came to, as plain data: the checker (in `scripts/check/`)
 * does the I/O and records outcomes; the core turns them into states and reasons.
 */

/** Why a request got no usable answer. */
export type NetworkFailure =
  /** The host name has no address (`ENOTFOUND`, `ENODATA`, a DNS timeout …). */
  | { type: "dns"; code: string }
  | { type: "refused" }
  /** The peer closed or reset the connection before a full answer. */
  | { type: "reset"; code: string }
  | { type: "tls"; code: string }
  | { type: "timeout"; seconds: number }
  | { type: "redirects"; limit: number }
  | { type: "body-too-large"; limitBytes: number }
  | { type: "unreachable-network"; code: string }
  | { type: "other"; code: string };

/** One request's outcome: an HTTP answer (any status) or a failure. `ms` is its duration. */
export type RequestOutcome =
  | { kind: "response"; url: string; status: number; body: string | null; ms: number }
  | { kind: "failure"; url: string; failure: NetworkFailure; ms: number };

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

/** Reads a Node error code (`ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`, …) as a failure. */
export function failureFromErrorCode(code: string): NetworkFailure {
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

/** A short human phrase for a failure: "connection refused", "timed out after 15 s", … */
export function describeFailure(failure: NetworkFailure): string {
  switch (failure.type) {
    case "dns":
      return `DNS lookup failed (${failure.code})`;
    case "refused":
      return "connection refused";
    case "reset":
      return `connection closed before a full answer (${failure.code})`;
    case "tls":
      return `TLS handshake failed (${failure.code})`;
    case "timeout":
      return `timed out after ${formatSeconds(failure.seconds)}`;
    case "redirects":
      return `more than ${failure.limit} redirects`;
    case "body-too-large":
      return `answer larger than ${formatBytes(failure.limitBytes)}`;
    case "unreachable-network":
      return `network unreachable (${failure.code})`;
    case "other":
      return `request failed (${failure.code})`;
  }
}

/** Whether a failure says nothing about the mirror's files, only that it cannot be reached. */
export function isReachFailure(failure: NetworkFailure): boolean {
  return !(failure.type === "redirects" || failure.type === "body-too-large");
}

function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
