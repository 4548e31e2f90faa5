/**
 * Shared by the download bench and the unit tests: a status in which every mirror of a registry is
 * `ok` and the origin publishes every image folder of the config, each `CHECKSUM` with the files a
 * real one lists (the release images, their `latest` names, a `.torrent`'s worth of names), one
 * alternate each; nine mirrors in ten carry each folder verified, the rest are behind or miss it.
 */
import { createHash } from "node:crypto";
import { imageFolders } from "../../src/core/images/image-trees.ts";
import type { MirrorImageFolder, OriginImageFolder, Registry, StatusFile } from "../../src/core/types.ts";

export const IMAGES_CHECKED_AT = "2026-03-14T09:00:00.000Z";

const hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** The files of one folder: `kinds` images in a release and a `latest` name each, as AlmaLinux names ISOs. */
function folderFiles(tree: string, version: string, arch: string) {
  const major = version.split(".")[0];
  const kinds =
    tree === "isos"
      ? ["boot", "minimal", "dvd"]
      : tree === "live"
        ? ["GNOME", "KDE", "MATE", "XFCE"]
        : ["GenericCloud"];
  return kinds.flatMap((kind, i) => {
    const size = 900_000_000 + i * 1_000_000_000;
    const release = `AlmaLinux-${version}-${arch}-${kind}.iso`;
    const latest = `AlmaLinux-${major}-latest-${arch}-${kind}.iso`;
    const sha256 = hex(`${tree}/${release}`);
    return [
      { name: release, size, sha256 },
      { name: latest, size, sha256 },
    ];
  });
}

/** `status` (or an all-`ok` one) with the origin's image folders and each mirror's state for them. */
export function withImages(registry: Registry, status: StatusFile | null = registry.status): Registry {
  const config = registry.config;
  if (config === null) throw new Error("The config is invalid.");
  const images: Record<string, OriginImageFolder> = {};
  for (const f of imageFolders(config)) {
    images[f.key] = {
      checksum_sha256: hex(`CHECKSUM ${f.key} 2`),
      files: folderFiles(f.tree, f.version, f.arch),
      checked_at: IMAGES_CHECKED_AT,
      signature: "CHECKSUM",
      alternates: [{ checksum_sha256: hex(`CHECKSUM ${f.key} 1`), superseded_at: "2026-03-14T03:00:00.000Z" }],
    };
  }
  const ok = { state: "ok" as const, reason: "in sync", checked_at: IMAGES_CHECKED_AT };
  const mirrors = Object.fromEntries(
    registry.mirrors.map((m, i) => {
      const folders: Record<string, MirrorImageFolder> = {};
      imageFolders(config).forEach((f, j) => {
        const n = (i + j) % 10;
        folders[f.key] =
          n === 0 ? { state: "missing", reason: "no CHECKSUM" } : n === 1 ? { state: "behind" } : { state: "verified" };
      });
      return [m.name, { ...(status?.mirrors[m.name] ?? ok), images: folders }];
    }),
  );
  return { ...registry, status: { ...(status ?? { checked_at: IMAGES_CHECKED_AT }), mirrors, images } };
}
