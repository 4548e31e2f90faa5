/**
 * The one table of the mirror file's fields a sponsor fills in. Each row says where the value
 * sits in the YAML, how it is held and written, which form control edits it, and where its label
 * and hint are in the locale files. Everything else is derived from it: the draft type and the
 * YAML writer (`mirror-draft.ts`), the query-string codec (`mirror-draft-query.ts`), the lookup
 * of a diagnostic's field (`fieldOfPath`) and the join form's markup (`JoinForm.astro`).
 * Pure: used by the pages at build time and by the form in the browser.
 */
import type { Protocol } from "./types.ts";
import { PROTOCOLS } from "./types.ts";
import type { ValuePath } from "./value-path.ts";

/** What a field holds in a draft, by the row's `value`. */
export interface FieldValues {
  /** One line of text; "" is "not given". */
  text: string;
  /** A checkbox. */
  flag: boolean;
  /** One item a line (a textarea). */
  lines: string[];
  /** Numbers separated by spaces or commas (ASNs); a token that is no number stays NaN for the checks to name. */
  numbers: number[];
}
export type ValueKind = keyof FieldValues;

/** The control that edits a field, with the attributes it carries. */
export type FieldControl =
  | { kind: "input"; type: "text" | "url" | "email"; autocomplete?: string }
  | { kind: "textarea"; rows: number }
  | { kind: "select"; options: "countries" | "cloudTypes"; none: string }
  | { kind: "checkbox" };

/** How the form groups its fields: the markup wraps each run of rows of one group. */
export const FIELD_GROUPS = {
  main: { kind: "plain" },
  urls: { kind: "fieldset", legend: "join.field.urls", hint: "join.field.urlsHint", required: true },
  kitten: { kind: "fieldset", legend: "join.field.kittenUrls", hint: "join.field.kittenUrlsHint" },
  location: { kind: "fieldset", legend: "join.field.location" },
  advanced: { kind: "details", legend: "join.field.advanced" },
} as const;
export type FieldGroup = keyof typeof FIELD_GROUPS;

interface FieldRow<K extends ValueKind> {
  /** The form control's `name` (its id is `join-<name>`), the query-string key and the draft's key: one name, so a filled form's URL is its own edit link. */
  name: string;
  /** Where the value sits in the mirror file; the writer puts keys in the order of the table. */
  path: ValuePath;
  value: K;
  control: FieldControl;
  /** Locale keys of the label and the hint under it. */
  label: string;
  hint?: string;
  /** The protocol named in the label (`{{protocol}}`). */
  protocol?: Protocol;
  group: FieldGroup;
  /** Marked required in the form (the schema requires the key). */
  required?: boolean;
  /** Host names, URLs and codes: no spelling checks or capitals. */
  code?: boolean;
  /** The empty form's value, when not the kind's empty one. */
  initial?: FieldValues[K];
  /** Written in capitals (country codes). */
  upperCase?: boolean;
  /** How a one-item list is written: as that item, or as it only when it is an https URL (a published list of subnets). */
  single?: "scalar" | "https-url";
  /** Mappings whose diagnostics this field shows (a missing `address`: the https field). */
  alsoFor?: readonly ValuePath[];
}

/** A row of the table, checked against its value kind. */
export type MirrorFieldSpec = { [K in ValueKind]: FieldRow<K> }[ValueKind];

/** The form field of a protocol's Kitten URL, like `kittenHttps`. */
function kittenName<P extends Protocol>(protocol: P): `kitten${Capitalize<P>}` {
  return `kitten${protocol.charAt(0).toUpperCase()}${protocol.slice(1)}` as `kitten${Capitalize<P>}`;
}

function addressRow<P extends Protocol>(protocol: P) {
  return {
    name: protocol,
    path: ["address", protocol],
    value: "text",
    control: { kind: "input", type: "url" },
    label: "join.field.url",
    protocol,
    group: "urls",
    code: true,
    // A finding about the whole `address` (none given at all) is shown at the https field, the one to fill first.
    ...(protocol === "https" ? { alsoFor: [["address"]] } : {}),
  } as const;
}

function kittenRow<P extends Protocol>(protocol: P) {
  return {
    name: kittenName(protocol),
    path: ["address_optional", "kitten", protocol],
    value: "text",
    control: { kind: "input", type: "url" },
    label: "join.field.kittenUrl",
    protocol,
    group: "kitten",
    code: true,
    // Likewise for the whole Kitten tree.
    ...(protocol === "https" ? { alsoFor: [["address_optional"], ["address_optional", "kitten"]] } : {}),
  } as const;
}

