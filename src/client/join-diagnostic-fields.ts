/**
 * Which form field a diagnostic of the form's YAML is about: from the key on the diagnostic's
 * line, or, for a missing key, from the key the message asks to add.
 */

import { kittenField } from "../components/join/fields.ts";
import type { Diagnostic } from "../core/diagnostics.ts";
import { PROTOCOLS } from "../core/types.ts";

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
  ["country", "country"],
]);
for (const protocol of PROTOCOLS) {
  FIELD_OF_PATH.set(`address.${protocol}`, protocol);
  FIELD_OF_PATH.set(`address_optional.kitten.${protocol}`, kittenField(protocol));
}

/** The key path of the mapping key on, or holding the list item on, 1-based `line` of a block-style YAML text. */
export function keyPathAtLine(yaml: string, line: number): string[] {
  const stack: { indent: number; key: string }[] = [];
  const rows = yaml.split("\n").slice(0, line);
  for (const row of rows) {
    const match = /^(\s*)(- )?([A-Za-z_]+):/.exec(row);
    if (!match || match[2]) continue;
    const indent = match[1]?.length ?? 0;
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    stack.push({ indent, key: match[3] ?? "" });
  }
  const last = rows.at(-1) ?? "";
  const indent = /^\s*/.exec(last)?.[0].length ?? 0;
  // A list item belongs to the key above it; a key line is its own path.
  if (/^\s*- /.test(last)) while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
  return stack.map((s) => s.key);
}

function fieldOfPath(path: readonly string[]): string | null {
  for (let n = path.length; n > 0; n--) {
    const field = FIELD_OF_PATH.get(path.slice(0, n).join("."));
    if (field) return field;
  }
  return null;
}

/** The form field `diagnostic` (of the YAML `yaml`) is about, or null when it is about no one field. */
export function fieldOfDiagnostic(diagnostic: Diagnostic, yaml: string): string | null {
  if (diagnostic.code === "missing-geolocation") return "country";
  if (diagnostic.code === "missing-key" || diagnostic.code === "cloud-needs-regions") {
    const missing = /Add `([a-z_]+):`/.exec(diagnostic.message)?.[1];
    if (missing === "address") return "https";
    if (missing) return FIELD_OF_PATH.get(missing) ?? null;
  }
  if (diagnostic.code === "missing-web-url") {
    return diagnostic.message.startsWith("`address_optional") ? "kittenHttps" : "https";
  }
  return fieldOfPath(keyPathAtLine(yaml, diagnostic.line));
}
