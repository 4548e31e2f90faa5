/**
 * The image pages' model: one page per image folder of the current releases (isos, cloud, live,
 * raspberrypi … as config `images` lists them), with the origin's file list and each mirror's
 * state for that very folder. Node side, read by the pages.
 */
import type { ImageFile } from "../core/images/checksum-file.ts";
import { type ImageFolder, imageFolders } from "../core/images/image-trees.ts";
import { ownValue } from "../core/own-property.ts";
import type { DistributionConfig, ImageFolderState, ReasonFields, StatusFile } from "../core/types.ts";

export type { ImageFile, ImageFolder, ImageFolderState };

/** The checksum file AlmaLinux publishes in every image folder. */
export const CHECKSUM_NAME = "CHECKSUM";

export interface ImagePage {
  tree: string;
  arch: string;
  /** Full version: `9.8`. */
  version: string;
  folder: ImageFolder;
  /** The files the origin's `CHECKSUM` names, in its order; [] when unknown. */
  files: ImageFile[];
  /**
   * `checksum`: mirrors were compared with the origin's `CHECKSUM`; `presence`: only asked whether
   * the files answer (no reference); `none`: no status.
   */
  verification: "checksum" | "presence" | "none";
  /** A mirror's state for this folder; `unknown` when not checked. */
  stateOf(mirrorName: string): ImageFolderState;
  /**
   * Why a mirror's folder is not verified, when the checker said: the English, and the code and
   * params that `ReasonText` words in the page's language.
   */
  reasonOf(mirrorName: string): ({ reason: string } & ReasonFields) | undefined;
  checksumName: typeof CHECKSUM_NAME;
  /** The detached signature of the `CHECKSUM` (`CHECKSUM.asc`), when the origin publishes one. */
  signatureName?: string;
  /** A `.torrent` sits beside the images. */
  torrent: boolean;
}

/**
 * Every image page, newest version first, trees in config order. When the checker read the
 * origin's `CHECKSUM`s, a folder the origin does not publish (no live images for s390x) has no page.
 */
export function imagePages(config: DistributionConfig | null, status: StatusFile | null): ImagePage[] {
  if (!config) return [];
  const origin = status?.images;
  const published = (folder: ImageFolder) => origin === undefined || Object.hasOwn(origin, folder.key);
  return imageFolders(config)
    .filter(published)
    .map((folder) => imagePage(folder, status));
}

function imagePage(folder: ImageFolder, status: StatusFile | null): ImagePage {
  const origin = status?.images ? ownValue(status.images, folder.key) : undefined;
  const entryOf = (name: string) => {
    const mirror = status ? ownValue(status.mirrors, name) : undefined;
    return mirror?.images ? ownValue(mirror.images, folder.key) : undefined;
  };
  return {
    tree: folder.tree,
    arch: folder.arch,
    version: folder.version,
    folder,
    files: origin?.files ?? [],
    verification: status === null ? "none" : origin ? "checksum" : "presence",
    stateOf: (name) => entryOf(name)?.state ?? "unknown",
    reasonOf: (name) => {
      const entry = entryOf(name);
      return entry?.reason === undefined ? undefined : { ...entry, reason: entry.reason };
    },
    checksumName: CHECKSUM_NAME,
    ...(origin?.signature ? { signatureName: origin.signature } : {}),
    torrent: origin?.torrent === true,
  };
}
