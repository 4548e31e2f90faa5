/** The site's sitemap as a crawler reads it: the index named in robots.txt, then each sitemap it lists. */
import type { APIRequestContext } from "@playwright/test";

/** The text of every sitemap the index lists, joined; their `<loc>`s are absolute, on `SITE_URL`. */
export async function sitemapText(request: APIRequestContext): Promise<string> {
  const index = await (await request.get("/sitemap-index.xml")).text();
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? "").pathname);
  if (parts.length === 0) throw new Error(`the sitemap index lists no sitemap:\n${index}`);
  return (await Promise.all(parts.map(async (path) => (await request.get(path)).text()))).join("\n");
}
