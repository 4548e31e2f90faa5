/**
 * The image trees the origin publishes (config `images`: isos, cloud, live, raspberrypi …) and
 * the folders they make for the current releases: every full version an alias points to, and
 * every arch the tree has for it. Pure.
 */
import { ownValue } from "../own-property.ts";
import type { DistributionConfig } from "../types.ts";

/** One image tree, as config `images` lists it. */
export interface ImageTree {
  /** The tree's name, also the first part of its pages' paths (`isos`, `cloud`). */
  name: string;
  /** The folder below a mirror's base URL, with `$version` and `$arch` (`$version/cloud/$arch/images/`). */
  path: string;
  /** The arches the tree has; absent: every arch of the version. */
  arches?: string[];
}

/** One folder of one tree for one version and arch. */
export interface ImageFolder {
  tree: string;
  /** Full version: `9.8`. */
  version: string;
  arch: string;
  /** Below a mirror's base URL, ending with `/`: `9.8/isos/x86_64/`. */
  path: string;
  /** Its key in the status file and the index: `isos/x86_64/9.8`. */
  key: string;
}

/** Without config `images`: the ISO tree alone, as before the key existed. */
export const DEFAULT_IMAGE_TREES: readonly ImageTree[] = [{ name: "isos", path: "$version/isos/$arch/" }];

/** The key of a folder in the status file and the index: `<tree>/<arch>/<version>`. */
export function imageFolderKey(tree: string, arch: string, version: string): string {
  return `${tree}/${arch}/${version}`;
}

/** The current full versions (the aliases' targets), newest first: 10.2, 9.8, 8.10. */
export function currentReleases(config: DistributionConfig): string[] {
  return [...new Set(Object.values(config.versionAliases))].sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
}

/** The arches of a full version, as `config.arches` lists them for it or else for its major. */
function versionArches(version: string, config: DistributionConfig): string[] {
  return ownValue(config.arches, version) ?? ownValue(config.arches, version.split(/[.-]/)[0] ?? version) ?? [];
}

/** Every folder of every current version and arch, newest version first, trees in config order. */
export function imageFolders(config: DistributionConfig): ImageFolder[] {
  const folders: ImageFolder[] = [];
  for (const version of currentReleases(config)) {
    const arches = versionArches(version, config);
    for (const tree of config.images) {
      for (const arch of tree.arches ? tree.arches.filter((a) => arches.includes(a)) : arches) {
        const path = tree.path.replaceAll("$version", version).replaceAll("$arch", arch);
        folders.push({ tree: tree.name, version, arch, path, key: imageFolderKey(tree.name, arch, version) });
      }
    }
  }
  return folders;
}
