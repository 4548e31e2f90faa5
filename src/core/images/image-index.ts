/**
 * What the edge needs to hand out images: in the index (`v1.json`), each image folder's path and
 * a bitmap of the mirrors whose copy matched the origin; in a second asset (`v1-images.json`,
 * read only by the first download request), each folder's files with their sizes and sums. Pure.
 */
import { ownValue } from "../own-property.ts";
import type { DistributionConfig, StatusFile } from "../types.ts";
import type { ImageFile } from "./checksum-file.ts";
import { imageFolders } from "./image-trees.ts";

/** The index's `images`: folder key → its path and the mirrors that carry it. */
export type IndexImages = Record<string, { path: string; verified: string }>;

/** The second asset: folder key → the files the origin's `CHECKSUM` names. */
export interface ImageFilesAsset {
  format: 1;
  folders: Record<string, ImageFile[]>;
}

/** Below the site root. */
export const IMAGE_FILES_PATH = "mirrorlist/v1-images.json";

/** The folder states that put a mirror in a folder's bitmap: matched the origin, or answered without one. */
const CARRIES = new Set(["verified", "present"]);

/**
 * Every folder the status knows of (with a reference: the ones the origin publishes), with the
 * mirrors of `names` (the index's order) that carry it; undefined without status data.
 */
export function indexImages(
  config: DistributionConfig,
  status: StatusFile | null,
  names: readonly string[],
): IndexImages | undefined {
  if (status === null) return undefined;
  const images: IndexImages = {};
  for (const folder of imageFolders(config)) {
    if (status.images !== undefined && !Object.hasOwn(status.images, folder.key)) continue;
    const carries = names.map((name) => {
      const state = ownValue(status.mirrors, name)?.images;
      return state !== undefined && CARRIES.has(ownValue(state, folder.key)?.state ?? "");
    });
    images[folder.key] = { path: folder.path, verified: encodeBitmap(carries) };
  }
  return images;
}

/** The files of every folder the origin's `CHECKSUM` was read for. */
export function imageFilesAsset(status: StatusFile | null): ImageFilesAsset {
  const folders: Record<string, ImageFile[]> = {};
  const keys = Object.keys(status?.images ?? {}).sort();
  for (const key of keys) {
    const record = status?.images?.[key];
    if (record) folders[key] = record.files.map((f) => ({ ...f }));
  }
  return { format: 1, folders };
}

/** Booleans as a hex bitmap: two digits a byte, item i at bit (i mod 8) of byte (i div 8). */
export function encodeBitmap(bits: readonly boolean[]): string {
  let hex = "";
  for (let byte = 0; byte * 8 < bits.length; byte++) {
    let value = 0;
    for (let bit = 0; bit < 8; bit++) if (bits[byte * 8 + bit]) value |= 1 << bit;
    hex += value.toString(16).padStart(2, "0");
  }
  return hex;
}

/** Whether item `i` is set in a bitmap `encodeBitmap` wrote. */
export function bitmapHas(hex: string, i: number): boolean {
  const byte = Number.parseInt(hex.slice((i >> 3) * 2, (i >> 3) * 2 + 2), 16);
  return Number.isInteger(byte) && (byte & (1 << (i & 7))) !== 0;
}
