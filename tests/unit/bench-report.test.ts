/**
 * The writer of docs/PERFORMANCE.md's generated sections (`scripts/bench/_performance-md.ts`):
 * pure text in and out, no bench is run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  endMarker,
  type Row,
  type RunRecord,
  renderSection,
  replaceSection,
  startMarker,
  targetMet,
} from "../../scripts/bench/_performance-md.ts";

const RUN: RunRecord = {
  date: "2026-12-03",
  machine: "AMD EPYC, 2 cores, 24 GiB RAM, Node v24.21.0",
  command: "npm run bench -- validate",
  conditions: "load average 0.5 before the run, 1.2 after",
};

const ROWS: Row[] = [
  {
    metric: "whole process (median of 15)",
    figure: "0.41 s",
    value: 0.41,
    target: { comparison: "<", value: 0.4, unit: "s" },
    reference: "upstream: 2.8 s",
  },
  { metric: "warm (median of 20)", figure: "31 ms", value: 31, target: { comparison: "<", value: 100, unit: "ms" } },
  { metric: "npm alone", figure: "0.22 s", note: "npm's own start" },
];

/** A document with hand-written text around two generated sections, one of them old. */
function documentWith(validate: string): string {
  const other = renderSection("site", [{ metric: "home", figure: "37.9 KB" }], {
    ...RUN,
    command: "npm run bench -- site",
  });
  return [
    "# Performance record\r\n",
    "Hand-written  text, with `code` | pipes and trailing spaces   ",
    "",
    "## Validation",
    "",
    validate,
    "",
    "Where the time goes: kept by hand.",
    "",
    "## Website",
    "",
    other,
    "",
    "The end, without a final newline.",
  ].join("\n");
}

describe("the generated section", () => {
  it("marks a missed target, a met one and a row without a target", () => {
    const section = renderSection("validate", ROWS, RUN);
    const lines = section.split("\n");
    expect(lines.find((l) => l.startsWith("| whole process"))).toBe(
      "| whole process (median of 15) | 0.41 s | < 0.4 s | **missed** | upstream: 2.8 s | — |",
    );
    expect(lines.find((l) => l.startsWith("| warm"))).toBe("| warm (median of 20) | 31 ms | < 100 ms | yes | — | — |");
    expect(lines.find((l) => l.startsWith("| npm alone"))).toBe("| npm alone | 0.22 s | — | — | — | npm's own start |");
  });

  it("says the date, the machine, the load and the command between its markers", () => {
    const section = renderSection("validate", ROWS, RUN);
    expect(section.startsWith(startMarker("validate"))).toBe(true);
    expect(section.endsWith(endMarker("validate"))).toBe(true);
    expect(section).toContain(
      "Machine: AMD EPYC, 2 cores, 24 GiB RAM, Node v24.21.0. Measured 2026-12-03 (load average 0.5 before the run, 1.2 after) with `npm run bench -- validate`.",
    );
  });

  it("keeps a cell's pipe and line break from breaking the table", () => {
    const section = renderSection("x", [{ metric: "a | b\nc", figure: "1 s" }], RUN);
    expect(section).toContain("| a \\| b c | 1 s |");
  });

  it("judges every comparison, and a target without a value as missed", () => {
    const row = (comparison: "<" | "≤" | ">" | "≥" | "=", value?: number): Row => ({
      metric: "m",
      figure: "f",
      ...(value === undefined ? {} : { value }),
      target: { comparison, value: 10, unit: "ms" },
    });
    expect([row("<", 10), row("≤", 10), row(">", 10), row("≥", 10), row("=", 10)].map(targetMet)).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
    expect(targetMet(row("<"))).toBe(false);
    expect(targetMet({ metric: "m", figure: "f" })).toBeNull();
  });
});

describe("rewriting docs/PERFORMANCE.md", () => {
  const old = renderSection("validate", [{ metric: "old", figure: "9 s" }], { ...RUN, date: "2026-11-28" });
  const fresh = renderSection("validate", ROWS, RUN);

  it("replaces only its own section and keeps every other byte", () => {
    const before = documentWith(old);
    const after = replaceSection(before, "validate", fresh, "## validate");
    expect(after).toBe(documentWith(fresh));
    const start = before.indexOf(startMarker("validate"));
    expect(after.slice(0, start)).toBe(before.slice(0, start));
    const tail = before.slice(before.indexOf(endMarker("validate")) + endMarker("validate").length);
    expect(after.endsWith(tail)).toBe(true);
    expect(after).not.toContain("| old | 9 s |");
    expect(after).toContain("**missed**");
  });

  it("gives the same text when run twice", () => {
    const once = replaceSection(documentWith(old), "validate", fresh, "## validate");
    expect(replaceSection(once, "validate", fresh, "## validate")).toBe(once);
  });

  it("adds a missing section at the end, under its heading, the rest untouched", () => {
    const before = documentWith(old);
    const after = replaceSection(before, "geoip", renderSection("geoip", ROWS, RUN), "## `npm run bench -- geoip`");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      `\n\n## \`npm run bench -- geoip\`\n\n${renderSection("geoip", ROWS, RUN)}\n`,
    );
  });

  it("refuses markers it cannot pair rather than guess where a section ends", () => {
    const noEnd = documentWith(old).replace(endMarker("validate"), "");
    expect(() => replaceSection(noEnd, "validate", fresh, "## validate")).toThrow(/markers/);
    const twice = `${documentWith(old)}\n${old}\n`;
    expect(() => replaceSection(twice, "validate", fresh, "## validate")).toThrow(/twice/);
  });
});

describe("the committed docs/PERFORMANCE.md", () => {
  const root = join(import.meta.dirname, "../..");
  const text = readFileSync(join(root, "docs/PERFORMANCE.md"), "utf8");
  const benches = readdirSync(join(root, "scripts/bench"))
    .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
    .map((f) => f.replace(/\.ts$/, ""));

  it.each(benches)("has one well-formed generated section for the %s bench", (name) => {
    const start = text.indexOf(startMarker(name));
    expect(start).toBeGreaterThan(-1);
    expect(text.indexOf(startMarker(name), start + 1)).toBe(-1);
    expect(text.indexOf(endMarker(name))).toBeGreaterThan(start);
    const section = text.slice(start, text.indexOf(endMarker(name)));
    expect(section).toContain("| metric | figure | target | met | reference | note |");
    expect(section).toMatch(/Machine: .+\. Measured \d{4}-\d{2}-\d{2}/);
  });
});
