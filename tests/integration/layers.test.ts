/**
 * The layers of docs/DESIGN.md are lint rules (biome.json, `noRestrictedImports` per folder):
 * probe files, each with one import, are put in the folders and linted as `npm run lint` lints.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REFUSED: [folder: string, specifier: string][] = [
  ["src/core", "../i18n/locales.ts"],
  ["src/core", "../site/model.ts"],
  ["src/core/geo", "../../client/mirror-table.ts"],
  ["src/core", "node:http"],
  ["src/core", "astro:content"],
  ["src/client", "../site/data.ts"],
  ["src/client", "../components/MirrorTable.astro"],
  ["src/edge", "../i18n/index.ts"],
  ["src/site", "../integrations/data-export.ts"],
  ["src/components", "../edge/worker.ts"],
  ["scripts", "../src/edge/worker.ts"],
  ["scripts", "../tests/unit/helpers.ts"],
  ["scripts/bench", "../../src/integrations/security-headers.ts"],
];
const ALLOWED: [folder: string, specifier: string][] = [
  ["src/core", "./own-property.ts"],
  ["src/site", "../core/load.ts"],
  ["src/site", "../i18n/index.ts"],
  ["src/client", "../core/mirror-fields.ts"],
  ["src/edge", "../core/mirrorlist/answer.ts"],
  ["src/components", "../site/model.ts"],
  ["scripts", "../src/site/ip-geolocation-db.ts"],
];

const probes = [...REFUSED, ...ALLOWED].map(([folder, specifier], i) => ({
  file: join(folder, `layer-probe-${process.pid}-${i}.ts`),
  folder,
  specifier,
}));
let output = "";

beforeAll(() => {
  for (const p of probes)
    writeFileSync(p.file, `import * as probe from "${p.specifier}";\nexport const used = probe;\n`);
  const run = spawnSync("npx", ["biome", "lint", "--max-diagnostics=none", ...probes.map((p) => p.file)], {
    encoding: "utf8",
  });
  output = `${run.stdout}${run.stderr}`;
});

afterAll(() => {
  for (const p of probes) rmSync(p.file, { force: true });
});

/** Whether the lint refused the probe's import: its line 1 carries the rule's diagnostic. */
function refused(file: string): boolean {
  const at = output.indexOf(`${file}:1:`);
  return at !== -1 && output.slice(at, at + file.length + 50).includes("lint/style/noRestrictedImports");
}

describe("the layers, as lint rules", () => {
  it.each(probes.slice(0, REFUSED.length))("refuse $folder importing $specifier", ({ file }) => {
    expect(refused(file), output).toBe(true);
  });

  it.each(probes.slice(REFUSED.length))("let $folder import $specifier", ({ file }) => {
    expect(output).not.toContain(`${file}:`);
  });
});
