/**
 * The URLs a mirror must answer, derived from the distribution config the way upstream's
 * checker derives them (`mirror_available`, `optional_modules_available`, the ISO templates):
 * `repodata/repomd.xml` of every non-vault repo, for every full version and arch it exists
 * for (136 URLs with the real `config.yml`), the same for Kitten when the mirror lists it,
 * and the ISO file set. Pure: no request is made here.
 */
import { type ImageFolder, imageFolders } from "../images/image-trees.ts";
import { ownValue } from "../own-property.ts";
import { repomdKey } from "../repomd/repomd-key.ts";
import type { DistributionConfig, Mirror, ProtocolUrls, RepoConfig } from "../types.ts";

/** One file to fetch, with a short label for reasons ("9.8/AppStream/aarch64"). */
export interface CheckTarget {
  url: string;
  label: string;
  /** For a `repomd.xml`: its repo key in the reference's history (`9.8/AppStream/aarch64/os`). */
  key?: string;
}

/** Everything the checker fetches for one mirror. */
export interface MirrorTargets {
  /** The main tree's base URL (https preferred, else http); ends with `/`. */
  baseUrl: string;
  /** `TIME` at the base URL: an epoch time written by the mirror's last sync. */
  timeUrl: string;
  /** `repodata/repomd.xml` of every required version, repo and arch. */
  repodata: CheckTarget[];
  /** Kitten's `repodata/repomd.xml` set; empty when the mirror lists no Kitten tree. */
  kitten: CheckTarget[];
  /** The ISO set (checked with HEAD, as upstream does). */
  isos: CheckTarget[];
  /** The `CHECKSUM` of every image folder (config `images`) of the current releases. */
  images: ImageTarget[];
}

/** One image folder's `CHECKSUM` at a mirror. */
export interface ImageTarget {
  folder: ImageFolder;
  url: string;
}

/** The installation images AlmaLinux builds for each release and arch, smallest first. */
export const ISO_KINDS = ["boot", "minimal", "dvd"] as const;

/** The checksum file beside the images: SHA-256 sums of every file in the folder. */
export const ISO_CHECKSUM_FILE = "CHECKSUM";

/** An ISO folder's path below a mirror's base URL: `9.8/isos/aarch64/`. */
export function isoPath(version: string, arch: string): string {
  return `${version}/isos/${arch}/`;
}

/**
 * The file name of one image in `<version>/isos/<arch>/`, by AlmaLinux's naming scheme, the same
 * for 8, 9 and 10 (`AlmaLinux-9.8-aarch64-boot.iso`); a beta's carries `-1`, as upstream's checker
 * writes it (`AlmaLinux-10.2-beta-1-x86_64-dvd.iso`).
 */
export function isoImageName(version: string, arch: string, kind: (typeof ISO_KINDS)[number]): string {
  const fileVersion = version.includes("beta") ? `${version}-1` : version;
  return `AlmaLinux-${fileVersion}-${arch}-${kind}.iso`;
}

/**
 * The files upstream's checker asks for in `<version>/isos/<arch>/`, in its order: the boot, dvd
 * and minimal images, their package manifests (`.manifest`), and `CHECKSUM`.
 */
export function isoFileNames(version: string, arch: string): string[] {
  const images = (["boot", "dvd", "minimal"] as const).map((kind) => isoImageName(version, arch, kind));
  return [...images, ...images.map((image) => `${image}.manifest`), ISO_CHECKSUM_FILE];
}

/** The web base URL the checker uses: https when the mirror has it (it also proves TLS), else http. */
export function webBaseUrl(urls: ProtocolUrls): string | null {
  return urls.https ?? urls.http ?? null;
}

/** The targets of one mirror, or null when it has no web URL (a valid mirror always has one). */
export function mirrorTargets(mirror: Mirror, config: DistributionConfig): MirrorTargets | null {
  const baseUrl = webBaseUrl(mirror.urls);
  if (baseUrl === null) return null;
  const kittenBase = mirror.kittenUrls === null ? null : webBaseUrl(mirror.kittenUrls);
  return {
    baseUrl,
    timeUrl: `${baseUrl}TIME`,
    repodata: repodataTargets(baseUrl, config),
    kitten: kittenBase === null ? [] : moduleTargets(kittenBase, "kitten", config),
    isos: isoTargets(baseUrl, config),
    images: imageFolders(config).map((folder) => ({ folder, url: `${baseUrl}${folder.path}CHECKSUM` })),
  };
}

/** The full versions the main tree must carry: `versions` without the aliases (`9` → `9.8`). */
export function fullVersions(config: DistributionConfig): string[] {
  return config.versions.filter((v) => !Object.hasOwn(config.versionAliases, v));
}

/** The arches of a full version (`9.8`), as `config.arches` lists them for it or else for its major. */
export function archesOf(version: string, config: DistributionConfig): string[] | null {
  return ownValue(config.arches, version) ?? ownValue(config.arches, version.split(/[.-]/)[0] ?? version) ?? null;
}

/**
 * The `repomd.xml` targets of one tree at `baseUrl`: the main tree's (`main`) or an optional
 * module's (`kitten`). The checker also uses them on the reference's trees.
 */
export function treeTargets(baseUrl: string, tree: string, config: DistributionConfig): CheckTarget[] {
  return tree === "main" ? repodataTargets(baseUrl, config) : moduleTargets(baseUrl, tree, config);
}

function repodataTargets(baseUrl: string, config: DistributionConfig): CheckTarget[] {
  const targets = new Map<string, CheckTarget>();
  for (const version of fullVersions(config)) {
    for (const repo of config.repos) addRepo(targets, baseUrl, version, repo, config);
  }
  return [...targets.values()];
}

function moduleTargets(baseUrl: string, module: string, config: DistributionConfig): CheckTarget[] {
  const targets = new Map<string, CheckTarget>();
  for (const major of ownValue(config.optionalModuleVersions, module) ?? []) {
    const version = `${major}-${module}`;
    for (const repo of config.repos) addRepo(targets, baseUrl, version, repo, config);
  }
  return [...targets.values()];
}

function addRepo(
  targets: Map<string, CheckTarget>,
  baseUrl: string,
  version: string,
  repo: RepoConfig,
  config: DistributionConfig,
): void {
  if (repo.vault) return;
  if (repo.versions !== null && !repo.versions.includes(version)) return;
  const versionArches = archesOf(version, config);
  const arches = (repo.arches ?? versionArches ?? []).filter(
    (a) => versionArches === null || versionArches.includes(a),
  );
  for (const arch of arches) {
    const path = trimSlashes(repo.path.replaceAll("$basearch", arch));
    const url = `${baseUrl}${version}/${path}/repodata/repomd.xml`;
    // Two repos may share a tree (`ha` on 8, `highavailability` on 9 and 10): check it once.
    const label = `${version}/${path.replace(/\/os$/, "")}`;
    if (!targets.has(url)) targets.set(url, { url, label, key: repomdKey(version, path) });
  }
}

function isoTargets(baseUrl: string, config: DistributionConfig): CheckTarget[] {
  const targets: CheckTarget[] = [];
  for (const version of fullVersions(config)) {
    for (const arch of archesOf(version, config) ?? []) {
      for (const file of isoFileNames(version, arch)) {
        const path = `${isoPath(version, arch)}${file}`;
        targets.push({ url: `${baseUrl}${path}`, label: path });
      }
    }
  }
  return targets;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, "");
}
