/**
 * The Cloudflare Workers entry: answers `/mirrorlist/<version>/<repo>`, `/isolist/<version>/<arch>`,
 * the metalinks (`/metalink/<version>/<repo>?arch=`, MirrorManager's `/metalink?repo=…`), the
 * image downloads (`/download/<version>/<folder>/<file>`, `….meta4`), `/nearest/<tree>/<arch>/<version>`
 * and upstream's `/debug/json/*` for the client Cloudflare sees, from the exported index
 * (`/mirrorlist/v1.json`, read once per isolate from the static assets; the image folders and
 * their files, `/mirrorlist/v1-images.json`, on the first download or `/nearest`), and hands every other path to the static
 * site. Malformed input is a 400 with its reason; an index that cannot be read, a 503; a bug in
 * the answer is logged and answered 500, never hidden.
 */
import { SECURITY_HEADERS, TEXT_CONTENT_SECURITY_POLICY } from "../core/http-headers.ts";
import { answerDownload, answerNearest, type PreparedImages, prepareImages } from "../core/images/edge-images.ts";
import type { ImageAsset } from "../core/images/image-index.ts";
import { answerResolved } from "../core/mirrorlist/answer.ts";
import { type ClientCf, clientFromRequest } from "../core/mirrorlist/client.ts";
import { DEBUG_PATHS, debugAnswer } from "../core/mirrorlist/debug-answers.ts";
import { attachRepomd, EDGE_INDEX_PATH, EDGE_REPOMD_PATH, needsRepomd } from "../core/mirrorlist/edge-index.ts";
import { type PreparedIndex, prepareIndex } from "../core/mirrorlist/prepared-index.ts";
import { indexFromJson } from "../core/mirrorlist/read-index.ts";
import { resolveRequest } from "../core/mirrorlist/resolve-request.ts";
import { answerCaching, type CachingHeaders, CLIENT_DEBUG, imageAnswerCaching, NOT_STORED } from "./answer-caching.ts";

/** The static assets binding (`assets.binding` in `wrangler.jsonc`). */
interface AssetsFetcher {
  fetch(request: Request | URL | string): Promise<Response>;
}

export interface Env {
  ASSETS: AssetsFetcher;
}

/** The index without its hashes: all a cold isolate parses before its first answer. */
const INDEX_PATH = `/${EDGE_INDEX_PATH}`;
const REPOMD_PATH = `/${EDGE_REPOMD_PATH}`;
const IMAGES_PATH = "/mirrorlist/v1-images.json";
/** The export's own files, served as they are. */
const STATIC_PATHS = new Set([
  "/mirrorlist/v1.json",
  "/mirrorlist/v1.schema.json",
  INDEX_PATH,
  REPOMD_PATH,
  IMAGES_PATH,
]);

type Route = "list" | "download" | "nearest" | "debug";

function routeOf(pathname: string): Route | null {
  if (STATIC_PATHS.has(pathname)) return null;
  if (pathname.startsWith("/download/")) return "download";
  if (pathname.startsWith("/nearest/")) return "nearest";
  if (DEBUG_PATHS.has(pathname)) return "debug";
  const listed =
    pathname.startsWith("/mirrorlist/") ||
    pathname.startsWith("/isolist/") ||
    pathname === "/metalink" ||
    pathname.startsWith("/metalink/");
  return listed ? "list" : null;
}

/*
 * One index (and one set of image file lists) per isolate: loaded by the first request that needs
 * it, shared by the rest. A failed load is forgotten so that the next request tries again.
 */
let indexLoad: Promise<PreparedIndex> | null = null;
let imagesLoad: Promise<PreparedImages> | null = null;

function loadAsset<T>(env: Env, requestUrl: URL, path: string, read: (text: string) => T): Promise<T> {
  return fetchAsset(env, requestUrl, path).then(async (response) => read(await response.text()));
}

function fetchAsset(env: Env, requestUrl: URL, path: string): Promise<Response> {
  return env.ASSETS.fetch(new URL(path, requestUrl)).then((response) => {
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response;
  });
}

