/**
 * Runs a JSON schema over a parsed file and turns ajv's errors into diagnostics that say,
 * in words, what to write instead, at the line and column of the offending value.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Diagnostic } from "../diagnostics.ts";
import type { YamlSource } from "../yaml-source.ts";

/** Turns the errors of one schema-validation into diagnostics (one per problem, no echoes). */
export function schemaDiagnostics(validate: ValidateFunction, source: YamlSource): Diagnostic[] {
  if (validate(source.value)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const described = explain(error);
    if (described === null) continue;
    const key = `${described.path.join("/")}|${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = source.positionOf(described.path, described.at);
    out.push({
      file: source.file,
      line: pos.line,
      column: pos.column,
      severity: "error",
      code: described.code,
      message: described.message,
    });
  }
  return out;
}

interface Described {
  path: (string | number)[];
  at: "key" | "value";
  code: string;
  message: string;
}

function explain(error: ErrorObject): Described | null {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = path.length === 0 ? "The file" : `\`${path.join(".")}\``;
  const params = error.params as Record<string, unknown>;
  const last = path.at(-1);

  // The monopoly rule: `if` reports its own failure beside the `then` errors; keep only one.
  if (error.keyword === "if") return null;
  // `anyOf` reports each failed branch as well as itself; the summary says it all.
  if (error.schemaPath.includes("/anyOf/")) return null;
  if (error.schemaPath.startsWith("#/then")) {
    return {
      path: ["monopoly"],
      at: "key",
      code: "monopoly-needs-private",
      message:
        "`monopoly: true` only applies to a private mirror. Add `private: true` with its `subnets` or `asn`, or remove `monopoly`.",
    };
  }
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      return {
        path,
        at: "key",
        code: "missing-key",
        message: `${where} has no \`${missing}\` key. Add \`${missing}:\` ${hintFor(missing)}.`,
      };
    }
    case "anyOf":
      // Only `address` (and its Kitten twin) use anyOf: http or https must be there.
      return {
        path,
        at: "key",
        code: "missing-web-url",
        message: `${where} needs an \`http\` or \`https\` URL: package managers download over HTTP. Add \`https: https://your.host/almalinux/\`.`,
      };
    case "type": {
      const expected = Array.isArray(params.type) ? params.type.join(" or ") : String(params.type);
      return {
        path,
        at: "value",
        code: "wrong-type",
        message: `${where} must be ${article(expected)}; write it as ${exampleOf(expected)}.`,
      };
    }
    case "pattern":
      if (last === "name") {
        return {
          path,
          at: "value",
          code: "name-not-host",
          message: "`name` must be the mirror's host name, like `mirror.example.org`, without `https://` or a path.",
        };
      }
      return {
        path,
        at: "value",
        code: "bad-format",
        message: `${where} does not have the expected form.`,
      };
    case "enum":
      return {
        path,
        at: "value",
        code: "unknown-value",
        message: `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(", ")}.`,
      };
    case "dependentRequired": {
      const property = String(params.property);
      const missing = String(params.missingProperty);
      const code = property === "cloud_type" ? "cloud-needs-regions" : "missing-key";
      return {
        path: [...path, property],
        at: "key",
        code,
        message: `\`${property}\` needs \`${missing}\` beside it. Add \`${missing}:\` ${hintFor(missing)}.`,
      };
    }
    case "minimum":
    case "maximum":
      return {
        path,
        at: "value",
        code: last === "asn" || path[0] === "asn" ? "asn-out-of-range" : "out-of-range",
        message: `${where} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(params.limit)}.`,
      };
    case "minLength":
      return {
        path,
        at: "value",
        code: "empty-value",
        message: `${where} is empty. Write a value or remove the key.`,
      };
    case "minItems":
      return {
        path,
        at: "value",
        code: "empty-value",
        message: `${where} is an empty list. List at least one item or remove the key.`,
      };
    default:
      return {
        path,
        at: "value",
        code: "schema",
        message: `${where} ${error.message ?? "is not valid"}.`,
      };
  }
}

function hintFor(key: string): string {
  const hints: Record<string, string> = {
    name: "with the mirror's host name, like `mirror.example.org`",
    address: "with the base URLs of the mirror, like `https: https://mirror.example.org/almalinux/`",
    update_frequency: "with how often the mirror syncs, like `3h`",
    sponsor: "with the name of the organisation that runs the mirror",
    sponsor_url: "with the sponsor's web site, like `https://example.org`",
    country: "with the ISO 3166-1 alpha-2 code of the mirror's country, like `DE`",
    cloud_regions: "with the provider's regions the mirror serves, as a list (`- all` for every region)",
    private: "`true`",
    latitude: "in decimal degrees, like `50.11`",
    longitude: "in decimal degrees, like `8.68`",
  };
  return hints[key] ?? "with a value";
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function exampleOf(type: string): string {
  if (type.startsWith("integer")) return "a number without quotes, like `64500`";
  if (type.startsWith("boolean")) return "`true` or `false` without quotes";
  if (type.startsWith("object")) return "an indented mapping of keys";
  if (type.startsWith("array")) return "a list of `- item` lines";
  if (type.startsWith("number")) return "a decimal number without quotes";
  return "text";
}
