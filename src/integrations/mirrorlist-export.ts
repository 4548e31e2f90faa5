/**
 * Astro integration: after the pages are built, writes the mirrorlist index
 * (`mirrorlist/v1.json` and its schema, and the edge's copy in two files) and the static
 * fallbacks (`mirrorlist/<version>/<repo>`, `isolist/<version>/<arch>`, metalinks) into the output
 * folder, from the same registry the pages use, placed the same way (mirrors with no place, or
 * only a country, by their status addresses).
 */
import type { AstroIntegration } from "astro";
import { buildModel } from "../site/build-model.ts";
import { geonamesLocator } from "../site/mirror-coordinates.ts";
import { mirrorlistFiles } from "../site/mirrorlist-files.ts";
import { outputFiles } from "./output-files.ts";

export default function mirrorlistExport(): AstroIntegration {
  return outputFiles("mirrorlist-export", ({ logger }) => {
    const { index, files } = mirrorlistFiles(buildModel(logger).placed, geonamesLocator());
    const lists = files.filter((f) => !/^mirrorlist\/(v1[.-]|edge\/)/.test(f.path)).length;
    return { files, summary: `${index.mirrors.length} mirrors in mirrorlist/v1.json; ${lists} static lists` };
  });
}
