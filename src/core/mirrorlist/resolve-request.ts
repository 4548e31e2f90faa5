/**
 * Turns a request's path and query into what to answer, or into a refusal: 400 for input that
 * is malformed, 404 for a version, repo or arch the distribution does not have. Every reason is
 * one line. Never throws, whatever the input.
 */
import { ownValue } from "../own-property.ts";
import type { IndexRepo } from "./index-format.ts";
import type { PreparedIndex } from "./prepared-index.ts";

/** The two protocols a mirrorlist hands out. */
export type WebProtocol = "http" | "https";

interface ResolvedCommon {
  /** The full version the lines carry (`8` is answered as `8.10`). */
  version: string;
  /** Answered by the single vault line. */
  vault: boolean;
  /** Served from the mirrors' Kitten trees. */
  kitten: boolean;
  /** Arch substituted for `$basearch`, or null to leave it literal. */
  arch: string | null;
  protocol: WebProtocol | null;
  /** `?country=`: only mirrors in that country. */
  country: string | null;
}

/** `/mirrorlist/<version>/<repo>`: lines `<base><version>/<repo path>`. */
export interface ResolvedMirrorlist extends ResolvedCommon {
  kind: "mirrorlist";
  repo: IndexRepo;
}

/** `/isolist/<version>/<arch>`: lines `<base><version>/isos/<arch>/`. */
export interface ResolvedIsolist extends ResolvedCommon {
  kind: "isolist";
  arch: string;
}

/**
 * `/metalink/<version>/<repo>?arch=<arch>` (or `/metalink/<version>/<repo>/<arch>`) or
 * MirrorManager's `/metalink?repo=<repo>-<version>&arch=`:
 * a Metalink document for `<base><version>/<repo path>/repodata/repomd.xml`; the arch is required.
 */
export interface ResolvedMetalink extends ResolvedCommon {
  kind: "metalink";
  repo: IndexRepo;
  arch: string;
}

export type ResolvedRequest = ResolvedMirrorlist | ResolvedIsolist | ResolvedMetalink;

/** A request that gets no list, with its HTTP status and a one-line reason. */
export interface Refusal {
  status: 400 | 404;
  reason: string;
}

const MAX_QUERY_LENGTH = 256;
const MAX_PATH_LENGTH = 200;
const VERSION = /^\d{1,3}(?:\.\d{1,3})?(?:-[a-z]{1,16})?$/;
const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/** Resolves `pathname` (e.g. `/mirrorlist/9/baseos`) and `search` (e.g. `?protocol=https`). */
export function resolveRequest(prepared: PreparedIndex, pathname: string, search: string): ResolvedRequest | Refusal {
  if (pathname.length > MAX_PATH_LENGTH) return bad("The path is too long.");
  if (search.length > MAX_QUERY_LENGTH) return bad(`The query string is longer than ${MAX_QUERY_LENGTH} characters.`);
  const query = parseQuery(search);
  if ("status" in query) return query;

  const parts = pathname.replace(/\/$/, "").split("/");
  if (parts.length === 2 && parts[1] === "metalink") return resolveMetalinkQuery(prepared, search, query);
  const [empty, kind, versionText, last, archInPath] = parts;
  // `/metalink/<version>/<repo>/<arch>`: the arch in the path, as the static metalinks are written.
  if (kind === "metalink" && parts.length === 5 && archInPath !== undefined && versionText && last) {
    if (!NAME.test(archInPath) || !NAME.test(last)) return bad("The repo or arch name is malformed.");
    return resolveMetalink(prepared, versionText, last, { ...query, arch: archInPath });
  }
  if (empty !== "" || (kind !== "mirrorlist" && kind !== "isolist" && kind !== "metalink") || parts.length !== 4) {
    return bad(
      "Expected /mirrorlist/<version>/<repo>, /metalink/<version>/<repo>?arch=<arch> or /isolist/<version>/<arch>.",
    );
  }
  if (!versionText || !VERSION.test(versionText)) return bad("The version is malformed; expected e.g. 9 or 9.8.");
  if (!last || !NAME.test(last)) return bad(`The ${kind === "isolist" ? "arch" : "repo"} name is malformed.`);
  if (kind === "metalink") return resolveMetalink(prepared, versionText, last, query);

  const version = ownValue(prepared.index.config.aliases, versionText) ?? versionText;
  const vault = prepared.vaultVersions.has(version);
  if (!vault && !prepared.currentVersions.has(version)) {
    return missing(
      `Unknown version "${versionText}"; known: ${[...Object.keys(prepared.index.config.aliases), ...prepared.currentVersions].join(", ")}.`,
    );
  }
  const common = { version, vault, kitten: prepared.kittenVersions.has(version), ...query };

  if (kind === "isolist") {
    const archRefusal = checkArch(prepared, version, last, null);
    return archRefusal ?? { kind, ...common, arch: last };
  }
  const repo = prepared.repos.get(last);
  if (!repo || !repoServes(repo, version, vault)) {
    return missing(`Unknown repo "${last}" for version ${version}.`);
  }
  const archRefusal = query.arch === null ? null : checkArch(prepared, version, query.arch, repo);
  return archRefusal ?? { kind, ...common, vault: vault || repo.vault === true, repo };
}

