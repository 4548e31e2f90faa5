/**
 * The JSON Schema (draft-07) of the status file that `npm run check-mirrors` writes and the
 * build reads through `MIRRORS_STATUS`. Its TypeScript type (`StatusFile`) and its validators
 * are generated from it by `npm run generate`. Extra keys are allowed, so that a newer
 * checker's file still loads in an older build.
 */

import { HISTORY_DAYS, MAX_CHANGES, MAX_REASON_LENGTH } from "./history.ts";

const state = {
  enum: ["ok", "outdated", "broken", "unreachable"],
  description:
    "ok: serves fresh, complete trees; outdated: TIME older than allowed_outdate; broken: answers, but a file is missing or fails; unreachable: no HTTP answer (DNS, refused, TLS, timeout).",
} as const;

const isoTime = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
  description: "ISO 8601 time.",
} as const;

const addresses = { type: "array", items: { type: "string" } } as const;
const millis = { type: "number", minimum: 0 } as const;
const count = { type: "integer", minimum: 0 } as const;

/** A reason's code and params (`reason-catalogue.ts`): the site words the code in its reader's language. */
const reasonCode = {
  type: "string",
  pattern: "^[a-z][a-z0-9-]{0,63}$",
  description: "The reason as a code, worded in every language the site has.",
} as const;
const reasonParams = (maxLength?: number) =>
  ({
    type: "object",
    maxProperties: 16,
    propertyNames: { pattern: "^[A-Za-z][A-Za-z0-9]{0,31}$" },
    additionalProperties: { type: ["string", "number"], ...(maxLength === undefined ? {} : { maxLength }) },
    description: "The values the reason's wording names (a URL, a count …).",
  }) as const;

const hex = (length: number) => ({ type: "string", pattern: `^[0-9a-f]{${length}}$` }) as const;

/** One version of a reference `repomd.xml`. */
const repomdRecord = {
  type: "object",
  required: ["sha256", "sha512", "size", "revision", "timestamp", "first_seen"],
  properties: {
    sha256: hex(64),
    sha512: hex(128),
    size: count,
    revision: { type: ["string", "null"], maxLength: 64, description: "The file's <revision>." },
    timestamp: { type: ["integer", "null"], minimum: 0, description: "Its newest <timestamp>, epoch seconds." },
    first_seen: { ...isoTime, description: "When the checker first saw it at the reference." },
  },
} as const;

/** A repo path's history: the current version and the earlier ones still acceptable. */
const repomdHistory = {
  type: "object",
  required: ["current", "alternates"],
  properties: {
    current: repomdRecord,
    alternates: {
      type: "array",
      maxItems: 100,
      description: "Earlier versions, newest first; each leaves allowed_outdate after it was superseded.",
      items: {
        ...repomdRecord,
        required: [...repomdRecord.required, "superseded_at"],
        properties: { ...repomdRecord.properties, superseded_at: isoTime },
      },
    },
  },
} as const;

/** A mirror's last 30 days (see `history.ts`): bounded here too, so a file out of bounds is refused. */
const history = {
  type: "object",
  required: ["changes", "days"],
  description: "The last 30 days: state changes and one line per UTC day, oldest first.",
  properties: {
    changes: {
      type: "array",
      maxItems: MAX_CHANGES,
      items: {
        type: "object",
        required: ["at", "from", "to", "reason"],
        properties: {
          at: { ...isoTime, description: "When the check that saw the new state ran." },
          from: state,
          to: state,
          reason: { type: "string", maxLength: MAX_REASON_LENGTH, description: "Why the mirror has the new state." },
          reason_code: reasonCode,
          reason_params: reasonParams(MAX_REASON_LENGTH),
        },
      },
    },
    days: {
      type: "array",
      maxItems: HISTORY_DAYS,
      items: {
        type: "object",
        required: ["day", "checks", "ok"],
        properties: {
          day: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "The UTC day." },
          checks: { ...count, minimum: 1 },
          ok: { ...count, description: "Checks that found the mirror ok." },
          worst_lag_seconds: { ...count, description: "The worst lag_seconds that day." },
        },
      },
    },
  },
} as const;

/** How a mirror's copy of one image folder compares with the origin's `CHECKSUM`. */
export const IMAGE_FOLDER_STATES = [
  "verified",
  "behind",
  "mismatch",
  "missing",
  "present",
  "absent",
  "unknown",
] as const;

/** One file an origin `CHECKSUM` names (see `images/checksum-file.ts`). */
const imageFile = {
  type: "object",
  required: ["name", "sha256"],
  properties: {
    name: {
      type: "string",
      minLength: 1,
      maxLength: 255,
      pattern: "^[^/\\\\\\u0000-\\u001f\\u007f]+$",
      not: { enum: [".", ".."] },
    },
    size: count,
    sha256: hex(64),
  },
} as const;

/** One version of an image folder's `CHECKSUM` at the origin. */
const checksumRecord = {
  type: "object",
  required: ["checksum_sha256", "files", "checked_at"],
  properties: {
    checksum_sha256: { ...hex(64), description: "The SHA-256 of the CHECKSUM file's bytes." },
    files: { type: "array", maxItems: 512, items: imageFile, description: "The files it names, in its order." },
    checked_at: { ...isoTime, description: "When the checker first read this version at the origin." },
    torrent: { type: "boolean", description: "A .torrent sits beside the images." },
    signature: { type: "string", maxLength: 64, description: "The signature file beside it, e.g. CHECKSUM.asc." },
  },
} as const;

