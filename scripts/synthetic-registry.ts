/**
 * `node scripts/synthetic-registry.ts --count N --out DIR [--seed S]`: writes a synthetic registry
 * (DIR/mirrors.d/*.yml and DIR/config.yml, the real config) modelled on the real one, for scale
 * benchmarks: `MIRRORS_DIR=DIR/mirrors.d MIRRORS_CONFIG=DIR/config.yml npm run build`.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadRegistry } from "../src/core/load.ts";
import { syntheticMirrors } from "./synthetic/generate.ts";

const { values } = parseArgs({
  options: { count: { type: "string" }, out: { type: "string" }, seed: { type: "string", default: "1" } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  console.error("usage: node scripts/synthetic-registry.ts --count N --out DIR [--seed S]");
  process.exit(2);
}
const real = loadRegistry({ mirrorsDir: "mirrors.d", configFile: "config.yml" });
const dir = join(values.out, "mirrors.d");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const file of syntheticMirrors(real.mirrors, count, Number(values.seed))) {
  writeFileSync(join(dir, file.name), file.text);
}
copyFileSync("config.yml", join(values.out, "config.yml"));
console.log(`wrote ${count} mirror files to ${dir}`);
