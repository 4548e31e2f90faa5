/** The pages' read access to the content layer, unwrapped to the site model. */
import { getCollection, getEntry } from "astro:content";
import type { SiteInfo, SiteMirror } from "./model.ts";

let mirrorsOnce: Promise<SiteMirror[]> | null = null;

/** Every valid mirror, sorted by name (as the registry sorts them). */
export function siteMirrors(): Promise<SiteMirror[]> {
  mirrorsOnce ??= getCollection("mirrors").then((entries) =>
    entries.map((e) => e.data).sort((a, b) => (a.mirror.name < b.mirror.name ? -1 : 1)),
  );
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
