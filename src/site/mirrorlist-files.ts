/**
 * Every file of the mirrorlist export for a registry: the index, its schema and the static
 * fallbacks (lists, and metalinks when the status carries the reference's hashes), as paths below the site root with their text. Used by the build integration and
 * by the simulator (which builds the index on the fly when no `--index` file is given).
 */
import type { ExportFile } from "../core/export-file.ts";
import { IMAGE_ASSET_PATH, imageAsset } from "../core/images/image-index.ts";
import { edgeIndexFiles } from "../core/mirrorlist/edge-index.ts";
import { exportIndex, type LocateMirror, serializeIndex } from "../core/mirrorlist/export-index.ts";
import type { MirrorlistIndex } from "../core/mirrorlist/index-format.ts";
import { mirrorlistIndexSchema } from "../core/mirrorlist/index-schema.ts";
import { prepareIndex } from "../core/mirrorlist/prepared-index.ts";
import { staticLists, staticMetalinks } from "../core/mirrorlist/static-lists.ts";
import type { DistributionConfig, Registry, StatusFile } from "../core/types.ts";

export function mirrorlistFiles(
  registry: Registry,
  locate: LocateMirror,
): { index: MirrorlistIndex; files: ExportFile[] } {
  const index = exportIndex(registry, locate);
  const prepared = prepareIndex(index);
  const files: ExportFile[] = [
    { path: "mirrorlist/v1.json", text: serializeIndex(index) },
    { path: "mirrorlist/v1.schema.json", text: `${JSON.stringify(mirrorlistIndexSchema, null, 2)}\n` },
    ...edgeIndexFiles(index),
    ...(registry.config === null ? [] : [imageAssetFile(registry.config, registry.status, index)]),
    ...[...staticLists(prepared), ...staticMetalinks(prepared)].map((l) => ({ path: l.path, text: l.body })),
  ];
  return { index, files };
}

/** The image asset, its bitmaps over `index`'s mirrors. */
function imageAssetFile(config: DistributionConfig, status: StatusFile | null, index: MirrorlistIndex): ExportFile {
  const asset = imageAsset(
    config,
    status,
    index.mirrors.map((m) => m.name),
  );
  return { path: IMAGE_ASSET_PATH, text: `${JSON.stringify(asset)}\n` };
}
