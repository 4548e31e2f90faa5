/**
 * The table of mirror fields drives the draft, the YAML writer, the query string and the field
 * lookup: every key of the mirror schema a sponsor fills in has a row, and every row survives
 * each of them. (The form's markup is checked against the table in tests/e2e/join.spec.ts.)
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  draftFromMirror,
  draftToYaml,
  draftValues,
  emptyDraft,
  type FieldValue,
  type MirrorDraft,
} from "../../src/core/mirror-draft.ts";
import { draftFromParams, draftToParams } from "../../src/core/mirror-draft-query.ts";
import {
  FIELD_GROUPS,
  FIELD_NAMES,
  fieldOfPath,
  fieldRuns,
  MIRROR_FIELDS,
  type MirrorField,
} from "../../src/core/mirror-fields.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import { mirrorSchema } from "../../src/core/schema/mirror-schema.ts";
import { valueAt } from "../../src/core/value-path.ts";
import { filledDraft } from "../fixtures/filled-draft.ts";

/** Schema keys the form leaves to hand editing, and why. */
const NOT_IN_FORM = new Map([
  ["geolocation.continent", "the country decides the continent"],
  ["geolocation.latitude", "coordinates are for hand-placed mirrors; the site geocodes the city"],
  ["geolocation.longitude", "as latitude"],
]);

/** The dotted paths of every leaf key of a schema's object properties. */
function leafPaths(schema: unknown, prefix: string[] = []): string[] {
  const properties = (schema as { properties?: Record<string, unknown> }).properties;
  if (!properties) return [prefix.join(".")];
  return Object.entries(properties).flatMap(([key, sub]) => leafPaths(sub, [...prefix, key]));
}

/** The filled draft's values by field name. */
const FILLED = draftValues(filledDraft());

describe("the table of mirror fields", () => {
  it("has a row for every key of the mirror schema a sponsor fills in, and only those", () => {
    const rows = MIRROR_FIELDS.map((field) => field.path.join("."));
    const keys = leafPaths(mirrorSchema).filter((path) => !NOT_IN_FORM.has(path));
    expect([...rows].sort()).toEqual([...keys].sort());
    expect(new Set(FIELD_NAMES).size).toBe(MIRROR_FIELDS.length);
  });

  it("marks required what the schema requires (the address through its fieldset)", () => {
    const required = MIRROR_FIELDS.filter((field) => "required" in field).map((field) => field.path.join("."));
    expect([...required, "address"].sort()).toEqual([...mirrorSchema.required].sort());
    expect(FIELD_GROUPS.urls.required).toBe(true);
  });

  it("is its own form order: the runs of groups cover every row once, in order", () => {
    expect(fieldRuns().flatMap((run) => run.fields)).toEqual([...MIRROR_FIELDS]);
    expect(fieldRuns().map((run) => run.group)).toEqual(["main", "urls", "kitten", "main", "location", "advanced"]);
  });

  it.each(MIRROR_FIELDS.map((field) => [field.name, field] as const))(
    "round-trips %s through the query string",
    (name, field) => {
      const draft = { ...emptyDraft(), [name]: FILLED[name] } as MirrorDraft;
      const params = draftToParams(draft);
      expect(params.has(name)).toBe(true);
      expect(draftFromParams(params)).toEqual(draft);
      // Alone in the query, it changes only its own field of the empty draft.
      const alone = draftFromParams(new URLSearchParams([[name, params.get(name) ?? ""]]));
      expect(alone).toEqual({ ...emptyDraft(), [field.name]: FILLED[name] });
    },
  );

  it.each(MIRROR_FIELDS.map((field) => [field.name, field] as const))("writes %s at its value path", (name, field) => {
    const file = parse(draftToYaml(filledDraft()));
    const value = FILLED[name];
    const written = valueAt(file, field.path);
    if (field.path[0] === "geolocation" && field.path[1] === "country")
      expect(written).toBe(String(value).toUpperCase());
    else expect(written).toEqual(value);
    // Left empty, its key is left out.
    const empty = parse(draftToYaml({ ...filledDraft(), [name]: draftValues(emptyDraft())[name] }));
    if (name !== "updateFrequency") expect(valueAt(empty, field.path)).toBeUndefined();
  });

  it("writes the file's keys in the order of the table", () => {
    const file = parse(draftToYaml(filledDraft()));
    const firstKeys = [...new Set(MIRROR_FIELDS.map((field) => String(field.path[0])))];
    expect(Object.keys(file)).toEqual(firstKeys);
  });

  it("gives back the same draft from the mirror its file lists (draft → YAML → mirror → draft)", () => {
    const { mirror, diagnostics } = checkMirrorFile("mirror.example.org.yml", draftToYaml(filledDraft()));
    expect(diagnostics).toEqual([]);
    if (!mirror) throw new Error("no mirror");
    // The e-mail is never published, so a listed mirror's draft has none.
    expect(draftFromMirror(mirror)).toEqual({ ...filledDraft(), email: "" });
  });

  it.each(MIRROR_FIELDS.map((field) => [field.name, field] as const))(
    "finds %s from its value path and below",
    (name, field: MirrorField) => {
      expect(fieldOfPath(field.path)).toBe(name);
      expect(fieldOfPath([...field.path, 0])).toBe(name);
      for (const path of "alsoFor" in field ? field.alsoFor : []) expect(fieldOfPath(path)).toBe(name);
    },
  );

  it("finds no field for the whole file or a key of no row", () => {
    expect(fieldOfPath([])).toBeNull();
    expect(fieldOfPath(["address_options"])).toBeNull();
    expect(fieldOfPath(["constructor"])).toBeNull();
    expect(fieldOfPath(["address.https"])).toBeNull();
  });
});

/** One broken value per field the checks can fault, and the field they then name (by default, itself). */
const BROKEN: [name: string, value: FieldValue, named?: string][] = [
  // A monopoly needs `private: true`: the finding is about the monopoly the owner asked for.
  ["private", false, "monopoly"],
  ["name", "https://mirror.example.org/"],
  ["http", "javascript:alert(1)"],
  ["https", "javascript:alert(1)"],
  ["rsync", "javascript:alert(1)"],
  ["ftp", "javascript:alert(1)"],
  ["kittenHttp", "javascript:alert(1)"],
  ["kittenHttps", "javascript:alert(1)"],
  ["kittenRsync", "javascript:alert(1)"],
  ["kittenFtp", "javascript:alert(1)"],
  ["updateFrequency", ""],
  ["sponsor", ""],
  ["sponsorUrl", "javascript:alert(1)"],
  ["country", "XX"],
  ["subnets", ["not a network"]],
  ["asns", [0]],
  ["cloudType", "nimbus"],
  ["cloudRegions", []],
];

describe("the checks of a draft with one broken field", () => {
  it.each(BROKEN)("point at the field when %s is broken", (name, value, named = name) => {
    const yaml = draftToYaml({ ...filledDraft(), [name]: value });
    const { diagnostics } = checkMirrorFile("mirror.example.org.yml", yaml);
    expect(diagnostics.length, yaml).toBeGreaterThan(0);
    for (const d of diagnostics) expect(fieldOfPath(d.path), `${d.code} at ${d.path.join(".")}`).toBe(named);
  });
});