function loadIndex(env: Env, requestUrl: URL): Promise<PreparedIndex> {
  // `json()` parses the body's bytes without making a string of the whole file first (about a
  // tenth of the cold start in workerd).
  indexLoad ??= fetchAsset(env, requestUrl, INDEX_PATH)
    .then(async (response) => prepareIndex(indexFromJson(await response.json())))
    .catch((error: unknown) => {
      indexLoad = null;
      throw error;
    });
  return indexLoad;
}

function loadImages(env: Env, requestUrl: URL): Promise<PreparedImages> {
  imagesLoad ??= loadAsset(env, requestUrl, IMAGES_PATH, (text) => prepareImages(JSON.parse(text) as ImageAsset)).catch(
    (error: unknown) => {
      imagesLoad = null;
      throw error;
    },
  );
  return imagesLoad;
}

/** The metalink hashes, read apart from the index by the first request that needs them. */
let repomdLoad: Promise<void> | null = null;

function loadRepomd(env: Env, requestUrl: URL, prepared: PreparedIndex): Promise<void> {
  repomdLoad ??= loadAsset(env, requestUrl, REPOMD_PATH, (text) => attachRepomd(prepared, text)).catch(
    (error: unknown) => {
      repomdLoad = null;
      throw error;
    },
  );
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
    const route = routeOf(url.pathname);
    /*
     * Static files come back as the asset server gives them: in production with the headers of the
     * site's `_headers` (security headers, Strict-Transport-Security and Cache-Control per path),
     * which Cloudflare's asset server applies to every asset answer, this binding's included. They
     * reach this worker only where every path runs the worker first (the tests): `wrangler.jsonc`
     * sends only the worker's own paths here.
     */
    if (route === null) return env.ASSETS.fetch(request);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return text(405, "Only GET and HEAD are answered here.\n", NOT_STORED, request.method, { Allow: "GET, HEAD" });
    }
    let prepared: PreparedIndex;
    let images: PreparedImages | null = null;
    try {
      prepared = await loadIndex(env, url);
      if (route === "download" || route === "nearest") images = await loadImages(env, url);
      if (needsRepomd(url.pathname)) await loadRepomd(env, url, prepared);
    } catch (error) {
      console.error("The mirror index could not be loaded:", error);
      return text(503, "The mirror index is unavailable; try again shortly.\n", NOT_STORED, request.method);
    }
    try {
      return answer(route, request, url, prepared, images);
    } catch (error) {
      // A bug: logged where the operator sees it, and said as what it is.
      console.error(`Unexpected error answering ${url.pathname}:`, error);
      return text(500, "The edge failed to answer this request; the error is logged.\n", NOT_STORED, request.method);
    }
  },
};

function answer(
  route: Route,
  request: Request,
  url: URL,
  prepared: PreparedIndex,
  images: PreparedImages | null,
): Response {
  const cf = (request as Request & { cf?: ClientCf }).cf;
  const ipHeader = request.headers.get("CF-Connecting-IP");
  const client = clientFromRequest(ipHeader, cf);
  const now = new Date();
  const { method } = request;
  if (route === "debug") {
    const body = debugAnswer(prepared, url.pathname, ipHeader, client, now);
    return text(200, body, CLIENT_DEBUG, method, { "Content-Type": "application/json; charset=utf-8" });
  }
  if (images !== null) {
    const image =
      route === "download"
        ? answerDownload(prepared, images, url.pathname, url.search, client, now)
        : answerNearest(prepared, images, url.pathname, url.search, client, now);
    const caching = imageAnswerCaching(image.status, image.shared === true);
    return text(image.status, image.body, caching, method, {
      "Content-Type": image.contentType,
      ...(image.location === undefined ? {} : { Location: image.location }),
    });
  }
  const resolved = resolveRequest(prepared, url.pathname, url.search);
  const list = answerResolved(prepared, resolved, url.pathname, client, now);
  const caching = answerCaching(resolved, list.status);
  return text(list.status, list.body, caching, method, { "Content-Type": list.contentType });
}

/** The site's security headers, as `_headers` gives the static files, with a policy for plain text. */
const TEXT_HEADERS = { ...SECURITY_HEADERS, "Content-Security-Policy": TEXT_CONTENT_SECURITY_POLICY };

/**
 * Every answer the worker makes itself: plain text unless `extra` names another type (a
 * metalink, JSON), the security headers, explicit caching.
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
