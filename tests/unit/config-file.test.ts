import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConfigFile } from "../../src/core/config-file.ts";

const real = readFileSync("config.yml", "utf8");
const found = (text: string) =>
  checkConfigFile("config.yml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

describe("the distribution config", () => {
  it("accepts the real config", () => {
    expect(found(real)).toEqual([]);
  });

  it("rejects a repo version that no list defines, at its line", () => {
    const text = real.replace(
      '  - name: crb\n    path: CRB/$basearch/os/\n    versions:\n      - "9.8"',
      '  - name: crb\n    path: CRB/$basearch/os/\n    versions:\n      - "9.9"',
    );
    const line = text.split("\n").findIndex((l) => l.includes('"9.9"')) + 1;
    expect(found(text)).toEqual([`${line}:9 unknown-version`]);
  });

  it("rejects an arch no version has and unknown top-level keys", () => {
    expect(found(real.replace("      - x86_64\n  - name: rt", "      - sparc64\n  - name: rt"))[0]).toMatch(
      /wrong|schema|unknown/,
    );
    expect(found(`${real}\nextra_key: 1\n`)).toHaveLength(1);
  });
});
