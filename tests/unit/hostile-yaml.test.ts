/**
 * Hostile YAML found by the property tests (`property-*.test.ts`), pinned as plain cases:
 * diagnostics stay inside the file, deep nesting and huge files are refused quickly in words.
 */
import { describe, expect, it } from "vitest";
import { checkConfigFile } from "../../src/core/config-file.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import { MAX_MIRROR_FILE_CHARS } from "../../src/core/yaml-source.ts";
import { check, withLines } from "./helpers.ts";

const found = (text: string) =>
  checkMirrorFile("x.yml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

/** Milliseconds of the fastest of three calls (a stall of the shared machine is not the core's). */
function fastestMs(call: () => void): number {
  return Math.min(
    ...[1, 2, 3].map(() => {
      const started = performance.now();
      call();
      return performance.now() - started;
    }),
  );
}

describe("hostile YAML", () => {
  it("places a syntax error inside a malformed plain scalar on its own line", () => {
    // `yaml`'s LineCounter missed the line break after `*x y` and put these on line 3, column 23.
    const text = "---\nname: a.example.org\naddress: *x y\n  http: http://a.example.org\n  https:";
    expect(found(text)).toEqual(["3:10 yaml-syntax", "3:13 yaml-syntax", "4:9 yaml-syntax", "4:9 yaml-syntax"]);
  });

  it("refuses deep nesting in words, at the bracket that goes too deep, without parsing it", () => {
    const text = `name: a.example.org\ncity: ${"[".repeat(3000)}${"]".repeat(3000)}\n`;
    const { mirror, diagnostics } = checkMirrorFile("x.yml", text);
    expect(mirror).toBeNull();
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["2:71 yaml-syntax"]);
    expect(diagnostics[0]?.message).toMatch(/nests .* too deeply/);
    expect(checkConfigFile("config.yml", `a: ${"{b: ".repeat(2000)}`).diagnostics).toHaveLength(1);
  });

  it("says at most 20 syntax errors of one file", () => {
    expect(found(`a: ${"[x, ".repeat(60)}`).length).toBeLessThanOrEqual(20);
  });

  it("refuses a mirror file over 16 KiB unread, and answers one just under it quickly", () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: value ${i}`).join("\n");
    expect(found(`a: "${"x".repeat(MAX_MIRROR_FILE_CHARS)}"\n`)).toEqual(["1:1 file-too-large"]);
    // Unknown keys cost the YAML parser time that grows with their square: 1,200 is the worst case.
    const many = `name: a.example.org\n${keys(1200)}`.slice(0, MAX_MIRROR_FILE_CHARS);
    // About 100 ms on a quiet machine; the bound leaves room for two busy cores (330 ms seen) and
    // still fails when the cap stops working (a file of twice the size costs four times as much).
    expect(fastestMs(() => checkMirrorFile("x.yml", many))).toBeLessThan(1000);
  });

  it("publishes a subnets URL parsed and percent-encoded, and refuses one without a host", () => {
    // It was passed on as written whenever it started with `https://`.
    const listed = check(withLines("private: true", 'subnets: "https://example.org/nets.txt?<script>"'));
    expect(listed.mirror?.subnetsUrl).toBe("https://example.org/nets.txt?%3Cscript%3E");
    expect(check(withLines("private: true", 'subnets: "https:// x"')).found).toContain("15:10 error bad-subnet");
  });
});
