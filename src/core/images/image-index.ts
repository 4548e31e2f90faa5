/**
 * What the edge needs to hand out images, in an asset of its own (`v1-images.json`), read only by
 * the first request that needs it (a download, a `/nearest`), so that the lists' cold start never
 * parses it: per image folder, its path, a bitmap of the index's mirrors whose copy matched the
 * origin, and the files the origin's `CHECKSUM` names with their sizes and sums. Pure.
 */
import { ownValue } from "../own-property.ts";
import type { DistributionConfig, StatusFile } from "../types.ts";
import type { ImageFile } from "./checksum-file.ts";
import { imageFolders } from "./image-trees.ts";

/** One folder of the asset. */
export interface AssetFolder {
  /** Below a mirror's base URL: `9.8/isos/x86_64/`. */
  path: string;
  /**
   * A bitmap over the index's `mirrors` (v1.json of the same build), in hex, two digits a byte,
   * mirror i at bit (i mod 8) of byte (i div 8): set when its copy of the folder matched the
   * origin's `CHECKSUM` (or, checked without a reference, answered).
   */
  verified: string;
  /** The files the origin's `CHECKSUM` names, in its order; [] without a reference. */
  files: ImageFile[];
}

/** `v1-images.json`: folder key (`isos/x86_64/9.8`) → its folder. */
export interface ImageAsset {
  format: 1;
  folders: Record<string, AssetFolder>;
}

/** Below the site root. */
export const IMAGE_ASSET_PATH = "mirrorlist/v1-images.json";

/** The folder states that put a mirror in a folder's bitmap: matched the origin, or answered without one. */
const CARRIES = new Set(["verified", "present"]);

/**
 * Every folder the status knows of (with a reference: the ones the origin publishes), with the
 * mirrors of `names` (the index's order) that carry it; no folder without status data.
 */
export function imageAsset(
  config: DistributionConfig,
  status: StatusFile | null,
  names: readonly string[],
): ImageAsset {
  const folders: Record<string, AssetFolder> = {};
  if (status === null) return { format: 1, folders };
  for (const folder of imageFolders(config)) {
    const origin = status.images === undefined ? undefined : ownValue(status.images, folder.key);
    if (status.images !== undefined && origin === undefined) continue;
    const carries = names.map((name) => {
      const states = ownValue(status.mirrors, name)?.images;
      return states !== undefined && CARRIES.has(ownValue(states, folder.key)?.state ?? "");
    });
    folders[folder.key] = {
      path: folder.path,
      verified: encodeBitmap(carries),
      files: (origin?.files ?? []).map((f) => ({ ...f })),
    };
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
