import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { compiledValidatorsSource } from "../../scripts/generate-validators/source.ts";

it("the committed precompiled validators match the schemas (run `npm run generate` if not)", () => {
  const committed = readFileSync("src/core/schema/compiled-validators.js", "utf8");
  expect(committed === compiledValidatorsSource()).toBe(true);
});
