/**
 * Runs a JSON schema over a parsed file and turns ajv's errors into diagnostics that say,
 * in words, what to write instead, at the line and column of the offending value.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { LIST_SEPARATOR } from "../diagnostic-text.ts";
import { type Diagnostic, type DiagnosticParams, makeDiagnostic } from "../diagnostics.ts";
import type { YamlSource } from "../yaml-source.ts";

/** Turns the errors of one schema-validation into diagnostics (one per problem, no echoes). */
export function schemaDiagnostics(validate: ValidateFunction, source: YamlSource): Diagnostic[] {
  if (validate(source.value)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const described = explain(error);
    if (described === null) continue;
    const d = makeDiagnostic(
      source.file,
      source.positionOf(described.path, described.at),
      "error",
      described.code,
      described.about ?? described.path,
      described.params,
    );
    const key = `${described.path.join("/")}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

interface Described {
  /** Where the diagnostic is placed. */
  path: (string | number)[];
  at: "key" | "value";
  /** The path it is about, when not `path` (a missing key's own). */
  about?: (string | number)[];
  code: string;
  params: DiagnosticParams;
}

/** Keys with a hint of what to write (`diagnostic.part.hint.<key>`); others get a general one. */
const HINTED = new Set([
  "name",
  "address",
  "update_frequency",
  "sponsor",
  "sponsor_url",
  "country",
  "cloud_regions",
  "private",
  "latitude",
  "longitude",
]);

/** Type lists with a wording of their own (`diagnostic.part.type.<types>`). */
const TYPES = new Set([
  "string",
  "integer",
  "number",
  "boolean",
  "object",
  "array",
  "string-or-null",
  "integer-or-array",
  "string-or-array",
  "string-or-object",
]);

function explain(error: ErrorObject): Described | null {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where: DiagnosticParams = path.length === 0 ? { where: "file" } : { where: "path", path: path.join(".") };
  const params = error.params as Record<string, unknown>;
  const last = path.at(-1);

  // The monopoly rule: `if` reports its own failure beside the `then` errors; keep only one.
  if (error.keyword === "if") return null;
  // A key the format does not define: the unknown-key rule names it, with a "did you mean".
  if (error.keyword === "additionalProperties") return null;
  // `anyOf` reports each failed branch as well as itself; the summary says it all.
  if (error.schemaPath.includes("/anyOf/")) return null;
  if (error.schemaPath.startsWith("#/then")) {
    return { path: ["monopoly"], at: "key", code: "monopoly-needs-private", params: {} };
  }
  switch (error.keyword) {
    case "required": {
      const key = String(params.missingProperty);
      return {
        path,
        at: "key",
        about: [...path, key],
        code: "missing-key",
        params: { ...where, key, hint: hint(key) },
      };
    }
    case "anyOf":
      // Only `address` (and its Kitten twin) use anyOf: http or https must be there.
      return { path, at: "key", code: "missing-web-url", params: where };
    case "type": {
      const types = Array.isArray(params.type) ? params.type.map(String) : [String(params.type)];
      const id = types.join("-or-");
      return {
        path,
        at: "value",
        code: "wrong-type",
        params: { ...where, type: TYPES.has(id) ? id : "other", example: exampleOf(types[0] ?? "") },
      };
    }
    case "pattern":
      if (last === "name") return { path, at: "value", code: "name-not-host", params: {} };
      return { path, at: "value", code: "bad-format", params: where };
    case "enum":
      return {
        path,
        at: "value",
        code: "unknown-value",
        params: { ...where, allowed: (params.allowedValues as unknown[]).map(String).join(LIST_SEPARATOR) },
      };
    case "dependentRequired": {
      const property = String(params.property);
      const key = String(params.missingProperty);
      const cloud = property === "cloud_type";
      return {
        path: [...path, property],
        at: "key",
        about: [...path, key],
        code: cloud ? "cloud-needs-regions" : "missing-key",
        params: { ...(cloud ? {} : { variant: "beside" }), property, key, hint: hint(key) },
      };
    }
    case "minimum":
    case "maximum":
      return {
        path,
        at: "value",
        code: last === "asn" || path[0] === "asn" ? "asn-out-of-range" : "out-of-range",
        params: { ...where, bound: error.keyword, limit: Number(params.limit) },
      };
    case "minLength":
      return { path, at: "value", code: "empty-value", params: { ...where, variant: "text" } };
    case "minItems":
      return { path, at: "value", code: "empty-value", params: { ...where, variant: "list" } };
    default:
      return { path, at: "value", code: "schema", params: { ...where, detail: error.message ?? "is not valid" } };
  }
}

function hint(key: string): string {
  return HINTED.has(key) ? key : "other";
}

/** Which example of a value to give (`diagnostic.part.example.<kind>`), by the first type allowed. */
function exampleOf(type: string): string {
  return ["integer", "boolean", "object", "array", "number"].includes(type) ? type : "text";
}
