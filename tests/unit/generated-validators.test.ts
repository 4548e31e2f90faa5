import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { countryTableSource } from "../../scripts/generate-country-table/source.ts";
import { compiledValidatorsSource } from "../../scripts/generate-validators/source.ts";

it("the committed precompiled validators match the schemas (run `npm run generate` if not)", () => {
  const committed = readFileSync("src/core/schema/compiled-validators.js", "utf8");
  expect(committed === compiledValidatorsSource()).toBe(true);
});

it("the committed country table matches countries-list (run `npm run generate` if not)", () => {
  const committed = readFileSync("src/core/geo/country-table.ts", "utf8");
  expect(committed === countryTableSource()).toBe(true);
});
