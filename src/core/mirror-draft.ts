/**
 * A mirror file being written by hand or in the join form: the draft (one value per row of
 * `MIRROR_FIELDS`), the YAML it gives (in the registry's key order and style), and the draft that
 * re-creates a listed mirror so its owner can edit it. Pure: runs in the browser as well as in Node.
 */
import { stringify } from "yaml";
import { type FieldValues, MIRROR_FIELDS, type MirrorField, type ValueKind } from "./mirror-fields.ts";
import type { Mirror } from "./types.ts";

/** What the join form holds, keyed by field name; empty strings and lists mean "not given". */
export type MirrorDraft = { [F in MirrorField as F["name"]]: FieldValues[F["value"]] };

/** Any one field's value, for code that walks the table. */
export type FieldValue = FieldValues[ValueKind];

/** The draft's values by field name. */
export function draftValues(draft: MirrorDraft): Readonly<Record<string, FieldValue>> {
  return draft;
}

/** A draft from one value per field (what the walkers of the table build). */
export function draftOf(value: (field: MirrorField) => FieldValue): MirrorDraft {
  return Object.fromEntries(MIRROR_FIELDS.map((field) => [field.name, value(field)])) as MirrorDraft;
}

/** The empty form's value of `field`. */
export function initialValue(field: MirrorField): FieldValue {
  if ("initial" in field) return field.initial;
  return field.value === "text" ? "" : field.value === "flag" ? false : [];
}

export function emptyDraft(): MirrorDraft {
  return draftOf(initialValue);
}

/**
 * The draft of a listed mirror, for its edit link. The e-mail is never published, so its owner
 * types it again. Spelled out, as the normalised `Mirror` is not shaped like the file; being a
 * `MirrorDraft`, it fails the type check when a row of the table has no value here.
 */
export function draftFromMirror(mirror: Mirror): MirrorDraft {
  const { urls, kittenUrls } = mirror;
  return {
    name: mirror.name,
    http: urls.http ?? "",
    https: urls.https ?? "",
    rsync: urls.rsync ?? "",
    ftp: urls.ftp ?? "",
    kittenHttp: kittenUrls?.http ?? "",
    kittenHttps: kittenUrls?.https ?? "",
    kittenRsync: kittenUrls?.rsync ?? "",
    kittenFtp: kittenUrls?.ftp ?? "",
    updateFrequency: mirror.updateFrequency,
    sponsor: mirror.sponsor,
    sponsorUrl: mirror.sponsorUrl,
    email: "",
    country: mirror.location?.country ?? "",
    region: mirror.location?.region ?? "",
    city: mirror.location?.city ?? "",
    private: mirror.private,
    monopoly: mirror.monopoly,
    subnets: mirror.subnetsUrl ? [mirror.subnetsUrl] : [...mirror.subnets],
    asns: [...mirror.asns],
    cloudType: mirror.cloud?.type ?? "",
    cloudRegions: [...(mirror.cloud?.regions ?? [])],
  };
}

/** What the file holds for `value` of `field`, or undefined to leave the key out. */
function yamlValue(field: MirrorField, value: FieldValue): unknown {
  if (typeof value === "string") {
    const text = value.trim();
    if (!text) return undefined;
    return "upperCase" in field ? text.toUpperCase() : text;
  }
  if (typeof value === "boolean") return value || undefined;
  const items = value.map((item) => (typeof item === "string" ? item.trim() : item)).filter((item) => item !== "");
  if (items.length === 0) return undefined;
  const single = "single" in field ? field.single : undefined;
  const [only] = items;
  if (items.length === 1 && (single === "scalar" || (single === "https-url" && String(only).startsWith("https://"))))
    return only;
  return items;
}

/** The mirror file for a draft, in the key order and document markers of the registry's files. */
export function draftToYaml(draft: MirrorDraft): string {
  const file: Record<string, unknown> = {};
  const values = draftValues(draft);
  for (const field of MIRROR_FIELDS) {
    const value = yamlValue(field, values[field.name] ?? initialValue(field));
    if (value === undefined) continue;
    // Mappings are made as their first key is written, so the file's keys keep the table's order.
    let mapping = file;
    for (const key of field.path.slice(0, -1)) {
      mapping[key] ??= {};
      mapping = mapping[key] as Record<string, unknown>;
    }
    mapping[field.path.at(-1) as string] = value;
  }
  return `---\n${stringify(file, { lineWidth: 0 })}...\n`;
}
