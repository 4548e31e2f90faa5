import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { schemaDiagnostics } from "../../src/core/schema/check-schema.ts";
import { parseYamlSource } from "../../src/core/yaml-source.ts";

/** A closed mapping inside an open one: `outer.inner` allows `known` alone. */
const validate = new Ajv2020({ allErrors: true }).compile({
  type: "object",
  additionalProperties: false,
  properties: {
    outer: {
      type: "object",
      additionalProperties: false,
      properties: { known: { type: "integer" } },
    },
  },
});

const source = (text: string) => {
  const { source } = parseYamlSource("x.yml", text);
  if (!source) throw new Error("the fixture must parse");
  return source;
};
const seen = (text: string, reportsUnknownKey: (path: readonly (string | number)[], key: string) => boolean) =>
  schemaDiagnostics(validate, source(text), reportsUnknownKey).map(
    (d) => `${d.line}:${d.column} ${d.code} ${d.message}`,
  );

describe("schema errors as diagnostics", () => {
  const text = "outer:\n  known: 1\n  stray: 2\nextra: 3\n";

  it("leaves out an unknown key's schema error only where the unknown-key rule reports that key", () => {
    expect(seen(text, () => true)).toEqual([]);
    // The rule looks at the top level only: the key in `outer` is still said, at the key, by name.
    expect(seen(text, (path) => path.length === 0)).toEqual([
      "3:3 schema `outer.stray` must NOT have additional properties.",
    ]);
    // The rule looks at `outer` but knows `stray` (it would not report it): the error stays.
    expect(seen(text, (path, key) => path.length === 0 || key !== "stray")).toEqual([
      "3:3 schema `outer.stray` must NOT have additional properties.",
    ]);
  });

  it("loses no schema error when no rule reports unknown keys", () => {
    expect(seen(text, () => false)).toEqual([
      "4:1 schema `extra` must NOT have additional properties.",
      "3:3 schema `outer.stray` must NOT have additional properties.",
    ]);
  });
});
