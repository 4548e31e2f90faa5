/**
 * Positions in the status file by scanning its JSON: the same places a `yaml` document of it
 * gives (the way they were found before). The hostile files at the size cap are in
 * tests/integration/status-size-cap.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { jsonPositions } from "../../src/core/status/json-positions.ts";
import type { ValuePath } from "../../src/core/value-path.ts";

/** Every path to a value in `value`. */
function pathsOf(value: unknown, prefix: ValuePath = []): ValuePath[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === "object") {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return [prefix];
}

/** The reference: where a `yaml` document of the text puts the value at `path`. */
function yamlPosition(text: string, path: ValuePath) {
  const lineCounter = new LineCounter();
  let node = parseDocument(text, { lineCounter }).contents as Node | null;
  for (const segment of path) {
    if (isMap(node))
      node = node.items.findLast((p) => String((p.key as { value?: unknown }).value) === String(segment))
        ?.value as Node;
    else if (isSeq(node)) node = node.items[Number(segment)] as Node;
  }
  const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
  return { line, column: col };
}

describe("jsonPositions", () => {
  it("places every value where a yaml document of the JSON does, in any layout", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }).filter((v) => v !== null && typeof v === "object"),
        fc.constantFrom(0, 1, 2, "\t"),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent);
          const positions = jsonPositions(text);
          for (const path of pathsOf(value))
            expect(positions(path), JSON.stringify(path)).toEqual(yamlPosition(text, path));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("places a missing path at the deepest value found, and a duplicate key at its last occurrence", () => {
    const text = '{\n "a": {"b": 1, "b": [10,\n  20]},\n "c": "x\\"}"\n}';
    const positions = jsonPositions(text);
    expect(positions(["a", "b", 1])).toEqual({ line: 3, column: 3 });
    expect(positions(["a", "zz", 3])).toEqual({ line: 2, column: 7 });
    expect(positions(["c"])).toEqual({ line: 4, column: 7 });
  });
});
