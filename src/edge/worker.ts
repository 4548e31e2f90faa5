/**
 * The Cloudflare Workers entry: answers `/mirrorlist/<version>/<repo>` and
 * `/isolist/<version>/<arch>` for the client Cloudflare sees, from the exported index
 * (`/mirrorlist/v1.json`, read once per isolate from the static assets), and hands every
 * other path to the static site. Never throws: malformed input is a 400 with its reason.
 */
import { SECURITY_HEADERS, TEXT_CONTENT_SECURITY_POLICY } from "../core/http-headers.ts";
import { type Answer, answerRequest } from "../core/mirrorlist/answer.ts";
import { type PreparedIndex, prepareIndex } from "../core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../core/mirrorlist/read-index.ts";
import { type ClientCf, clientFromRequest } from "./client.ts";

/** The static assets binding (`assets.binding` in `wrangler.jsonc`). */
interface AssetsFetcher {
  fetch(request: Request | URL | string): Promise<Response>;
}

export interface Env {
  ASSETS: AssetsFetcher;
}

const INDEX_PATH = "/mirrorlist/v1.json";
/** The export's own files, served as they are. */
const STATIC_PATHS = new Set([INDEX_PATH, "/mirrorlist/v1.schema.json"]);

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

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, "The request URL is malformed.\n", "no-store", request.method);
    }
    const listed = url.pathname.startsWith("/mirrorlist/") || url.pathname.startsWith("/isolist/");
    if (!listed || STATIC_PATHS.has(url.pathname)) return env.ASSETS.fetch(request);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Only GET and HEAD are answered here.\n", {
        status: 405,
        headers: { ...TEXT_HEADERS, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    try {
      const prepared = await loadIndex(env, url);
      const cf = (request as Request & { cf?: ClientCf }).cf;
      const client = clientFromRequest(request.headers.get("CF-Connecting-IP"), cf);
      const answer = answerRequest(prepared, url.pathname, url.search, client, new Date());
      return text(answer.status, answer.body, cacheControl(answer), request.method);
    } catch {
      return text(503, "The mirror index is unavailable; try again shortly.\n", "no-store", request.method);
    }
  },
};

/**
 * A list depends on the client (its network, place and the day), so only the client may cache
 * it, for an hour as dnf's own metadata expiry; a 404 is the same for everyone.
 */
function cacheControl(answer: Answer): string {
  if (answer.status === 200) return "private, max-age=3600";
  if (answer.status === 404) return "public, max-age=300";
  return "no-store";
}

/** The site's security headers, as `_headers` gives the static files, with a policy for plain text. */
const TEXT_HEADERS = { ...SECURITY_HEADERS, "Content-Security-Policy": TEXT_CONTENT_SECURITY_POLICY };

function text(status: number, body: string, cache: string, method: string): Response {
  return new Response(method === "HEAD" ? null : body, {
    status,
    headers: {
      ...TEXT_HEADERS,
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": cache,
      // Tell HEAD callers the length a GET would bring.
      "Content-Length": String(new TextEncoder().encode(body).length),
    },
  });
}
