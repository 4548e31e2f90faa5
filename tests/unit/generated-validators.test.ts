import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { countryTableSource } from "../../scripts/generate-country-table/source.ts";
import { compiledDataValidatorsSource, compiledValidatorsSource } from "../../scripts/generate-validators/source.ts";
import { schemaTypesSource } from "../../scripts/generate-validators/types.ts";

const committed = (name: string) => readFileSync(`src/core/schema/${name}`, "utf8");

it("the committed precompiled validators match the schemas (run `npm run generate` if not)", () => {
  expect(committed("compiled-validators.js") === compiledValidatorsSource()).toBe(true);
  expect(committed("compiled-data-validators.js") === compiledDataValidatorsSource()).toBe(true);
});

it("the committed types of the files match the schemas (run `npm run generate` if not)", async () => {
  expect(committed("schema-types.ts")).toBe(await schemaTypesSource());
});

it("the committed country table matches countries-list (run `npm run generate` if not)", () => {
  expect(readFileSync("src/core/geo/country-table.ts", "utf8") === countryTableSource()).toBe(true);
});
