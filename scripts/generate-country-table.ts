/**
 * `npm run generate` (second step): writes `src/core/geo/country-table.ts` from `countries-list`.
 * A unit test fails when the committed table drifts from the package.
 */
import { writeFileSync } from "node:fs";
import { countryTableSource } from "./generate-country-table/source.ts";

const target = new URL("../src/core/geo/country-table.ts", import.meta.url);
writeFileSync(target, countryTableSource());
console.log(`wrote ${target.pathname}`);