type Query = Pick<ResolvedCommon, "arch" | "protocol" | "country">;

/** MirrorManager's form: `repo=<repo>-<version>`, split at the first known repo name it starts with. */
function resolveMetalinkQuery(prepared: PreparedIndex, search: string, query: Query): ResolvedMetalink | Refusal {
  const param = new URLSearchParams(search).get("repo");
  if (param === null) return bad("repo is required, as repo=<repo>-<version> (e.g. baseos-9).");
  for (const repo of prepared.repos.values()) {
    const prefix = `${repo.name}-`;
    if (param.startsWith(prefix) && VERSION.test(param.slice(prefix.length))) {
      return resolveMetalink(prepared, param.slice(prefix.length), repo.name, query);
    }
  }
  return missing(`Unknown repo "${param.slice(0, 64)}"; expected <repo>-<version>, e.g. baseos-9.`);
}

function resolveMetalink(
  prepared: PreparedIndex,
  versionText: string,
  repoName: string,
  query: Query,
): ResolvedMetalink | Refusal {
  if (!VERSION.test(versionText)) return bad("The version is malformed; expected e.g. 9 or 9.8.");
  const version = prepared.index.config.aliases[versionText] ?? versionText;
  if (!prepared.currentVersions.has(version)) {
    return missing(
      `Unknown version "${versionText}" for a metalink; known: ${[...prepared.currentVersions].join(", ")}.`,
    );
  }
  const repo = prepared.repos.get(repoName);
  if (!repo || repo.vault === true || !repoServes(repo, version, false)) {
    return missing(`Unknown repo "${repoName}" for version ${version}.`);
  }
  if (query.arch === null) return bad("arch is required for a metalink, e.g. ?arch=x86_64.");
  const archRefusal = checkArch(prepared, version, query.arch, repo);
  if (archRefusal) return archRefusal;
  return {
    kind: "metalink",
    ...query,
    arch: query.arch,
    version,
    vault: false,
    kitten: prepared.kittenVersions.has(version),
    repo,
  };
}

function parseQuery(search: string): Query | Refusal {
  const params = new URLSearchParams(search);
  const protocol = params.get("protocol");
  if (protocol !== null && protocol !== "http" && protocol !== "https") {
    return bad('protocol must be "http" or "https".');
  }
  const country = params.get("country");
  if (country !== null && !COUNTRY.test(country)) return bad("country must be a two-letter ISO 3166-1 code.");
  const arch = params.get("arch");
  if (arch !== null && !NAME.test(arch)) return bad("The arch name is malformed.");
  return { protocol, country: country?.toUpperCase() ?? null, arch };
}

/**
 * Whether `repo` exists for `version`. A vault version takes the repos of its major version
 * (an 8.5 client may ask for powertools, which the config lists for 8.10).
 */
function repoServes(repo: IndexRepo, version: string, vault: boolean): boolean {
  if (!repo.versions) return true;
  if (!vault) return repo.versions.includes(version);
  const major = majorOf(version);
  return repo.versions.some((v) => majorOf(v) === major);
}

function checkArch(prepared: PreparedIndex, version: string, arch: string, repo: IndexRepo | null): Refusal | null {
  const { arches: byKey } = prepared.index.config;
  // Kitten has its own key (`10-kitten`); a full version uses its major's (`9.8` → `9`).
  const arches = ownValue(byKey, version) ?? ownValue(byKey, majorOf(version)) ?? [];
  const allowed = repo?.arches ? arches.filter((a) => repo.arches?.includes(a)) : arches;
  if (allowed.includes(arch)) return null;
  return missing(`Unknown arch "${arch}" for version ${version}; known: ${allowed.join(", ")}.`);
}

function majorOf(version: string): string {
  return version.split(/[.-]/)[0] ?? version;
}

function bad(reason: string): Refusal {
  return { status: 400, reason };
}

function missing(reason: string): Refusal {
  return { status: 404, reason };
}
