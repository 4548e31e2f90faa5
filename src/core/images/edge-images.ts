/**
 * The edge's image answers, as the worker and the simulator give them:
 * - `/download/<version>/<path below the tree>/<file>`: a redirect to the nearest mirror whose
 *   copy of the folder matched the origin's `CHECKSUM`, for a file that `CHECKSUM` names (the
 *   origin's stable `latest` names included, as it lists them); `…/<file>.meta4`: the Metalink 4
 *   document of the file;
 * - `/nearest/<tree>/<arch>/<version>`: the five nearest such mirrors, as JSON, for the pages.
 * The same client, tiers, `protocol=` and `country=` as the lists. Pure; never throws.
 */
import { METALINK4_TYPE, metalink4Document } from "../metalink/metalink4-document.ts";
import type { PreparedIndex, PreparedMirror } from "../mirrorlist/prepared-index.ts";
import type { WebProtocol } from "../mirrorlist/resolve-request.ts";
import { baseUrl, type Client, type Pick, selectMirrors } from "../mirrorlist/select-mirrors.ts";
import { ownValue } from "../own-property.ts";
import type { ImageFile } from "./checksum-file.ts";
import { bitmapHas, type ImageAsset } from "./image-index.ts";

export const JSON_TYPE = "application/json; charset=utf-8";
const TEXT_TYPE = "text/plain; charset=utf-8";

/** One image answer: a redirect, a document, or a refusal with its one-line reason. */
export interface ImageAnswer {
  status: 200 | 302 | 400 | 404;
  contentType: string;
  body: string;
  /** The redirect's target. */
  location?: string;
  /** Why each mirror is there (or why there is none). */
  explain: string[];
  /** A refusal decided by the path and the index alone, the same for every client. */
  shared?: true;
}

/** An image folder of the asset, with its files by name and the mirrors that carry it (decoded on first use). */
interface EdgeFolder {
  key: string;
  path: string;
  verified: string;
  files: ReadonlyMap<string, ImageFile>;
  mirrors?: ReadonlySet<PreparedMirror>;
}

/** The image asset made ready: folders by path (downloads) and by key (`/nearest`). */
export interface PreparedImages {
  byPath: ReadonlyMap<string, EdgeFolder>;
  byKey: ReadonlyMap<string, EdgeFolder>;
}

export function prepareImages(asset: ImageAsset): PreparedImages {
  const folders: EdgeFolder[] = Object.entries(asset.folders).map(([key, f]) => ({
    key,
    path: f.path,
    verified: f.verified,
    files: new Map(f.files.map((file) => [file.name, file])),
  }));
  return { byPath: new Map(folders.map((f) => [f.path, f])), byKey: new Map(folders.map((f) => [f.key, f])) };
}

/** The mirrors of `prepared` (the index of the same build) whose bit is set for `folder`. */
function carriers(prepared: PreparedIndex, folder: EdgeFolder): ReadonlySet<PreparedMirror> {
  folder.mirrors ??= new Set(prepared.mirrors.filter((_, i) => bitmapHas(folder.verified, i)));
  return folder.mirrors;
}

const MAX_PATH_LENGTH = 400;
const SEGMENT = /^[A-Za-z0-9_.+-]{1,64}$/;
const VERSION = /^\d{1,3}(?:\.\d{1,3})?(?:-[a-z]{1,16})?$/;
const META4 = ".meta4";
/** Mirrors in a Metalink, and on the page's "Nearest to you". */
const METALINK_URLS = 10;
const NEAREST = 5;

interface ImageQuery {
  protocol: WebProtocol | null;
  country: string | null;
}

function parseQuery(search: string): ImageQuery | ImageAnswer {
  if (search.length > 256) return refuse(400, "The query string is longer than 256 characters.");
  const params = new URLSearchParams(search);
  const protocol = params.get("protocol");
  if (protocol !== null && protocol !== "http" && protocol !== "https") {
    return refuse(400, 'protocol must be "http" or "https".');
  }
  const country = params.get("country");
  if (country !== null && !/^[A-Za-z]{2}$/.test(country)) return refuse(400, "country must be a two-letter code.");
  return { protocol, country: country?.toUpperCase() ?? null };
}

/** A full version from the path's (`9` → `9.8`), or null when it is none of the current ones. */
function fullVersion(prepared: PreparedIndex, text: string): string | null {
  if (!VERSION.test(text)) return null;
  const version = ownValue(prepared.index.config.aliases, text) ?? text;
  return prepared.currentVersions.has(version) ? version : null;
}

