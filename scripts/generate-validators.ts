/**
 * `npm run generate`: precompiles the mirror and config schemas with ajv's standalone mode into
 * `src/core/schema/compiled-validators.js`, so neither the CLI nor the browser pays for ajv's
 * compiler at run time. A unit test fails when the committed file drifts from the schemas.
 */
import { writeFileSync } from "node:fs";
import { compiledValidatorsSource } from "./generate-validators/source.ts";

const target = new URL("../src/core/schema/compiled-validators.js", import.meta.url);
writeFileSync(target, compiledValidatorsSource());
console.log(`wrote ${target.pathname}`);
