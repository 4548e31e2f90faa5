/**
 * `npm run generate`: from the JSON Schemas of the mirror file, the config, the status file and
 * the mirrorlist index, writes
 * - `src/core/schema/compiled-validators.js` and `compiled-data-validators.js`: the schemas
 *   precompiled with ajv's standalone mode, so neither the CLI, the build, the checker nor the
 *   browser pays for ajv's compiler at run time;
 * - `src/core/schema/schema-types.ts`: the TypeScript types of those files' raw values.
 * A unit test fails when a committed file drifts from the schemas.
 */
import { writeFileSync } from "node:fs";
import { compiledDataValidatorsSource, compiledValidatorsSource } from "./generate-validators/source.ts";
import { schemaTypesSource } from "./generate-validators/types.ts";

const outputs: [string, string][] = [
  ["compiled-validators.js", compiledValidatorsSource()],
  ["compiled-data-validators.js", compiledDataValidatorsSource()],
  ["schema-types.ts", await schemaTypesSource()],
];
for (const [name, text] of outputs) {
  const target = new URL(`../src/core/schema/${name}`, import.meta.url);
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
