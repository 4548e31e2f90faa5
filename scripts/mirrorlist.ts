/**
 * `npm run mirrorlist -- [--index FILE] [--ip IP] [--country CC] [--lat X --lon Y] [--asn N]
 *   [--date YYYY-MM-DD] [--explain] PATH`
 * Prints exactly the body the edge worker would answer for PATH (e.g.
 * `/mirrorlist/9/baseos?protocol=https`, `/metalink/9/baseos?arch=x86_64`, `/download/9/isos/x86_64/CHECKSUM`
 * (a redirect prints its target), `….meta4`, `/nearest/isos/x86_64/9`, `/debug/json/ip_info`) to a client with that
 * address, country, place and network; `--explain` writes why each mirror is there to stderr, or,
 * for a metalink, into the document as XML comments. With `--ip` and neither `--country` nor
 * `--lat`/`--lon`, the client is placed by its address with the same IP geolocation database the
 * build uses, as Cloudflare's `request.cf` places it at the edge. Without `--index` the index is
 * built from the registry (`MIRRORS_DIR`, `MIRRORS_CONFIG`, `MIRRORS_STATUS`). Exit 0 for a 200 or 302
 * answer, 1 otherwise, 2 for bad usage.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { IP_GEOLOCATION_CREDIT } from "../src/core/geo/ip-geolocation.ts";
import { answerDownload, answerNearest, type PreparedImages, prepareImages } from "../src/core/images/edge-images.ts";
import { type ImageAsset, imageAsset } from "../src/core/images/image-index.ts";
import { loadRegistry } from "../src/core/load.ts";
import { escapeLogText } from "../src/core/log-text.ts";
import { METALINK4_TYPE } from "../src/core/metalink/metalink4-document.ts";
import { answerRequest, METALINK_TYPE } from "../src/core/mirrorlist/answer.ts";
import { clientFromRequest } from "../src/core/mirrorlist/client.ts";
import { DEBUG_PATHS, debugAnswer } from "../src/core/mirrorlist/debug-answers.ts";
import { exportIndex } from "../src/core/mirrorlist/export-index.ts";
import type { MirrorlistIndex } from "../src/core/mirrorlist/index-format.ts";
import { type PreparedIndex, prepareIndex } from "../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../src/core/mirrorlist/read-index.ts";
import { specialAddressRange } from "../src/core/net/special-addresses.ts";
import { continentOf } from "../src/core/rules/country.ts";
import type { Registry } from "../src/core/types.ts";
import { loadIpGeolocation, registryPlacedByAddress } from "../src/site/ip-geolocation-db.ts";
import { geonamesLocator } from "../src/site/mirror-coordinates.ts";

const USAGE =
  "usage: npm run mirrorlist -- [--index FILE] [--ip IP] [--country CC] [--lat X --lon Y] [--asn N] [--date YYYY-MM-DD] [--explain] PATH";

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = args;
  const [target] = positionals;
  if (positionals.length !== 1 || !target) return usage("Give exactly one PATH, e.g. /mirrorlist/9/baseos.");
  if ((values.lat === undefined) !== (values.lon === undefined)) return usage("Give --lat and --lon together.");
  const now = values.date ? new Date(`${values.date}T12:00:00Z`) : new Date();
  if (Number.isNaN(now.getTime())) return usage(`--date must be YYYY-MM-DD, not "${values.date}".`);

  const placed = values.ip && !values.country && values.lat === undefined ? placeByIp(values.ip) : null;
  const country = values.country?.toUpperCase() ?? placed?.country;
  const client = clientFromRequest(values.ip ?? null, {
    asn: values.asn === undefined ? undefined : Number(values.asn),
    country,
    continent: country ? continentOf(country) : undefined,
    latitude: values.lat ?? placed?.latitude,
    longitude: values.lon ?? placed?.longitude,
  });
  if (values.ip && !client.ip) return usage(`--ip "${values.ip}" is not an IP address.`);

  const url = new URL(target, "http://mirrorlist.invalid");
  const registry = values.index ? null : registryPlacedByAddress(loadRegistry());
  const prepared = prepareIndex(
    values.index ? readIndex(values.index) : exportIndex(registry as Registry, geonamesLocator()),
  );
  const explainInBody = values.explain;
  const images = () => imagesFor(values.index, registry, prepared);
  const answer = url.pathname.startsWith("/download/")
    ? answerDownload(prepared, images(), url.pathname, url.search, client, now, { explainInBody })
    : url.pathname.startsWith("/nearest/")
      ? answerNearest(prepared, images(), url.pathname, url.search, client, now)
      : DEBUG_PATHS.has(url.pathname)
        ? { status: 200, body: debugAnswer(prepared, url.pathname, values.ip ?? null, client, now), explain: [] }
        : answerRequest(prepared, url.pathname, url.search, client, now, { explainInBody });
  // A redirect prints its target, as `curl -w '%{redirect_url}'` would.
  process.stdout.write(answer.body);
  if (values.explain) {
    // A metalink carries its explanation inside the document; where the client was placed goes here.
    const inBody =
      "contentType" in answer && (answer.contentType === METALINK_TYPE || answer.contentType === METALINK4_TYPE);
    const picks = inBody ? [] : answer.explain;
    const explain = placed ? [placed.explain, ...picks] : picks;
    process.stderr.write(explain.map((line) => `# ${escapeLogText(line)}\n`).join(""));
  }
  return answer.status === 200 || answer.status === 302 ? 0 : 1;
}

/** The image folders: `v1-images.json` beside `--index`, or made from the registry's status. */
function imagesFor(index: string | undefined, registry: Registry | null, prepared: PreparedIndex): PreparedImages {
  if (index === undefined) {
    const names = prepared.index.mirrors.map((m) => m.name);
    const config = registry?.config;
    return prepareImages(config ? imageAsset(config, registry.status, names) : { format: 1, folders: {} });
  }
  const beside = join(dirname(index), "v1-images.json");
  if (!existsSync(beside)) return prepareImages({ format: 1, folders: {} });
  return prepareImages(JSON.parse(readFileSync(beside, "utf8")) as ImageAsset);
}

