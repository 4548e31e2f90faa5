/**
 * The distribution config schema (JSON Schema 2020-12): upstream's `service_config` v3 shape.
 * Cross-field checks (repo versions and arches exist) are in `config-file.ts`.
 */

/** A version like `9`, `9.8`, `9.8-beta` or `10-kitten`. */
const version = { type: "string", pattern: "^[0-9]+(\\.[0-9]+(-beta)?|-kitten)?$" } as const;
const versions = { type: "array", items: version } as const;
const arch = { enum: ["x86_64", "x86_64_v2", "aarch64", "ppc64le", "s390x"] } as const;
const arches = { type: "array", items: arch, minItems: 1 } as const;
const webUrl = { type: "string", pattern: "^https?://" } as const;

/**
 * A repo's path below `<base>/<version>/`, like `BaseOS/$basearch/os/`: parts of letters, digits
 * and `. _ - + $` (none starting with a dot), between slashes. It is written into the dnf `.repo`
 * files the site offers, where a line break, `[` or `=` could add a section or a setting.
 */
export const REPO_PATH_PATTERN = "^[A-Za-z0-9_$+-][A-Za-z0-9._$+-]*(/[A-Za-z0-9_$+-][A-Za-z0-9._$+-]*)*/?$";

/**
 * An image folder's path below a mirror's base URL: `$version/` first, then parts of letters,
 * digits and `. _ - +` (none starting with a dot) in which `$arch` may stand, each ending with a
 * slash. No other `$`, no `..`: the path ends up in URLs the edge redirects to.
 */
export const IMAGE_PATH_PATTERN = "^\\$version/(([A-Za-z0-9_+-]|\\$arch)([A-Za-z0-9._+-]|\\$arch)*/)+$";

/**
 * Names an image tree may not take: its pages live at `/<name>/<arch>/<version>/`, beside the
 * site's other top-level paths and the locale prefixes.
 */
export const RESERVED_IMAGE_NAMES = [
  "countries",
  "data",
  "debug",
  "download",
  "exports",
  "join",
  "kitten",
  "metalink",
  "mirrorlist",
  "mirrors",
  "nearest",
  "status",
  "isolist",
] as const;

/** One image tree the origin publishes (our extension of v3), e.g. `{ name: cloud, path: $version/cloud/$arch/images/ }`. */
const imageTree = {
  type: "object",
  additionalProperties: false,
  required: ["name", "path"],
  properties: {
    /** The tree's name: the first part of its pages' paths (`/cloud/x86_64/9.8/`). */
    name: { type: "string", pattern: `^(?!(?:${RESERVED_IMAGE_NAMES.join("|")})$)[a-z][a-z0-9-]{2,31}$` },
    /** The folder below a mirror's base URL, with `$version` and `$arch`. */
    path: { type: "string", pattern: IMAGE_PATH_PATTERN },
    /** The arches the tree has; absent: every arch of the version. */
    arches,
  },
  // A folder without `$arch` holds one arch's images: it must say which.
  if: { properties: { path: { type: "string", not: { type: "string", pattern: "\\$arch" } } } },
  then: { required: ["arches"], properties: { arches: { type: "array", maxItems: 1 } } },
} as const;

export const configSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/mirrorsite/mirrorsite/schemas/config/v3.json",
  title: "Distribution config",
  type: "object",
  additionalProperties: false,
  required: [
    "allowed_outdate",
    "arches",
    "duplicated_versions",
    "required_protocols",
    "mirrors_dir",
    "repos",
    "vault_mirror",
    "vault_versions",
    "versions",
  ],
  properties: {
    config_version: { const: 3 },
    allowed_outdate: { type: "string", pattern: "^[0-9]+[smhdw]$" },
    mirrors_dir: { type: "string" },
    vault_mirror: webUrl,
    /**
     * Our extension of v3: the origin tree whose `repomd.xml` files define "current". One URL for
     * the main tree, or a mapping of `main` and optional module names (`kitten`) to their trees;
     * `reference-url.ts` checks the URLs and the names.
     */
    reference_url: { type: ["string", "object"], additionalProperties: { type: "string" } },
    /**
     * Our extension of v3: the image trees the origin publishes, each with a `CHECKSUM` per folder;
     * absent: the ISO tree alone (`$version/isos/$arch/`).
     */
    images: { type: "array", minItems: 1, maxItems: 16, items: imageTree },
    versions,
    optional_module_versions: { type: "object", additionalProperties: versions },
    duplicated_versions: { type: "object", propertyNames: version, additionalProperties: version },
    vault_versions: versions,
    required_protocols: { type: "array", items: { enum: ["http", "https", "rsync", "ftp"] } },
    arches: { type: "object", additionalProperties: arches },
    repos: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "path"],
        properties: {
          name: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
          path: { type: "string", pattern: REPO_PATH_PATTERN },
          arches,
          versions,
          vault: { type: "boolean" },
        },
      },
    },
  },
} as const;
