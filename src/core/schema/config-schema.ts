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
