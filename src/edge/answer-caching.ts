/**
 * Who may keep each kind of answer the edge worker gives, and for how long: its `Cache-Control`
 * and, where the answer turns on the client, `Vary`. The rule: an answer that depends on the
 * client is never stored by a shared cache; only an answer that is the same for everyone may be.
 */
import type { Refusal, ResolvedRequest } from "../core/mirrorlist/resolve-request.ts";

/** The caching headers of one answer. */
export type CachingHeaders = Readonly<Record<string, string>>;

/**
 * Chosen by the client's network, place and the day (the selection in `select-mirrors.ts`): a
 * list of mirrors, and equally the 404 "No mirror matches this request." (a monopoly network or
 * a country filter can leave one client with no mirror and the next with many). `private` keeps
 * it out of every shared cache; `Vary: *` says that what chose it (the client's address, which no
 * request header of the client's carries) is outside the request, so that even a cache that
 * ignores `private` never hands it to another request (RFC 9110, section 12.5.5). `max-age` is
 * the life of the list for the client that keeps it: dnf's own metadata expiry, an hour.
 */
const CLIENT_LIST: CachingHeaders = { "Cache-Control": "private, max-age=3600", Vary: "*" };
const CLIENT_NO_MIRROR: CachingHeaders = { "Cache-Control": "private, max-age=300", Vary: "*" };

/** The vault's single line for an old version: the same for every client. */
const SHARED_VAULT: CachingHeaders = { "Cache-Control": "public, max-age=3600" };

/**
 * An unknown version, repo or arch: decided by the path and the index alone, the same for
 * everyone, so shared caches may keep it; for five minutes, as a deploy can add the version.
 */
const SHARED_UNKNOWN: CachingHeaders = { "Cache-Control": "public, max-age=300" };

/**
 * Nothing worth keeping: a malformed request (400, for the caller to fix, not to repeat), a
 * method we do not answer (405, which caches may otherwise keep by default), an index that could
 * not be read (503, gone on the next try).
 */
export const NOT_STORED: CachingHeaders = { "Cache-Control": "no-store" };

/**
 * The caching headers of the answer to `resolved` (what `resolveRequest` made of the request)
 * whose status was `status`.
 */
export function answerCaching(resolved: ResolvedRequest | Refusal, status: number): CachingHeaders {
  if ("status" in resolved) return resolved.status === 404 ? SHARED_UNKNOWN : NOT_STORED;
  if (resolved.vault) return SHARED_VAULT;
  return status === 200 ? CLIENT_LIST : CLIENT_NO_MIRROR;
}

/**
 * An image answer (`/download/…`, `/nearest/…`): a redirect, a Metalink or JSON chosen for this
 * client like a list; a refusal the path alone decides (an unknown version, folder or file name)
 * may be shared; a malformed request is not kept.
 */
export function imageAnswerCaching(status: number, shared: boolean): CachingHeaders {
  if (status === 400) return NOT_STORED;
  if (shared) return SHARED_UNKNOWN;
  return status === 404 ? CLIENT_NO_MIRROR : CLIENT_IMAGE;
}

/** A redirect or mirror choice for one client: kept by it alone, for five minutes. */
const CLIENT_IMAGE: CachingHeaders = { "Cache-Control": "private, max-age=300", Vary: "*" };

/** What the edge sees of the caller (`/debug/json/…`): for the caller alone, and never kept. */
export const CLIENT_DEBUG: CachingHeaders = { "Cache-Control": "private, no-store", Vary: "*" };
