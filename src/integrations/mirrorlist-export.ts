/**
 * Astro integration: after the pages are built, writes the mirrorlist index
 * (`mirrorlist/v1.json` and its schema) and the static fallbacks (`mirrorlist/<version>/<repo>`,
 * `isolist/<version>/<arch>`) into the output folder, from the same registry the pages use,
 * placed the same way (mirrors with no place, or only a country, by their status addresses).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildModel } from "../site/build-model.ts";
import { geonamesLocator } from "../site/mirror-coordinates.ts";
import { mirrorlistFiles } from "../site/mirrorlist-files.ts";

export default function mirrorlistExport(): AstroIntegration {
  return {
    name: "mirrorlist-export",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, files } = mirrorlistFiles(buildModel(logger).placed, geonamesLocator());
        for (const file of files) {
          const target = join(root, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        logger.info(`${index.mirrors.length} mirrors in mirrorlist/v1.json; ${files.length - 3} static lists`);
      },
    },
  };
}
