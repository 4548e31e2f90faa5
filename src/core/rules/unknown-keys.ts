/** Rule: keys the mirror format does not define are warned about, with a "did you mean". */
import { closest, distance } from "fastest-levenshtein";
import { KNOWN_KEYS } from "../schema/mirror-schema.ts";
import type { ValuePath } from "../yaml-source.ts";
import type { FileReporter } from "./reporter.ts";

/** Keys that belong to another mapping than the one they were found in. */
const MISPLACED: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ["geolocation", new Map([["asn", "`asn` belongs at the top level of the file, not under `geolocation`"]])],
]);

const MAPPINGS: { path: ValuePath; known: readonly string[]; label: string }[] = [
  { path: [], known: KNOWN_KEYS.root, label: "at the top level" },
  { path: ["address"], known: KNOWN_KEYS.address, label: "in `address`" },
  { path: ["address_optional"], known: KNOWN_KEYS.address_optional, label: "in `address_optional`" },
  {
    path: ["address_optional", "kitten"],
    known: KNOWN_KEYS.address,
    label: "in `address_optional.kitten`",
  },
  { path: ["geolocation"], known: KNOWN_KEYS.geolocation, label: "in `geolocation`" },
];

export function checkUnknownKeys(r: FileReporter): void {
  for (const { path, known, label } of MAPPINGS) {
    for (const key of r.source.keysAt(path)) {
      if (known.includes(key)) continue;
      const where = [...path, key];
      const misplaced = MISPLACED.get(String(path.at(-1)))?.get(key);
      const suggestion = suggest(key, known);
      const advice = misplaced
        ? `${misplaced}; move it there.`
        : suggestion
          ? `Did you mean \`${suggestion}\`? Rename it, or remove the key.`
          : `The keys known there are ${known.map((k) => `\`${k}\``).join(", ")}; remove it or use one of those.`;
      r.report(
        "warning",
        "unknown-key",
        where,
        `\`${key}\` is not a known key ${label}, so it is ignored. ${advice}`,
        "key",
      );
    }
  }
}

/** The known key closest to `key`, when it is close enough to be a likely typo. */
function suggest(key: string, known: readonly string[]): string | null {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const best = closest(lower, [...known]);
  return distance(lower, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}
