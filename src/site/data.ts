/** The pages' read access to the content layer, unwrapped to the site model. */
import { getCollection, getEntry } from "astro:content";
import type { SiteInfo, SiteMirror } from "./model.ts";

let mirrorsOnce: Promise<SiteMirror[]> | null = null;

/**
 * Every valid mirror, sorted by name (as the registry sorts them). Read once per build (6,000
 * pages ask); the dev server reads it at every request, as the registry may have changed.
 */
export function siteMirrors(): Promise<SiteMirror[]> {
  const read = () =>
    getCollection("mirrors").then((entries) =>
      entries.map((e) => e.data).sort((a, b) => (a.mirror.name < b.mirror.name ? -1 : 1)),
    );
  if (import.meta.env.DEV) return read();
  mirrorsOnce ??= read();
  return mirrorsOnce;
}

export async function publicMirrors(): Promise<SiteMirror[]> {
  return (await siteMirrors()).filter((m) => m.public);
}

export async function siteInfo(): Promise<SiteInfo> {
  const entry = await getEntry("site", "build");
  if (!entry) throw new Error("The site collection has no build entry: the content loader did not run.");
  return entry.data;
}
