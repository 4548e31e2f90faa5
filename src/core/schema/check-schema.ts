/**
 * The one translator of schema (ajv) errors into diagnostics. For the registry's YAML files it
 * runs the schema and says, in words, what to write instead, at the line and column of the
 * offending value; for the status file it words the first error (`statusSchemaProblem`).
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import type { DiagnosticCode } from "../diagnostic-catalogue.ts";
import { LIST_SEPARATOR } from "../diagnostic-text.ts";
import { type Diagnostic, type DiagnosticParams, makeDiagnostic } from "../diagnostics.ts";
import type { ValuePath, YamlSource } from "../yaml-source.ts";

/**
 * Whether the file's unknown-key rule reports `key` in the mapping at `path` (with a "did you
 * mean"): then the schema's own `additionalProperties` error there, which says less, is left out.
 */
export type ReportsUnknownKey = (path: ValuePath, key: string) => boolean;

/** Turns the errors of one schema-validation into diagnostics (one per problem, no echoes). */
export function schemaDiagnostics(
  validate: ValidateFunction,
  source: YamlSource,
  reportsUnknownKey: ReportsUnknownKey,
): Diagnostic[] {
  if (validate(source.value)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const described = explain(error, reportsUnknownKey);
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
  path: ValuePath;
  at: "key" | "value";
  /** The path it is about, when not `path` (a missing key's own). */
  about?: ValuePath;
  code: DiagnosticCode;
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

/** The value path of ajv's `instancePath` (a JSON Pointer); an index is a number. */
function errorPath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function explain(error: ErrorObject, reportsUnknownKey: ReportsUnknownKey): Described | null {
  const path = errorPath(error);
  const where: DiagnosticParams = path.length === 0 ? { where: "file" } : { where: "path", path: path.join(".") };
  const params = error.params as Record<string, unknown>;
  const last = path.at(-1);
  const message = error.message ?? "is not valid";

  // The monopoly rule: `if` reports its own failure beside the `then` errors; keep only one.
  if (error.keyword === "if") return null;
  // A key the format does not define: the unknown-key rule names it, with a "did you mean";
  // where that rule does not look, the schema's error is kept, placed at the key and naming it.
  if (error.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    if (reportsUnknownKey(path, key)) return null;
    const keyPath = [...path, key];
    const named = { where: "path", path: keyPath.join("."), detail: message };
    return { path: keyPath, at: "key", code: "schema", params: named };
  }
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
      if (path.length === 1 && last === "name") return { path, at: "value", code: "name-not-host", params: {} };
      if (path.length === 3 && path[0] === "repos" && last === "path") {
        return { path, at: "value", code: "unsafe-repo-path", params: where };
      }
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
      return { path, at: "value", code: "schema", params: { ...where, detail: message } };
  }
}

function hint(key: string): string {
  return HINTED.has(key) ? key : "other";
}

/** Which example of a value to give (`diagnostic.part.example.<kind>`), by the first type allowed. */
function exampleOf(type: string): string {
  return ["integer", "boolean", "object", "array", "number"].includes(type) ? type : "text";
}

/**
 * Where the status file's (or, below `prefix`, one entry's) first schema error is, and the
 * params of `diagnostic.part.status.<problem>` that say what is wrong there.
 */
export function statusSchemaProblem(
  error: ErrorObject | undefined,
  prefix: ValuePath,
): { path: ValuePath; params: DiagnosticParams } {
  if (error === undefined) {
    return { path: prefix, params: { problem: "invalid", ...statusWhere(prefix) } };
  }
  const path = [...prefix, ...errorPath(error)];
  if (error.keyword === "required") path.push(String((error.params as { missingProperty: string }).missingProperty));
  const where = statusWhere(path);
  if (error.keyword === "required") return { path, params: { problem: "missing", ...where } };
  if (error.keyword === "enum") {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String).join(", ");
    return { path, params: { problem: "enum", ...where, allowed } };
  }
  return { path, params: { problem: "other", ...where, detail: error.message ?? "is not valid" } };
}

function statusWhere(path: ValuePath): DiagnosticParams {
  return path.length === 0 ? { where: "status-file" } : { where: "path", path: path.join(".") };
}
