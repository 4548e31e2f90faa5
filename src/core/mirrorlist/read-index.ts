/** Reads an index written by `serializeIndex`, refusing any other format version. Pure. */
import { INDEX_FORMAT_VERSION, type MirrorlistIndex } from "./index-format.ts";

/**
 * The index in `text`. Checks the format version and the two top-level lists only: the file
 * comes from our own build (its JSON Schema is there for other readers).
 */
export function parseIndex(text: string): MirrorlistIndex {
  return indexFromJson(JSON.parse(text));
}

/**
 * The index in an already parsed JSON value, with the same checks (the worker lets the runtime
 * parse the asset's bytes, which saves decoding them into a string first).
 */
export function indexFromJson(value: unknown): MirrorlistIndex {
  if (!isIndexShaped(value)) {
    throw new Error(`Not a mirrorlist index of format ${INDEX_FORMAT_VERSION} (see v1.schema.json).`);
  }
  return value;
}

function isIndexShaped(value: unknown): value is MirrorlistIndex {
  if (typeof value !== "object" || value === null) return false;
  const { format, config, mirrors } = value as Record<string, unknown>;
  return (
    format === INDEX_FORMAT_VERSION &&
    Array.isArray(mirrors) &&
    typeof config === "object" &&
    config !== null &&
    Array.isArray((config as Record<string, unknown>).repos)
  );
}
