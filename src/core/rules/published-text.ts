/**
 * Rule: what the site publishes from a mirror file holds no e-mail address. The free-text fields
 * (sponsor, update frequency, city, region, cloud regions) and every URL (the base URLs, the
 * sponsor's page, the subnets list) are published; the contact `email` is the one field never
 * published, and a YAML alias (`state_province: *contact` after `email: &contact …`), a copy or
 * a URL built on it (`rsync://alice@example.org/`) would publish it anyway. An error, not a
 * silent drop: the sponsor learns where the address sits and removes it.
 */
import { decodedUrlText, holdsEmail } from "../email-shape.ts";
import type { ValuePath } from "../value-path.ts";
import { type FileReporter, valueAt } from "./reporter.ts";

/** The published free-text fields; the others are checked as URLs, host names, codes or enums. */
const PUBLISHED_TEXT: readonly ValuePath[] = [
  ["sponsor"],
  ["update_frequency"],
  ["geolocation", "city"],
  ["geolocation", "state_province"],
];

export function checkPublishedText(r: FileReporter): void {
  const contact = contactAddress(r);
  const regions = r.source.value.cloud_regions;
  const paths = [
    ...PUBLISHED_TEXT,
    ...(Array.isArray(regions) ? regions.map((_, i): ValuePath => ["cloud_regions", i]) : []),
  ];
  for (const path of paths) {
    const value = valueAt(r.source.value, path);
    if (typeof value !== "string") continue;
    const holdsContact = contact !== "" && value.toLowerCase().includes(contact);
    if (holdsContact || holdsEmail(value)) {
      r.report("error", "email-in-public-field", path, { field: fieldName(path) });
    }
  }
}

/**
 * Refuses a URL at `path` that would publish an address: `published` (the URL as the site writes
 * it) shaped like one anywhere, percent-escapes decoded, or `raw` (as the file writes it, a user
 * name included) holding the file's contact address. Returns whether it was refused.
 */
export function checkPublishedUrl(r: FileReporter, path: ValuePath, raw: string, published: string): boolean {
  const contact = contactAddress(r);
  const holdsContact = contact !== "" && decodedUrlText(raw).toLowerCase().includes(contact);
  if (!holdsContact && !holdsEmail(decodedUrlText(published))) return false;
  r.report("error", "email-in-url", path, { path: fieldName(path) });
  return true;
}

/** The file's contact, lower case; empty unless it is an address (`email: n` must not refuse every `n`). */
function contactAddress(r: FileReporter): string {
  const contact = r.source.value.email;
  return typeof contact === "string" && holdsEmail(contact) ? contact.trim().toLowerCase() : "";
}

function fieldName(path: ValuePath): string {
  return path.filter((s) => typeof s === "string").join(".");
}
