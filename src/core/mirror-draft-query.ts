/**
 * The query string of a prefilled join form: one parameter a field of `MIRROR_FIELDS`, named as
 * the field (the form is a GET form, so a filled form's URL is its own edit link).
 */
import { draftOf, draftValues, type FieldValue, initialValue, type MirrorDraft } from "./mirror-draft.ts";
import { MIRROR_FIELDS, type MirrorField } from "./mirror-fields.ts";

/** Lines of a textarea, trimmed, without blank ones. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Numbers as typed: spaces or commas between them, an optional `AS` prefix. Anything else stays NaN for the checks to name. */
function numbers(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => Number(token.replace(/^AS/i, "")));
}

/** The value of `field` a parameter gives (null: the parameter is absent). */
function fromParam(field: MirrorField, raw: string | null): FieldValue {
  switch (field.value) {
    case "text":
      return raw ?? initialValue(field);
    case "flag":
      // A checkbox is sent only when ticked.
      return raw !== null;
    case "lines":
      return lines(raw ?? "");
    case "numbers":
      return numbers(raw ?? "");
  }
}

/** The parameter of a field's value, or "" to leave it out. */
function toParam(field: MirrorField, value: FieldValue): string {
  if (typeof value === "boolean") return value ? "true" : "";
  if (typeof value === "string") return value;
  return value.join(field.value === "numbers" ? " " : "\n");
}

/** The draft a form (or a query string) holds; absent fields keep the empty draft's value. */
export function draftFromParams(params: URLSearchParams): MirrorDraft {
  return draftOf((field) => fromParam(field, params.get(field.name)));
}

/** The query string that prefills the form with `draft`; empty fields are left out. */
export function draftToParams(draft: MirrorDraft): URLSearchParams {
  const params = new URLSearchParams();
  const values = draftValues(draft);
  for (const field of MIRROR_FIELDS) {
    const param = toParam(field, values[field.name] ?? initialValue(field));
    if (param.trim()) params.set(field.name, param);
  }
  return params;
}
