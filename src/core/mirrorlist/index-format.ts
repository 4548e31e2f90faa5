/**
 * The mirrorlist index, format version 1 (`dist/mirrorlist/v1.json`): everything the edge needs
 * to answer `/mirrorlist/<version>/<repo>` and `/isolist/<version>/<arch>` without the registry.
 * Its type is generated from the JSON Schema in `index-schema.ts` (published beside it); the
 * types below name its parts. Never holds an e-mail.
 */
import type { MirrorlistIndex } from "../schema/schema-types.ts";

export type { MirrorlistIndex };

/** The one format version this module writes and reads. */
export const INDEX_FORMAT_VERSION: MirrorlistIndex["format"] = 1;

/**
 * One servable mirror. Optional fields are left out when false or unknown, to stay compact;
 * `state`, when a status file was given, is always `ok` (others are left out).
 */
export type IndexMirror = MirrorlistIndex["mirrors"][number];

/** Base URLs of one tree for the two protocols a mirrorlist can hand out; each ends with `/`. */
export type IndexUrls = IndexMirror["urls"];

/** The distribution facts a mirrorlist answer depends on. */
export type IndexConfig = MirrorlistIndex["config"];

/** One repository of the distribution. */
export type IndexRepo = IndexConfig["repos"][number];

/** A repo path's current `repomd.xml` and the earlier ones a mirror may still serve (newest first). */
export type IndexRepomd = NonNullable<MirrorlistIndex["repomd"]>[string];

/** One published version of a `repomd.xml`: what librepo checks a mirror's copy against. */
export type IndexRepomdVersion = IndexRepomd["current"];
