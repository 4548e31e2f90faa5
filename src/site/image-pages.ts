/**
 * The image pages as the built site has them: `imagePages` (src/site/images.ts) over the status
 * the content layer keeps (each mirror's entry, and the origin's `CHECKSUM` records in
 * `SiteInfo`), plus what the pages derive from a page: its stable download URLs and the file
 * the examples name.
 */
import { type ImagePage, imagePages } from "./images.ts";
import type { SiteInfo, SiteMirror } from "./model.ts";

export type { ImagePage };

/** Every image page of the build, newest version first, trees in config order. */
export function siteImagePages(info: SiteInfo, mirrors: readonly SiteMirror[]): ImagePage[] {
  if (info.checkedAt === null) return imagePages(info.config, null);
  const status = {
    checked_at: info.checkedAt,
    mirrors: Object.fromEntries(mirrors.flatMap((m) => (m.status ? [[m.mirror.name, m.status]] : []))),
    ...(info.originImages ? { images: info.originImages } : {}),
  };
  return imagePages(info.config, status);
}

/** The page of one tree, arch and full version, if the build has it. */
export function findImagePage(
  pages: readonly ImagePage[],
  tree: string,
  arch: string,
  version: string,
): ImagePage | undefined {
  return pages.find((p) => p.tree === tree && p.arch === arch && p.version === version);
}

/**
 * A name that reads as one word in a shell, so that a copied command does only what it shows.
 * The origin's CHECKSUM may name anything a file may be called; commands name only these.
 */
export function shellSafe(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name);
}

/**
 * The file the page's commands name: the full DVD image where there is one, else the largest
 * image. Never a checksum, signature or torrent, nor a name a shell would read otherwise.
 */
export function exampleFile(page: ImagePage): string | undefined {
  const images = page.files.filter((f) => shellSafe(f.name) && !/\.(torrent|asc|sig|sha256|CHECKSUM)$/i.test(f.name));
  const dvd = images.find((f) => /-dvd\.iso$/.test(f.name) && !/latest/.test(f.name));
  if (dvd) return dvd.name;
  const largest = [...images].sort((a, b) => (b.size ?? 0) - (a.size ?? 0))[0];
  return largest?.name;
}

/** `/download/<folder path><file>`: the stable URL the edge sends on to the nearest verified mirror. */
export function downloadPath(page: ImagePage, file: string): string {
  return `/download/${page.folder.path}${file}`;
}

/** The edge's same-origin answer for the page's "Nearest to you" block. */
export function nearestPath(page: ImagePage): string {
  return `/nearest/${page.tree}/${page.arch}/${page.version}`;
}
