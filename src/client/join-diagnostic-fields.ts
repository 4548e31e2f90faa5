/**
 * Which form field a diagnostic of the form's YAML is about, from the diagnostic's value path
 * alone (`["address", "https"]` → the https field).
 */

import type { Diagnostic } from "../core/diagnostics.ts";
import { kittenField } from "../core/mirror-fields.ts";
import { PROTOCOLS } from "../core/types.ts";
import type { ValuePath } from "../core/value-path.ts";

/**
 * YAML key path (dotted) → form field; a path not listed falls back to its longest listed prefix.
 * A Map, as the paths come from pasted text (`constructor:` must find nothing).
 */
const FIELD_OF_PATH = new Map<string, string>([
  ["name", "name"],
  ["address", "https"],
  ["address_optional", "kittenHttps"],
  ["address_optional.kitten", "kittenHttps"],
  ["update_frequency", "updateFrequency"],
  ["sponsor", "sponsor"],
  ["sponsor_url", "sponsorUrl"],
  ["email", "email"],
  ["geolocation", "country"],
  ["geolocation.country", "country"],
  ["geolocation.state_province", "region"],
  ["geolocation.city", "city"],
  ["private", "private"],
  ["monopoly", "monopoly"],
  ["subnets", "subnets"],
  ["asn", "asns"],
  ["cloud_type", "cloudType"],
  ["cloud_regions", "cloudRegions"],
]);
for (const protocol of PROTOCOLS) {
  FIELD_OF_PATH.set(`address.${protocol}`, protocol);
  FIELD_OF_PATH.set(`address_optional.kitten.${protocol}`, kittenField(protocol));
}

/** The form field of value path `path`, or null when it is about no one field (or the whole file). */
export function fieldOfPath(path: ValuePath): string | null {
  const keys = path.map(String);
  for (let n = keys.length; n > 0; n--) {
    const field = FIELD_OF_PATH.get(keys.slice(0, n).join("."));
    if (field) return field;
  }
  return null;
}

/** The form field `diagnostic` is about, or null when it is about no one field. */
export function fieldOfDiagnostic(diagnostic: Diagnostic): string | null {
  return fieldOfPath(diagnostic.path);
}
