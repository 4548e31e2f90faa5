/**
 * The static fallbacks: every mirrorlist and isolist a client can ask for, as plain files in
 * upstream's line format, for hosts without an edge. They cannot know the client, so each holds
 * every servable public mirror in name order (http preferred, as upstream). Pure.
 */
import { metalinkDocument, metalinkHead } from "../metalink/metalink-document.ts";
import { repomdKey } from "../repomd/repomd-key.ts";
import { metalinkResource, pathSuffix } from "./answer.ts";
import type { PreparedIndex } from "./prepared-index.ts";
import { type ResolvedRequest, resolveRequest } from "./resolve-request.ts";
import { baseUrl } from "./select-mirrors.ts";

/** One file to write: its path below the output root (no leading slash) and its text. */
export interface StaticList {
  path: string;
  body: string;
}

/** Every list, for every version and alias, every repo valid for it and every arch. */
export function staticLists(prepared: PreparedIndex): StaticList[] {
  const { config } = prepared.index;
  const versions = [...Object.keys(config.aliases), ...config.versions, ...config.vaultVersions];
  const allArches = [...new Set(Object.values(config.arches).flat())];
  const lists: StaticList[] = [];
  for (const version of versions) {
    for (const repo of config.repos) add(lists, prepared, `mirrorlist/${version}/${repo.name}`);
    for (const arch of allArches) add(lists, prepared, `isolist/${version}/${arch}`);
  }
  return lists;
}

function add(lists: StaticList[], prepared: PreparedIndex, path: string): void {
  const request = resolveRequest(prepared, `/${path}`, "");
  if ("status" in request) return;
  const body = listBody(prepared, request);
  if (body) lists.push({ path, body });
}

function listBody(prepared: PreparedIndex, request: ResolvedRequest): string {
  const suffix = `${request.version}/${pathSuffix(request)}`;
  if (request.vault) return `${prepared.index.config.vaultUrl}${suffix}\n`;
  const lines: string[] = [];
  for (const mirror of prepared.publicMirrors) {
    const base = baseUrl(mirror, request.kitten, null);
    if (base) lines.push(`${base}${suffix}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * The static metalinks, `metalink/<version>/<repo>/<arch>` for every current version, alias and
 * repo, when the index has the reference's hashes: every servable public mirror in name order,
 * https where a mirror has it (they cannot know the client either). dnf still checks every mirror's `repomd.xml` against the hashes.
 */
export function staticMetalinks(prepared: PreparedIndex): StaticList[] {
  if (prepared.repomd.size === 0) return [];
  const { config } = prepared.index;
  const versions = [...Object.keys(config.aliases), ...config.versions];
  const allArches = [...new Set(Object.values(config.arches).flat())];
  const published = new Date(prepared.index.statusCheckedAt ?? 0);
  const files: StaticList[] = [];
  for (const version of versions) {
    for (const repo of config.repos) {
      for (const arch of allArches) {
        const path = `metalink/${version}/${repo.name}/${arch}`;
        const request = resolveRequest(prepared, `/${path}`, "");
        if ("status" in request || request.kind !== "metalink") continue;
        const suffix = pathSuffix(request);
        const hashes = prepared.repomd.get(repomdKey(request.version, suffix));
        if (hashes === undefined) continue;
        const resources = prepared.publicMirrors.flatMap((mirror) => metalinkResource(mirror, request) ?? []);
        if (resources.length > 0)
          files.push({ path, body: metalinkDocument(metalinkHead(hashes, published), resources) });
      }
    }
  }
  return files;
}
