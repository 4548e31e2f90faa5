/**
 * The JSON Schema (draft-07) of the mirrorlist index v1, written beside it as
 * `dist/mirrorlist/v1.schema.json`. The index's TypeScript type (`MirrorlistIndex`) and its
 * validator are generated from it by `npm run generate`; a unit test validates the real export.
 */

const urls = {
  type: "object",
  description: "Base URLs of one tree; each ends with a slash. At least one of http and https.",
  properties: {
    http: { type: "string", pattern: "^http://.+/$" },
    https: { type: "string", pattern: "^https://.+/$" },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

const hex = { type: "string", pattern: "^([0-9a-f]{8}|[0-9a-f]{32})$" } as const;
const versionList = { type: "array", items: { type: "string" }, uniqueItems: true } as const;

const repomdVersion = {
  type: "object",
  required: ["timestamp", "size", "sha256", "sha512"],
  additionalProperties: false,
  properties: {
    timestamp: { type: "integer", minimum: 0, description: "Newest <timestamp> in the file (epoch seconds)." },
    size: { type: "integer", minimum: 0, description: "Bytes." },
    sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
    sha512: { type: "string", pattern: "^[0-9a-f]{128}$" },
  },
} as const;

const mirror = {
  type: "object",
  required: ["name", "urls"],
  additionalProperties: false,
  properties: {
    name: { type: "string", description: "Host name; unique." },
    urls: { ...urls, description: "Main tree base URLs." },
    kitten: { ...urls, description: "AlmaLinux Kitten tree base URLs, when carried." },
    country: { type: "string", pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2." },
    continent: { enum: ["AF", "AN", "AS", "EU", "NA", "OC", "SA"] },
    coordinates: {
      type: "array",
      description: "[latitude, longitude] in degrees, rounded to 0.01.",
      items: [
        { type: "number", minimum: -90, maximum: 90 },
        { type: "number", minimum: -180, maximum: 180 },
      ],
      minItems: 2,
      maxItems: 2,
    },
    asns: {
      type: "array",
      description: "ASNs served on-net (a cloud mirror's include its provider's).",
      items: { type: "integer", minimum: 1 },
    },
    subnets: {
      type: "array",
      description:
        "Subnets served on-net: [cidr, first address, last address]; addresses as fixed-width lower-case hex (8 digits IPv4, 32 IPv6), so ranges compare as strings.",
      items: { type: "array", items: [{ type: "string" }, hex, hex], minItems: 3, maxItems: 3 },
    },
    private: { const: true, description: "Served only to its own networks." },
    monopoly: { const: true, description: "A client of its networks gets this mirror alone." },
    cloud: { type: "string", description: "Cloud provider; served only on-net." },
    ipv6: { type: "boolean", description: "Reachable over IPv6, when checked." },
    state: { enum: ["ok", "outdated", "broken", "unreachable"], description: "Checker verdict." },
  },
} as const;

const repo = {
  type: "object",
  required: ["name", "path"],
  additionalProperties: false,
  properties: {
    name: { type: "string" },
    path: { type: "string", description: "Below <base><version>/, with $basearch literal." },
    versions: { ...versionList, description: "Full versions it exists for; absent: every version." },
    arches: { ...versionList, description: "Arches it exists for; absent: every arch of the version." },
    vault: { const: true, description: "Served only from the vault." },
  },
} as const;

/** The schema object; serialise it with `JSON.stringify(schema, null, 2)`. */
export const mirrorlistIndexSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://mirrors.almalinux.org/mirrorlist/v1.schema.json",
  title: "Mirrorlist index, format 1",
  description:
    "Every servable mirror and the distribution config a mirrorlist answer needs. Written by `npm run build`; read by the edge worker and `npm run mirrorlist`.",
  type: "object",
  required: ["$schema", "format", "statusCheckedAt", "config", "mirrors"],
  additionalProperties: false,
  properties: {
    $schema: { const: "v1.schema.json" },
    format: { const: 1 },
    statusCheckedAt: {
      type: ["string", "null"],
      description: "When the status data used was checked; null: no status, every valid mirror served.",
    },
    config: {
      type: "object",
      required: ["versions", "aliases", "vaultVersions", "vaultUrl", "kittenVersions", "arches", "repos"],
      additionalProperties: false,
      properties: {
        versions: { ...versionList, description: "Current full versions, Kitten ones included." },
        aliases: {
          type: "object",
          description: "Alias → full version, e.g. 9 → 9.8.",
          additionalProperties: { type: "string" },
        },
        vaultVersions: { ...versionList, description: "Versions served by the vault alone." },
        vaultUrl: { type: "string", pattern: "^https?://.+/$" },
        kittenVersions: { ...versionList, description: "Versions served from the Kitten trees." },
        arches: {
          type: "object",
          description: "Arch key (a major version, or e.g. 10-kitten) → arches.",
          additionalProperties: versionList,
        },
        repos: { type: "array", items: repo },
      },
    },
    repomd: {
      type: "object",
      description:
        "The reference's repodata/repomd.xml by repo path (e.g. 9.8/BaseOS/x86_64/os): the current version and the earlier ones still acceptable, newest first. Absent without a reference.",
      additionalProperties: {
        type: "object",
        required: ["current", "alternates"],
        additionalProperties: false,
        properties: { current: repomdVersion, alternates: { type: "array", items: repomdVersion } },
      },
    },
    mirrors: { type: "array", description: "Sorted by name.", items: mirror },
  },
} as const;
