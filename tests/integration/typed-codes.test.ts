/**
 * Diagnostic and reason codes are types, so a misspelt one is a type error, not a message shown
 * as its raw key: scratch copies of real source files, each with one code misspelt, are type
 * checked with the project's tsconfig (the checker `astro check` runs over every file), and each
 * copy fails at its misspelling and nowhere else.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const PROBES = [
  // A diagnostic reported with a code the catalogue does not have.
  { source: "src/core/rules/mirror-names.ts", code: '"error", "duplicate-name"', typo: '"error", "duplicate-nmae"' },
  // A checker verdict with a reason code the catalogue does not have.
  { source: "src/core/status/classify.ts", code: '"ok", "base-ok"', typo: '"ok", "base-okk"' },
  // A catalogue wording keyed by no code.
  { source: "src/core/diagnostic-catalogue.ts", code: '"diagnostic.empty-file":', typo: '"diagnostic.empty-fiel":' },
  { source: "src/core/status/reason-catalogue.ts", code: '"reason.base-ok":', typo: '"reason.base-okk":' },
].map((probe, i) => ({ ...probe, file: join(dirname(probe.source), `typo-probe-${process.pid}-${i}.ts`) }));
const tsconfig = `tsconfig.typo-probe-${process.pid}.json`;
let output = "";

beforeAll(() => {
  for (const probe of PROBES) {
    const text = readFileSync(probe.source, "utf8");
    expect(text, probe.source).toContain(probe.code);
    writeFileSync(probe.file, text.replace(probe.code, probe.typo));
  }
  writeFileSync(
    tsconfig,
    JSON.stringify({ extends: "./tsconfig.json", include: [], files: PROBES.map((p) => p.file) }),
  );
  const run = spawnSync("npx", ["tsc", "--noEmit", "--pretty", "false", "-p", tsconfig], { encoding: "utf8" });
  output = `${run.stdout}${run.stderr}`;
}, 120_000);

afterAll(() => {
  for (const probe of PROBES) rmSync(probe.file, { force: true });
  rmSync(tsconfig, { force: true });
});

it.each(PROBES)("refuses a misspelt code in a copy of $source", ({ file, typo }) => {
  const line =
    readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => l.includes(typo)) + 1;
  expect(output).toMatch(new RegExp(`^${file.replaceAll(".", "\\.")}\\(${line},\\d+\\): error TS`, "m"));
});

it("finds nothing else wrong in the copies", () => {
  const errors = output.split("\n").filter((l) => /: error TS/.test(l));
  expect(errors, output).toHaveLength(PROBES.length);
});
