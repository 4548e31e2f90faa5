/**
 * The whole answer to one mirrorlist, isolist or metalink request, as the edge worker and the
 * simulator give it: status, media type, body (one URL per line, `$basearch` literal unless
 * `?arch=` is given; or a Metalink document) and the `--explain` trace. Pure; the caller supplies
 * the client and the time.
 */
import {
  type MetalinkResource,
  metalinkDocument,
  metalinkHead,
  metalinkRefusal,
} from "../metalink/metalink-document.ts";
import { repomdKey } from "../repomd/repomd-key.ts";
import type { PreparedIndex, PreparedMirror } from "./prepared-index.ts";
import { type Refusal, type ResolvedMetalink, type ResolvedRequest, resolveRequest } from "./resolve-request.ts";
import { baseUrl, type Client, type Pick, selectMirrors } from "./select-mirrors.ts";

export const TEXT_TYPE = "text/plain; charset=utf-8";
export const METALINK_TYPE = "application/metalink+xml";

export interface Answer {
  status: 200 | 400 | 404;
  contentType: typeof TEXT_TYPE | typeof METALINK_TYPE;
  /**
   * The body: URL lines, or the one-line reason of a refusal, ending with a newline; for a
   * metalink, the document (a refusal is a declaration and its reason as a comment).
   */
  body: string;
  /** Why each line is there (or why there is none), one line each; worded when read. */
  readonly explain: string[];
}

export interface AnswerOptions {
  /** Writes the explanation into a metalink document as XML comments (the simulator's `--explain`). */
  explainInBody?: boolean;
}

export function answerRequest(
  prepared: PreparedIndex,
  pathname: string,
  search: string,
  client: Client,
  now: Date,
  options: AnswerOptions = {},
): Answer {
  return answerResolved(prepared, resolveRequest(prepared, pathname, search), pathname, client, now, options);
}

/** The answer to a request `resolveRequest` already resolved (the worker resolves each request once). */
export function answerResolved(
  prepared: PreparedIndex,
  request: ResolvedRequest | Refusal,
  pathname: string,
  client: Client,
  now: Date,
  options: AnswerOptions = {},
): Answer {
  const metalink = pathname === "/metalink" || pathname.startsWith("/metalink/");
  if ("status" in request) return metalink ? refuseMetalink(request) : refuse(request);
  if (request.kind === "metalink") return answerMetalink(prepared, request, client, now, options);
  const suffix = pathSuffix(request);

  if (request.vault) {
    const line = `${prepared.index.config.vaultUrl}${request.version}/${suffix}`;
    return {
      status: 200,
      contentType: TEXT_TYPE,
      body: `${line}\n`,
      explain: [`vault: ${request.version} is served by the vault alone`],
    };
  }
  const { picks, seed } = selectMirrors(prepared, client, {
    kitten: request.kitten,
    protocol: request.protocol,
    country: request.country,
    now,
  });
  if (picks.length === 0) return refuse({ status: 404, reason: NO_MIRROR });
  const lines = picks.map((p) => `${baseUrl(p.mirror, request.kitten, request.protocol)}${request.version}/${suffix}`);
  return {
    status: 200,
    contentType: TEXT_TYPE,
    body: `${lines.join("\n")}\n`,
    get explain() {
      return explainPicks(picks, seed);
    },
  };
}

const NO_MIRROR = "No mirror matches this request.";

/**
 * The same selection as the mirrorlist, as a Metalink with the reference's hashes: librepo then
 * refuses a mirror whose copy matches neither the current version nor an alternate. Only mirrors
 * whose last check matched one are in the index at all (the others are not `ok`).
 */
function answerMetalink(
  prepared: PreparedIndex,
  request: ResolvedMetalink,
  client: Client,
  now: Date,
  options: AnswerOptions,
): Answer {
  const suffix = pathSuffix(request);
  const hashes = prepared.repomd.get(repomdKey(request.version, suffix));
  if (hashes === undefined) {
    return refuseMetalink({ status: 404, reason: `No repomd.xml hashes are known for ${request.version}/${suffix}.` });
  }
  const { picks, seed } = selectMirrors(prepared, client, {
    kitten: request.kitten,
    protocol: request.protocol,
    country: request.country,
    now,
  });
  if (picks.length === 0) return refuseMetalink({ status: 404, reason: NO_MIRROR });
  const resources = picks.flatMap((p) => metalinkResource(p.mirror, request) ?? []);
  const explain = () => explainPicks(picks, seed);
  const key = repomdKey(request.version, suffix);
  let head = prepared.metalinkHeads.get(key);
  if (head === undefined) {
    // The same for every client of this repo: written once per index, on its first request.
    head = metalinkHead(hashes, new Date(prepared.index.statusCheckedAt ?? 0));
    prepared.metalinkHeads.set(key, head);
  }
  const body = metalinkDocument(head, resources, options.explainInBody ? explain() : []);
  return {
    status: 200,
    contentType: METALINK_TYPE,
    body,
    get explain() {
      return explain();
    },
  };
}

/** A mirror's copy of the requested `repomd.xml`: the protocol asked for, else https where it has it. */
export function metalinkResource(mirror: PreparedMirror, request: ResolvedMetalink): MetalinkResource | null {
  const urls = request.kitten ? mirror.entry.kitten : mirror.entry.urls;
  const protocol = request.protocol ?? (urls?.https ? "https" : "http");
  const base = urls?.[protocol];
  if (base === undefined) return null;
  const url = `${base}${request.version}/${pathSuffix(request)}repodata/repomd.xml`;
  return { url, protocol, ...(mirror.entry.country === undefined ? {} : { country: mirror.entry.country }) };
}

function explainPicks(picks: readonly Pick[], seed: string): string[] {
  return [`random order seeded by ${seed}`, ...picks.map((p) => `${p.mirror.entry.name}: ${p.reason}`)];
}

/** What follows `<base><version>/` on every line. */
export function pathSuffix(request: ResolvedRequest): string {
  if (request.kind === "isolist") return `isos/${request.arch}/`;
  return request.arch === null ? request.repo.path : request.repo.path.replaceAll("$basearch", request.arch);
}

function refuse(refusal: Refusal): Answer {
  return { status: refusal.status, contentType: TEXT_TYPE, body: `${refusal.reason}\n`, explain: [refusal.reason] };
}

function refuseMetalink(refusal: Refusal): Answer {
  return {
    status: refusal.status,
    contentType: METALINK_TYPE,
    body: metalinkRefusal(refusal.reason),
    explain: [refusal.reason],
  };
}
