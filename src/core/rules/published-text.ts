/**
 * Rule: the free text the site publishes (sponsor, update frequency, city, region, cloud
 * regions) holds no e-mail address. The contact `email` is the one field never published; a
 * YAML alias (`state_province: *contact` after `email: &contact …`) or a copy would publish it
 * anyway. An error, not a silent drop: the sponsor learns where the address sits and removes it.
 */
import type { ValuePath } from "../value-path.ts";
import { type FileReporter, valueAt } from "./reporter.ts";

/** The published free-text fields; the others are checked as URLs, host names, codes or enums. */
const PUBLISHED_TEXT: readonly ValuePath[] = [
  ["sponsor"],
  ["update_frequency"],
  ["geolocation", "city"],
  ["geolocation", "state_province"],
];

/**
 * Something shaped like an e-mail address: local part, `@`, a dotted domain. The lookbehind lets
 * a match start only at a token's start, so a long hostile value is scanned once, not quadratically.
 */
const EMAIL_SHAPE = /(?<![^\s@<>()[\]])[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[^\s@<>()[\]]+/;

export function checkPublishedText(r: FileReporter): void {
  const contact = r.source.value.email;
  // Only a contact that is an address is looked for: `email: n` must not refuse every `n`.
  const contactAddress = typeof contact === "string" && EMAIL_SHAPE.test(contact) ? contact.trim().toLowerCase() : "";
  const regions = r.source.value.cloud_regions;
  const paths = [
    ...PUBLISHED_TEXT,
    ...(Array.isArray(regions) ? regions.map((_, i): ValuePath => ["cloud_regions", i]) : []),
  ];
  for (const path of paths) {
    const value = valueAt(r.source.value, path);
    if (typeof value !== "string") continue;
    const holdsContact = contactAddress !== "" && value.toLowerCase().includes(contactAddress);
    if (holdsContact || EMAIL_SHAPE.test(value)) {
      r.report("error", "email-in-public-field", path, { field: path.filter((s) => typeof s === "string").join(".") });
    }
  }
}