/** `/download/…`: the redirect or the Metalink 4 document. */
export function answerDownload(
  prepared: PreparedIndex,
  images: PreparedImages,
  pathname: string,
  search: string,
  client: Client,
  now: Date,
  options: { explainInBody?: boolean } = {},
): ImageAnswer {
  if (pathname.length > MAX_PATH_LENGTH) return refuse(400, "The path is too long.");
  const query = parseQuery(search);
  if ("status" in query) return query;
  const parts = pathname.split("/");
  const [empty, route, versionText, ...rest] = parts;
  const encodedName = rest.pop();
  if (empty !== "" || route !== "download" || !versionText || !encodedName || rest.length === 0) {
    return refuse(400, "Expected /download/<version>/<folder>/<file>, e.g. /download/9/isos/x86_64/CHECKSUM.");
  }
  let requested: string;
  try {
    requested = decodeURIComponent(encodedName);
  } catch {
    return refuse(400, "The file name is not valid percent-encoding.");
  }
  if (!rest.every((part) => SEGMENT.test(part))) return refuse(400, "The folder path is malformed.");
  const version = fullVersion(prepared, versionText);
  if (version === null) return refuse(404, `No current version "${versionText.slice(0, 16)}".`);
  const folder = images.byPath.get(`${version}/${rest.join("/")}/`);
  if (folder === undefined) return refuse(404, `No image folder ${version}/${rest.join("/")}/.`);
  const metalink = !folder.files.has(requested) && requested.endsWith(META4);
  const name = metalink ? requested.slice(0, -META4.length) : requested;
  const file = folder.files.get(name);
  if (file === undefined) {
    return refuse(404, `${name.slice(0, 100)} is not in the origin's CHECKSUM of ${folder.path}.`);
  }
  const { picks, seed } = selectMirrors(prepared, client, {
    kitten: false,
    ...query,
    now,
    only: (m) => carriers(prepared, folder).has(m),
    // A redirect needs the first pick only, the same as the Metalink's first.
    limit: metalink ? METALINK_URLS : 1,
  });
  const explain = explainPicks(picks, seed);
  if (picks.length === 0) {
    const reason = `No mirror has a verified copy of ${folder.path} for this request.`;
    return { status: 404, contentType: TEXT_TYPE, body: `${reason}\n`, explain: [reason] };
  }
  const urlOf = (p: Pick) =>
    `${baseUrl(p.mirror, false, query.protocol)}${folder.path}${encodeURIComponent(file.name)}`;
  if (metalink) {
    const body = metalink4Document({
      name: file.name,
      ...(file.size === undefined ? {} : { size: file.size }),
      sha256: file.sha256,
      urls: picks.slice(0, METALINK_URLS).map((p) => ({
        url: urlOf(p),
        ...(p.mirror.entry.country === undefined ? {} : { country: p.mirror.entry.country }),
      })),
      publishedAt: new Date(prepared.index.statusCheckedAt ?? 0),
      ...(options.explainInBody ? { explain } : {}),
    });
    return { status: 200, contentType: METALINK4_TYPE, body, explain };
  }
  const location = urlOf(picks[0] as Pick);
  return { status: 302, contentType: TEXT_TYPE, body: `${location}\n`, location, explain };
}

/** `/nearest/<tree>/<arch>/<version>`: up to five mirrors whose copy of the folder is verified, as JSON. */
export function answerNearest(
  prepared: PreparedIndex,
  images: PreparedImages,
  pathname: string,
  search: string,
  client: Client,
  now: Date,
): ImageAnswer {
  const query = parseQuery(search);
  if ("status" in query) return query;
  const [empty, route, tree, arch, versionText, ...extra] = pathname.replace(/\/$/, "").split("/");
  if (empty !== "" || route !== "nearest" || !tree || !arch || !versionText || extra.length > 0) {
    return refuse(400, "Expected /nearest/<tree>/<arch>/<version>, e.g. /nearest/isos/x86_64/9.");
  }
  if (!SEGMENT.test(tree) || !SEGMENT.test(arch)) return refuse(400, "The tree or arch is malformed.");
  const version = fullVersion(prepared, versionText);
  const folder = version === null ? undefined : images.byKey.get(`${tree}/${arch}/${version}`);
  if (folder === undefined) return refuse(404, `No image folder ${tree}/${arch}/${versionText.slice(0, 16)}.`);
  const { picks, seed } = selectMirrors(prepared, client, {
    kitten: false,
    ...query,
    now,
    only: (m) => carriers(prepared, folder).has(m),
    limit: NEAREST,
  });
  const mirrors = picks.slice(0, NEAREST).map((p) => ({
    name: p.mirror.entry.name,
    url: `${baseUrl(p.mirror, false, query.protocol)}${folder.path}`,
    ...(p.mirror.entry.country === undefined ? {} : { country: p.mirror.entry.country }),
  }));
  const body = `${JSON.stringify({ folder: folder.path, mirrors })}\n`;
  return { status: 200, contentType: JSON_TYPE, body, explain: explainPicks(picks.slice(0, NEAREST), seed) };
}

function explainPicks(picks: readonly Pick[], seed: string): string[] {
  return [`random order seeded by ${seed}`, ...picks.map((p) => `${p.mirror.entry.name}: ${p.reason}`)];
}

function refuse(status: 400 | 404, reason: string): ImageAnswer {
  return { status, contentType: TEXT_TYPE, body: `${reason}\n`, explain: [reason], shared: true };
}
