import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES, parseYamlSource } from "../../src/core/yaml-source.ts";

const codes = (text: string) =>
  parseYamlSource("x.yml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

describe("loading YAML with positions", () => {
  it("reports a syntax error at its line and column, without throwing", () => {
    expect(codes("name: a\naddress: [http://x/\nsponsor: b\n")).toEqual(["3:1 yaml-syntax"]);
  });

  it("refuses empty files, non-mappings and several documents", () => {
    expect(codes("")).toEqual(["1:1 empty-file"]);
    expect(codes("# only a comment\n")).toEqual(["1:1 empty-file"]);
    expect(codes("- a\n- b\n")).toEqual(["1:1 not-a-mapping"]);
    expect(codes("just a string\n")).toEqual(["1:1 not-a-mapping"]);
    expect(codes("---\na: 1\n---\nb: 2\n")[0]).toMatch(/yaml-syntax/);
  });

  it("refuses oversized files before parsing them", () => {
    expect(codes(`a: "${"x".repeat(MAX_SOURCE_BYTES)}"\n`)).toEqual(["1:1 file-too-large"]);
  });

  it("stops an alias bomb quickly with a diagnostic", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(9)
          .fill(`*${"abcdefghij"[i - 1]}`)
          .join(",")}]`,
      );
    const started = performance.now();
    expect(codes(`${lines.join("\n")}\n`)).toEqual(["1:1 yaml-aliases"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("keeps duplicate keys as a warning, the last value winning as upstream's loader does", () => {
    const { source, diagnostics } = parseYamlSource("x.yml", "a: 1\nb: 2\na: 3\n");
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      "3:1 warning duplicate-key",
    ]);
    expect(source?.value).toEqual({ a: 3, b: 2 });
  });

  it("places values, keys and missing keys", () => {
    const { source } = parseYamlSource("x.yml", "---\nname: x\ngeo:\n  country: DE\n  list:\n    - one\n    - two\n");
    expect(source?.positionOf(["geo", "country"])).toEqual({ line: 4, column: 12 });
    expect(source?.positionOf(["geo", "country"], "key")).toEqual({ line: 4, column: 3 });
    expect(source?.positionOf(["geo", "list", 1])).toEqual({ line: 7, column: 7 });
    expect(source?.positionOf(["geo", "missing"])).toEqual({ line: 4, column: 3 });
    expect(source?.positionOf([])).toEqual({ line: 2, column: 1 });
  });
});
