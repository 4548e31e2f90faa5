/** Rule: keys the mirror format does not define are warned about, with a "did you mean". */
import { closest, distance } from "fastest-levenshtein";
import { LIST_SEPARATOR } from "../diagnostic-text.ts";
import { KNOWN_KEYS } from "../schema/mirror-schema.ts";
import type { ValuePath } from "../yaml-source.ts";
import type { FileReporter } from "./reporter.ts";

/** Top-level keys found in another mapping, by that mapping. */
const MISPLACED: ReadonlyMap<string, ReadonlySet<string>> = new Map([["geolocation", new Set(["asn"])]]);

const MAPPINGS: { path: ValuePath; known: readonly string[] }[] = [
  { path: [], known: KNOWN_KEYS.root },
  { path: ["address"], known: KNOWN_KEYS.address },
  { path: ["address_optional"], known: KNOWN_KEYS.address_optional },
  { path: ["address_optional", "kitten"], known: KNOWN_KEYS.address },
  { path: ["geolocation"], known: KNOWN_KEYS.geolocation },
];

export function checkUnknownKeys(r: FileReporter): void {
  for (const { path, known } of MAPPINGS) {
    for (const key of r.source.keysAt(path)) {
      if (!known.includes(key)) reportUnknownKey(r, path, key, known);
    }
  }
}

/** Whether `checkUnknownKeys` reports `key` in the mapping at `path`. */
export function reportsUnknownMirrorKey(path: ValuePath, key: string): boolean {
  const mapping = MAPPINGS.find((m) => m.path.length === path.length && m.path.every((s, i) => s === path[i]));
  return mapping !== undefined && !mapping.known.includes(key);
}

/**
 * Reports `key`, found in the mapping at `path` where only `known` are defined: a key of the
 * top level found lower down is told to move, one close to a known key gets a "did you mean",
 * any other the list of known keys. A mirror file's unknown key is ignored with a warning; with
 * `refused`, the key makes the whole file an error (the distribution config, whose format is closed).
 */
export function reportUnknownKey(
  r: FileReporter,
  path: ValuePath,
  key: string,
  known: readonly string[],
  refused = false,
): void {
  const parent = path.join(".");
  const mapping = path.length === 0 ? { mapping: "top" } : { mapping: "in", parent };
  const suggestion = suggest(key, known);
  const advice = MISPLACED.get(parent)?.has(key)
    ? { variant: "misplaced" }
    : suggestion
      ? { variant: "similar", suggestion }
      : { variant: "known", known: known.join(LIST_SEPARATOR) };
  const params = { key, ...mapping, ...advice, ...(refused ? { variant: `refused-${advice.variant}` } : {}) };
  r.report(refused ? "error" : "warning", "unknown-key", [...path, key], params, { at: "key" });
}

/** The known key closest to `key`, when it is close enough to be a likely typo. */
function suggest(key: string, known: readonly string[]): string | null {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const best = closest(lower, [...known]);
  return distance(lower, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}
