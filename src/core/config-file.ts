/** The distribution config: parse, validate (schema, then cross-field rules), normalise. */
import type { Diagnostic } from "./diagnostics.ts";
import { DEFAULT_IMAGE_TREES } from "./images/image-trees.ts";
import { normaliseReferenceUrls } from "./rules/reference-url.ts";
import { type FileReporter, fileReporter } from "./rules/reporter.ts";
import { reportUnknownKey } from "./rules/unknown-keys.ts";
import { schemaDiagnostics } from "./schema/check-schema.ts";
import { configSchema } from "./schema/config-schema.ts";
import type { ConfigFile } from "./schema/schema-types.ts";
import { validators } from "./schema/validators.ts";
import type { DistributionConfig, RepoConfig } from "./types.ts";
import { parseYamlSource, type ValuePath } from "./yaml-source.ts";

export interface ConfigFileResult {
  config: DistributionConfig | null;
  diagnostics: Diagnostic[];
}

const SECONDS: ReadonlyMap<string, number> = new Map([
  ["s", 1],
  ["m", 60],
  ["h", 3600],
  ["d", 86_400],
  ["w", 604_800],
]);

const CONFIG_KEYS = Object.keys(configSchema.properties);
const REPO_KEYS = Object.keys(configSchema.properties.repos.items.properties);
const IMAGE_KEYS = Object.keys(configSchema.properties.images.items.properties);

/** The keys the config format defines in the mapping at `path`; null where it is not one of its closed mappings. */
function definedKeys(path: ValuePath): readonly string[] | null {
  if (path.length === 0) return CONFIG_KEYS;
  if (path.length === 2 && path[0] === "repos" && typeof path[1] === "number") return REPO_KEYS;
  if (path.length === 2 && path[0] === "images" && typeof path[1] === "number") return IMAGE_KEYS;
  return null;
}

/** Whether `checkConfigKeys` reports `key` in the mapping at `path`. */
function reportsUnknownConfigKey(path: ValuePath, key: string): boolean {
  return definedKeys(path)?.includes(key) === false;
}

/**
 * Keys the config format does not define, at the top level and in each repo, each named with a
 * "did you mean" (the schema forbids them too; its error, which says less, is left out).
 */
function checkConfigKeys(r: FileReporter): void {
  const { repos, images } = r.source.value;
  const mappings: ValuePath[] = [
    [],
    ...(Array.isArray(repos) ? repos.map((_, i) => ["repos", i]) : []),
    ...(Array.isArray(images) ? images.map((_, i) => ["images", i]) : []),
  ];
  for (const path of mappings) {
    for (const key of r.source.keysAt(path)) {
      if (reportsUnknownConfigKey(path, key)) reportUnknownKey(r, path, key, definedKeys(path) ?? [], true);
    }
  }
}

export function checkConfigFile(file: string, text: string): ConfigFileResult {
  const parsed = parseYamlSource(file, text);
  if (parsed.source === null) return { config: null, diagnostics: parsed.diagnostics };
  const r = fileReporter(parsed.source, [
    ...parsed.diagnostics,
    ...schemaDiagnostics(validators().config, parsed.source, reportsUnknownConfigKey),
  ]);
  checkConfigKeys(r);
  if (r.diagnostics.some((d) => d.severity === "error")) return { config: null, diagnostics: r.diagnostics };
  // The schema held: the value has the file's shape.
  const raw = parsed.source.value as unknown as ConfigFile;

  const modules = raw.optional_module_versions ?? {};
  const moduleVersions = Object.entries(modules).flatMap(([module, vs]) => vs.map((v) => `${v}-${module}`));
  const knownVersions = new Set([...raw.versions, ...raw.vault_versions, ...moduleVersions]);
  const knownArches = new Set(Object.values(raw.arches).flat());
  for (const [alias, target] of Object.entries(raw.duplicated_versions)) {
    if (!raw.versions.includes(target) || !raw.versions.includes(alias)) {
      r.report("error", "unknown-version", ["duplicated_versions", alias], { variant: "alias", alias, target });
    }
  }
  raw.repos.forEach((repo, i) => {
    repo.versions?.forEach((v, j) => {
      if (!knownVersions.has(v)) {
        r.report("error", "unknown-version", ["repos", i, "versions", j], {
          variant: "repo",
          repo: repo.name,
          version: v,
        });
      }
    });
    repo.arches?.forEach((a, j) => {
      if (!knownArches.has(a)) {
        r.report("error", "unknown-arch", ["repos", i, "arches", j], { repo: repo.name, arch: a });
      }
    });
  });
  const names = new Map<string, number>();
  raw.repos.forEach((repo, i) => {
    if (names.has(repo.name)) {
      r.report("error", "duplicate-repo", ["repos", i, "name"], {
        repo: repo.name,
        index: (names.get(repo.name) ?? 0) + 1,
      });
    }
    names.set(repo.name, i);
  });
  const imageNames = new Map<string, number>();
  raw.images?.forEach((tree, i) => {
    const first = imageNames.get(tree.name);
    if (first !== undefined) {
      r.report("error", "duplicate-image-tree", ["images", i, "name"], { tree: tree.name, index: first + 1 });
    } else imageNames.set(tree.name, i);
  });
  const references = normaliseReferenceUrls(r, new Set(Object.keys(modules)));
  if (r.diagnostics.some((d) => d.severity === "error")) return { config: null, diagnostics: r.diagnostics };

  const amount = Number.parseInt(raw.allowed_outdate, 10);
  const unit = raw.allowed_outdate.slice(-1);
  const repos: RepoConfig[] = raw.repos.map((repo) => ({
    name: repo.name,
    path: repo.path,
    versions: repo.versions ?? null,
    arches: repo.arches ?? null,
    vault: repo.vault === true,
  }));
  return {
    config: {
      allowedOutdate: raw.allowed_outdate,
      allowedOutdateSeconds: amount * (SECONDS.get(unit) ?? 1),
      versions: raw.versions,
      versionAliases: raw.duplicated_versions,
      vaultVersions: raw.vault_versions,
      vaultMirror: raw.vault_mirror.endsWith("/") ? raw.vault_mirror : `${raw.vault_mirror}/`,
      optionalModuleVersions: modules,
      arches: raw.arches,
      requiredProtocols: raw.required_protocols,
      repos,
      references: [...references].map(([tree, url]) => ({ tree, url })),
      images: raw.images
        ? raw.images.map((tree) => ({
            name: tree.name,
            path: tree.path,
            ...(tree.arches ? { arches: tree.arches } : {}),
          }))
        : DEFAULT_IMAGE_TREES.map((tree) => ({ ...tree })),
    },
    diagnostics: r.diagnostics,
  };
}
