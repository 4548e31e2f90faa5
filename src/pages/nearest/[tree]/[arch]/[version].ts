/**
 * `/nearest/<tree>/<arch>/<version>` as a static file: what a host without the edge worker
 * answers there, an empty list, so an image page's "Nearest to you" block stays hidden without
 * a failed request in the browser's console. The worker answers these paths first (see
 * src/edge/wrangler.jsonc) with the nearest verified mirrors for the visitor.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { siteInfo } from "../../../../site/data.ts";
import { siteImagePages } from "../../../../site/image-pages.ts";

export const getStaticPaths = (async () =>
  siteImagePages(await siteInfo(), []).map(({ tree, arch, version }) => ({
    params: { tree, arch, version },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify({ mirrors: [] })}\n`, { headers: { "Content-Type": "application/json" } });
