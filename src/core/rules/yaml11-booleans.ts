/**
 * Rule: upstream reads files with a YAML 1.1 parser, where `yes`/`no`/`on`/`off` are booleans.
 * We parse YAML 1.2 (so that `country: NO` stays Norway) and accept those words in the boolean
 * keys, with a warning, before the schema runs.
 */
import type { FileReporter } from "./reporter.ts";

const BOOLEAN_KEYS = ["private", "monopoly"] as const;
const WORDS: ReadonlyMap<string, boolean> = new Map([
  ["yes", true],
  ["y", true],
  ["on", true],
  ["no", false],
  ["n", false],
  ["off", false],
]);

export function coerceYaml11Booleans(r: FileReporter): void {
  const value = r.source.value;
  for (const key of BOOLEAN_KEYS) {
    const raw = value[key];
    if (typeof raw !== "string") continue;
    const meaning = WORDS.get(raw.trim().toLowerCase());
    if (meaning === undefined) continue;
    value[key] = meaning;
    r.report("warning", "yaml11-boolean", [key], { value: raw, meaning: String(meaning) });
  }
}
