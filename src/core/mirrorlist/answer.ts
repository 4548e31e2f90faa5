/**
 * The whole answer to one mirrorlist or isolist request, as the edge worker and the simulator
 * give it: status, body (one URL per line, `$basearch` literal unless `?arch=` is given) and the
 * `--explain` trace. Pure; the caller supplies the client and the time.
 */
import type { PreparedIndex } from "./prepared-index.ts";
import { type Refusal, type ResolvedRequest, resolveRequest } from "./resolve-request.ts";
import { baseUrl, type Client, selectMirrors } from "./select-mirrors.ts";

export interface Answer {
  status: 200 | 400 | 404;
  /** The text to send: URL lines, or the one-line reason of a refusal; ends with a newline. */
  body: string;
  /** Why each line is there (or why there is none), one line each. */
  explain: string[];
}

export function answerRequest(
  prepared: PreparedIndex,
  pathname: string,
  search: string,
  client: Client,
  now: Date,
): Answer {
  const request = resolveRequest(prepared, pathname, search);
  if ("status" in request) return refuse(request);
  const suffix = pathSuffix(request);

  if (request.vault) {
    const line = `${prepared.index.config.vaultUrl}${request.version}/${suffix}`;
    return { status: 200, body: `${line}\n`, explain: [`vault: ${request.version} is served by the vault alone`] };
  }
  const { picks, seed } = selectMirrors(prepared, client, {
    kitten: request.kitten,
    protocol: request.protocol,
    country: request.country,
    now,
  });
  if (picks.length === 0) return refuse({ status: 404, reason: "No mirror matches this request." });
  const lines = picks.map((p) => `${baseUrl(p.mirror, request.kitten, request.protocol)}${request.version}/${suffix}`);
  const explain = [`random order seeded by ${seed}`, ...picks.map((p) => `${p.mirror.entry.name}: ${p.reason}`)];
  return { status: 200, body: `${lines.join("\n")}\n`, explain };
}

/** What follows `<base><version>/` on every line. */
export function pathSuffix(request: ResolvedRequest): string {
  if (request.kind === "isolist") return `isos/${request.arch}/`;
  return request.arch === null ? request.repo.path : request.repo.path.replaceAll("$basearch", request.arch);
}

function refuse(refusal: Refusal): Answer {
  return { status: refusal.status, body: `${refusal.reason}\n`, explain: [refusal.reason] };
}
