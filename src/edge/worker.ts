/**
 * The Cloudflare Workers entry: answers `/mirrorlist/<version>/<repo>`, `/isolist/<version>/<arch>`
 * and the metalinks (`/metalink/<version>/<repo>?arch=`, MirrorManager's `/metalink?repo=…`) for
 * the client Cloudflare sees, from the exported index
 * (`/mirrorlist/v1.json`, read once per isolate from the static assets), and hands every
 * other path to the static site. Never throws: malformed input is a 400 with its reason.
 */
import { SECURITY_HEADERS, TEXT_CONTENT_SECURITY_POLICY } from "../core/http-headers.ts";
import { answerRequest } from "../core/mirrorlist/answer.ts";
import { type ClientCf, clientFromRequest } from "../core/mirrorlist/client.ts";
import { attachRepomd, EDGE_INDEX_PATH, EDGE_REPOMD_PATH, needsRepomd } from "../core/mirrorlist/edge-index.ts";
import { type PreparedIndex, prepareIndex } from "../core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../core/mirrorlist/read-index.ts";
import { resolveRequest } from "../core/mirrorlist/resolve-request.ts";
import { answerCaching, type CachingHeaders, NOT_STORED } from "./answer-caching.ts";

/** The static assets binding (`assets.binding` in `wrangler.jsonc`). */
interface AssetsFetcher {
  fetch(request: Request | URL | string): Promise<Response>;
}

export interface Env {
  ASSETS: AssetsFetcher;
}

const INDEX_PATH = `/${EDGE_INDEX_PATH}`;
const REPOMD_PATH = `/${EDGE_REPOMD_PATH}`;
/** The export's own files, served as they are. */
const STATIC_PATHS = new Set(["/mirrorlist/v1.json", "/mirrorlist/v1.schema.json", INDEX_PATH, REPOMD_PATH]);

/*
 * One index per isolate: loaded and prepared by the first request, shared by the rest. A failed
 * load is forgotten so that the next request tries again.
 */
let indexLoad: Promise<PreparedIndex> | null = null;

function loadIndex(env: Env, requestUrl: URL): Promise<PreparedIndex> {
  indexLoad ??= env.ASSETS.fetch(new URL(INDEX_PATH, requestUrl))
    .then(async (response) => {
      if (!response.ok) throw new Error(`${INDEX_PATH} answered ${response.status}`);
      return prepareIndex(parseIndex(await response.text()));
    })
    .catch((error: unknown) => {
      indexLoad = null;
      throw error;
    });
  return indexLoad;
}

/** The metalink hashes, read apart from the index by the first request that needs them. */
let repomdLoad: Promise<void> | null = null;

function loadRepomd(env: Env, requestUrl: URL, prepared: PreparedIndex): Promise<void> {
  repomdLoad ??= env.ASSETS.fetch(new URL(REPOMD_PATH, requestUrl))
    .then(async (response) => {
      if (!response.ok) throw new Error(`${REPOMD_PATH} answered ${response.status}`);
      attachRepomd(prepared, await response.text());
    })
    .catch((error: unknown) => {
      repomdLoad = null;
      throw error;
    });
  return repomdLoad;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, "The request URL is malformed.\n", NOT_STORED, request.method);
    }
    const listed =
      url.pathname.startsWith("/mirrorlist/") ||
      url.pathname.startsWith("/isolist/") ||
      url.pathname === "/metalink" ||
      url.pathname.startsWith("/metalink/");
    /*
     * Static files come back as the asset server gives them: in production with the headers of the
     * site's `_headers` (security headers, Strict-Transport-Security and Cache-Control per path),
     * which Cloudflare's asset server applies to every asset answer, this binding's included. They
     * reach this worker only where every path runs the worker first (the tests): `wrangler.jsonc`
     * sends only the lists here.
     */
    if (!listed || STATIC_PATHS.has(url.pathname)) return env.ASSETS.fetch(request);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return text(405, "Only GET and HEAD are answered here.\n", NOT_STORED, request.method, { Allow: "GET, HEAD" });
    }
    try {
      const prepared = await loadIndex(env, url);
      if (needsRepomd(url.pathname)) await loadRepomd(env, url, prepared);
      const cf = (request as Request & { cf?: ClientCf }).cf;
      const client = clientFromRequest(request.headers.get("CF-Connecting-IP"), cf);
      // Resolved once more here (a few map look-ups) to tell which kind of answer this is.
      const resolved = resolveRequest(prepared, url.pathname, url.search);
      const answer = answerRequest(prepared, url.pathname, url.search, client, new Date());
      const caching = answerCaching(resolved, answer.status);
      return text(answer.status, answer.body, caching, request.method, { "Content-Type": answer.contentType });
    } catch {
      return text(503, "The mirror index is unavailable; try again shortly.\n", NOT_STORED, request.method);
    }
  },
};

/** The site's security headers, as `_headers` gives the static files, with a policy for plain text. */
const TEXT_HEADERS = { ...SECURITY_HEADERS, "Content-Security-Policy": TEXT_CONTENT_SECURITY_POLICY };

/**
 * Every answer the worker makes itself: plain text unless `extra` names another type (a
 * metalink), the security headers, explicit caching.
 */
function text(
  status: number,
  body: string,
  caching: CachingHeaders,
  method: string,
  extra: Readonly<Record<string, string>> = {},
): Response {
  return new Response(method === "HEAD" ? null : body, {
    status,
    headers: {
      ...TEXT_HEADERS,
      "Content-Type": "text/plain; charset=utf-8",
      ...caching,
      ...extra,
      // Tell HEAD callers the length a GET would bring.
      "Content-Length": String(new TextEncoder().encode(body).length),
    },
  });
}
