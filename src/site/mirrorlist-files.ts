/**
 * Every file of the mirrorlist export for a registry: the index, its schema and the static
 * fallbacks (lists, and metalinks when the status carries the reference's hashes), as paths below the site root with their text. Used by the build integration and
 * by the simulator (which builds the index on the fly when no `--index` file is given).
 */
import type { ExportFile } from "../core/export-file.ts";
import { IMAGE_FILES_PATH, imageFilesAsset } from "../core/images/image-index.ts";
import { edgeIndexFiles } from "../core/mirrorlist/edge-index.ts";
import { exportIndex, type LocateMirror, serializeIndex } from "../core/mirrorlist/export-index.ts";
import type { MirrorlistIndex } from "../core/mirrorlist/index-format.ts";
import { mirrorlistIndexSchema } from "../core/mirrorlist/index-schema.ts";
import { prepareIndex } from "../core/mirrorlist/prepared-index.ts";
import { staticLists, staticMetalinks } from "../core/mirrorlist/static-lists.ts";
import type { Registry } from "../core/types.ts";

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
    { path: IMAGE_FILES_PATH, text: `${JSON.stringify(imageFilesAsset(registry.status))}\n` },
    ...[...staticLists(prepared), ...staticMetalinks(prepared)].map((l) => ({ path: l.path, text: l.body })),
  ];
  return { index, files };
}