/** An image folder at the origin: its current `CHECKSUM` and the earlier ones still acceptable. */
const imageFolderHistory = {
  ...checksumRecord,
  properties: {
    ...checksumRecord.properties,
    alternates: {
      type: "array",
      maxItems: 20,
      description: "Earlier CHECKSUM versions, newest first; each leaves allowed_outdate after it was superseded.",
      items: {
        type: "object",
        required: ["checksum_sha256", "superseded_at"],
        properties: { checksum_sha256: hex(64), superseded_at: isoTime },
      },
    },
  },
} as const;

/** An image folder's key: `<tree>/<arch>/<version>` (`isos/x86_64/9.8`). */
const imageFolderKey = { pattern: "^[a-z][a-z0-9-]{0,31}/[a-z0-9_]{1,16}/[0-9][0-9a-z.-]{0,31}$" } as const;

const imageFolderState = {
  type: "object",
  required: ["state"],
  properties: {
    state: {
      enum: IMAGE_FOLDER_STATES,
      description:
        "verified: its CHECKSUM is the origin's; behind: an earlier one of the origin's; mismatch: another; missing: no CHECKSUM; present/absent: the presence check without a reference; unknown: not checked.",
    },
    reason: { type: "string", maxLength: 300, description: "Why, in words a sponsor can act on." },
    reason_code: reasonCode,
    reason_params: reasonParams(),
  },
} as const;

const mirrorStatus = {
  type: "object",
  required: ["state", "reason", "checked_at"],
  properties: {
    state,
    reason: { type: "string", minLength: 1, description: "Why the mirror has this state, in words." },
    reason_code: reasonCode,
    reason_params: reasonParams(),
    checked_at: { ...isoTime, description: "When this mirror was checked." },
    ipv4: { type: ["boolean", "null"], description: "Answered over IPv4; null when not known." },
    ipv6: { type: ["boolean", "null"], description: "Answered over IPv6; null when not known." },
    url: { type: "string", description: "The URL that decided a state other than ok." },
    http_status: { type: "integer", minimum: 100, maximum: 599, description: "That URL's HTTP status." },
    base_url: { type: "string", description: "The main tree's base URL the checker used." },
    synced_at: { ...isoTime, description: "The sync time the mirror's TIME file holds." },
    checked: { type: "boolean", description: "False when the mirror was not checked (private mirrors)." },
    addresses: {
      type: "object",
      required: ["ipv4", "ipv6"],
      properties: { ipv4: addresses, ipv6: addresses },
      description: "Addresses from DNS.",
    },
    repodata: {
      type: "object",
      required: ["checked", "total"],
      properties: { checked: count, total: count },
      description: "Required repodata files checked before the verdict, of the total.",
    },
    kitten: {
      type: "object",
      required: ["state", "reason"],
      properties: { state, reason: { type: "string" }, reason_code: reasonCode, reason_params: reasonParams() },
      description: "The Kitten tree, when the mirror lists one.",
    },
    isos: {
      type: "object",
      required: ["complete", "reason"],
      properties: {
        complete: { type: "boolean" },
        reason: { type: "string" },
        reason_code: reasonCode,
        reason_params: reasonParams(),
      },
      description: "The ISO set, checked for ok mirrors only.",
    },
    images: {
      type: "object",
      description: "Each image folder's state, by folder key (isos/x86_64/9.8); checked for ok mirrors only.",
      propertyNames: imageFolderKey,
      additionalProperties: imageFolderState,
    },
    lag_seconds: {
      ...count,
      description: "How far behind the reference its worst repo is (0: in sync); absent without a reference.",
    },
    repomd_behind: {
      type: "array",
      description: "The repos whose repomd.xml matched an earlier version of the reference, worst first.",
      items: {
        type: "object",
        required: ["repo", "revision", "lag_seconds"],
        properties: { repo: { type: "string" }, revision: { type: ["string", "null"] }, lag_seconds: count },
      },
    },
    timings: {
      type: "object",
      required: ["total_ms"],
      properties: { total_ms: millis, dns_ms: millis, base_ms: millis, time_ms: millis, repodata_ms: millis },
      description: "Where the check's time went, in milliseconds.",
    },
    history,
  },
} as const;

/** The status file: when the run finished, and one entry per mirror name. */
export const statusSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://mirrorsite.invalid/status.schema.json",
  title: "Mirror status",
  type: "object",
  required: ["checked_at", "mirrors"],
  properties: {
    checked_at: { ...isoTime, description: "When the run finished." },
    mirrors: {
      type: "object",
      description: "Mirror name → its status.",
      additionalProperties: mirrorStatus,
    },
    repomd: {
      type: "object",
      description: "The reference's repomd.xml history by repo path (e.g. 9.8/BaseOS/x86_64/os).",
      propertyNames: { pattern: "^[0-9][0-9a-z.-]{0,31}/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){0,7}$" },
      additionalProperties: repomdHistory,
    },
    images: {
      type: "object",
      description: "The origin's CHECKSUM of each image folder by folder key (isos/x86_64/9.8), with alternates.",
      propertyNames: imageFolderKey,
      additionalProperties: imageFolderHistory,
    },
  },
} as const;

/** One entry's schema, for validating entries one by one. */
export const mirrorStatusSchema = mirrorStatus;

/** The file with its entries left to `mirrorStatusSchema`, so that a bad entry is left out alone. */
export const statusFrameSchema = {
  ...statusSchema,
  properties: { ...statusSchema.properties, mirrors: { type: "object", additionalProperties: { type: "object" } } },
} as const;