/**
 * The client's country and point from its address, as `request.cf` would give them at the edge,
 * with a line for `--explain`. Special addresses (private, documentation …) are not looked up.
 */
function placeByIp(ip: string): { country?: string; latitude?: string; longitude?: string; explain: string } {
  const range = specialAddressRange(ip);
  if (range === "invalid") return { explain: "" };
  if (range !== null) {
    return { explain: `client ${ip} is a ${range} address: not looked up, so the client is not placed` };
  }
  const place = loadIpGeolocation().lookup(ip);
  if (!place) return { explain: `client ${ip} is not in the IP geolocation database: the client is not placed` };
  const where = [place.city, place.region, place.country].filter(Boolean).join(", ");
  return {
    country: place.country,
    latitude: String(place.latitude),
    longitude: String(place.longitude),
    explain: `client ${ip} placed by its address in ${where} (${place.latitude}, ${place.longitude}), ${IP_GEOLOCATION_CREDIT.text}, as request.cf places it at the edge`,
  };
}

function readIndex(path: string): MirrorlistIndex {
  return parseIndex(readFileSync(path, "utf8"));
}

/** Options whose value may be a negative number, which users type as its own argument. */
const NUMERIC_OPTIONS = new Set(["--lat", "--lon"]);

/**
 * `--lon -73.58` as `--lon=-73.58`: `parseArgs` takes any argument that starts with `-` for an
 * option and refuses it as a value, and users type coordinates west and south that way.
 */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const next = argv[i + 1];
    if (NUMERIC_OPTIONS.has(arg) && next?.startsWith("-") && Number.isFinite(Number(next))) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

function parse(argv: string[]) {
  return parseArgs({
    args: joinNegativeNumbers(argv),
    allowPositionals: true,
    options: {
      index: { type: "string" },
      ip: { type: "string" },
      country: { type: "string" },
      lat: { type: "string" },
      lon: { type: "string" },
      asn: { type: "string" },
      date: { type: "string" },
      explain: { type: "boolean", default: false },
    },
  });
}

function usage(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