/** Every field, in the order of the form and of the file's keys. */
export const MIRROR_FIELDS = [
  {
    name: "name",
    path: ["name"],
    value: "text",
    control: { kind: "input", type: "text" },
    label: "join.field.name",
    hint: "join.field.nameHint",
    group: "main",
    required: true,
    code: true,
  },
  ...PROTOCOLS.map(addressRow),
  ...PROTOCOLS.map(kittenRow),
  {
    name: "updateFrequency",
    path: ["update_frequency"],
    value: "text",
    control: { kind: "input", type: "text" },
    label: "join.field.updateFrequency",
    hint: "join.field.updateFrequencyHint",
    group: "main",
    required: true,
    code: true,
    initial: "3h",
  },
  {
    name: "sponsor",
    path: ["sponsor"],
    value: "text",
    control: { kind: "input", type: "text", autocomplete: "organization" },
    label: "join.field.sponsor",
    hint: "join.field.sponsorHint",
    group: "main",
    required: true,
  },
  {
    name: "sponsorUrl",
    path: ["sponsor_url"],
    value: "text",
    control: { kind: "input", type: "url", autocomplete: "url" },
    label: "join.field.sponsorUrl",
    hint: "join.field.sponsorUrlHint",
    group: "main",
    required: true,
    code: true,
  },
  {
    name: "email",
    path: ["email"],
    value: "text",
    control: { kind: "input", type: "email", autocomplete: "email" },
    label: "join.field.email",
    hint: "join.field.emailHint",
    group: "main",
    code: true,
  },
  {
    name: "country",
    path: ["geolocation", "country"],
    value: "text",
    control: { kind: "select", options: "countries", none: "join.field.countryNone" },
    label: "join.field.country",
    group: "location",
    upperCase: true,
    alsoFor: [["geolocation"]],
  },
  {
    name: "region",
    path: ["geolocation", "state_province"],
    value: "text",
    control: { kind: "input", type: "text", autocomplete: "address-level1" },
    label: "join.field.region",
    group: "location",
  },
  {
    name: "city",
    path: ["geolocation", "city"],
    value: "text",
    control: { kind: "input", type: "text", autocomplete: "address-level2" },
    label: "join.field.city",
    group: "location",
  },
  {
    name: "private",
    path: ["private"],
    value: "flag",
    control: { kind: "checkbox" },
    label: "join.field.private",
    group: "advanced",
  },
  {
    name: "monopoly",
    path: ["monopoly"],
    value: "flag",
    control: { kind: "checkbox" },
    label: "join.field.monopoly",
    group: "advanced",
  },
  {
    name: "subnets",
    path: ["subnets"],
    value: "lines",
    control: { kind: "textarea", rows: 3 },
    label: "join.field.subnets",
    hint: "join.field.subnetsHint",
    group: "advanced",
    code: true,
    single: "https-url",
  },
  {
    name: "asns",
    path: ["asn"],
    value: "numbers",
    control: { kind: "input", type: "text" },
    label: "join.field.asns",
    hint: "join.field.asnsHint",
    group: "advanced",
    code: true,
    single: "scalar",
  },
  {
    name: "cloudType",
    path: ["cloud_type"],
    value: "text",
    control: { kind: "select", options: "cloudTypes", none: "join.field.cloudNone" },
    label: "join.field.cloudType",
    group: "advanced",
  },
  {
    name: "cloudRegions",
    path: ["cloud_regions"],
    value: "lines",
    control: { kind: "textarea", rows: 2 },
    label: "join.field.cloudRegions",
    hint: "join.field.cloudRegionsHint",
    group: "advanced",
    code: true,
  },
] as const satisfies readonly MirrorFieldSpec[];

/** One row of the table, with its literal name, path and locale keys. */
export type MirrorField = (typeof MIRROR_FIELDS)[number];
export type FieldName = MirrorField["name"];

/** Every field name, in the order of the form. */
export const FIELD_NAMES: readonly FieldName[] = MIRROR_FIELDS.map((field) => field.name);

/** The table cut into runs of neighbouring rows of one group: the form's fieldsets, in order. */
export function fieldRuns(): { group: FieldGroup; fields: MirrorField[] }[] {
  const runs: { group: FieldGroup; fields: MirrorField[] }[] = [];
  for (const field of MIRROR_FIELDS) {
    const last = runs.at(-1);
    if (last?.group === field.group) last.fields.push(field);
    else runs.push({ group: field.group, fields: [field] });
  }
  return runs;
}

/** A path as a Map key; JSON, so that a YAML key with a dot in it stays one key. */
const keyOf = (path: ValuePath) => JSON.stringify(path.map(String));

/** Value path → field: each row's own path and the mappings it stands for. */
const FIELD_OF_PATH = new Map<string, FieldName>(
  MIRROR_FIELDS.flatMap((field) =>
    [field.path, ...("alsoFor" in field ? field.alsoFor : [])].map((path) => [keyOf(path), field.name]),
  ),
);

/**
 * The form field a diagnostic with value path `path` is about: the row of the path's longest
 * listed prefix (`["subnets", 2]` → `subnets`), or null when it is about no one field.
 */
export function fieldOfPath(path: ValuePath): FieldName | null {
  for (let n = path.length; n > 0; n--) {
    const field = FIELD_OF_PATH.get(keyOf(path.slice(0, n)));
    if (field) return field;
  }
  return null;
}
