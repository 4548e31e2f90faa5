/**
 * The index as the edge worker reads it: in two files, so that the first parse of a cold isolate
 * (which every request waits for) holds no hashes. `EDGE_INDEX_PATH` is the index without
 * `repomd`; `EDGE_REPOMD_PATH` holds the hashes alone, read by the first metalink request only.
 * The public `mirrorlist/v1.json` keeps both, for other readers. Pure.
 */
import type { ExportFile } from "../export-file.ts";
import { serializeIndex } from "./export-index.ts";
import type { IndexRepomd, MirrorlistIndex } from "./index-format.ts";
import type { PreparedIndex } from "./prepared-index.ts";

/** Below the site root, no leading slash. */
export const EDGE_INDEX_PATH = "mirrorlist/edge/index.json";
export const EDGE_REPOMD_PATH = "mirrorlist/edge/repomd.json";

/** The two files, as paths below the site root with their text. */
export function edgeIndexFiles(index: MirrorlistIndex): ExportFile[] {
  const { repomd, ...withoutHashes } = index;
  return [
    { path: EDGE_INDEX_PATH, text: serializeIndex(withoutHashes) },
    { path: EDGE_REPOMD_PATH, text: `${JSON.stringify(repomd ?? {})}\n` },
  ];
}

/** Whether answering `pathname` needs the hashes. */
export function needsRepomd(pathname: string): boolean {
  return pathname === "/metalink" || pathname.startsWith("/metalink/");
}

/** Adds the hashes of `EDGE_REPOMD_PATH`'s `text` to `prepared`, for its metalinks. */
export function attachRepomd(prepared: PreparedIndex, text: string): void {
  const value: unknown = JSON.parse(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${EDGE_REPOMD_PATH} is not an object of repomd.xml hashes by repo path.`);
  }
  for (const [key, hashes] of Object.entries(value as Record<string, IndexRepomd>)) prepared.repomd.set(key, hashes);
}
