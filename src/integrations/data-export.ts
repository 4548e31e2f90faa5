/**
 * Astro integration: after the pages are built, writes the site's data files.
 * - Always: the mirror list for firewalls and scripts, `exports/mirrors.csv`,
 *   `exports/mirrors.json` and `exports/mirrors.schema.json` (addresses, states and
 *   availability empty without a status).
 * - When `MIRRORS_STATUS` gives a status: `status/v1.json` (history included; the site is the
 *   history's database, which the next check run fetches as `--previous`),
 *   `status/v1.schema.json`, and the Atom feeds of state changes: `status/feed.xml` (every
 *   mirror) and `mirrors/<name>/feed.xml` (each mirror with a page, linked from it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import {
  mirrorExport,
  mirrorExportSchema,
  serializeExportCsv,
  serializeExportJson,
} from "../core/exports/mirror-exports.ts";
import { ownValue } from "../core/own-property.ts";
import { mirrorFeed, registryFeed } from "../core/status/atom-feed.ts";
import { serializePublicStatus, serializeStatusSchema } from "../core/status/public-status.ts";
import type { Mirror, StatusFile } from "../core/types.ts";
import { buildModel } from "../site/build-model.ts";
import type { ExportFile } from "../site/mirrorlist-files.ts";

export default function dataExport(): AstroIntegration {
  let siteUrl = "http://localhost/";
  return {
    name: "data-export",
    hooks: {
      "astro:config:done": ({ config }) => {
        if (config.site) siteUrl = config.site;
      },
      "astro:build:done": ({ dir, logger }) => {
        const { mirrors, status } = buildModel(logger).registry;
        const root = fileURLToPath(dir);
        const exported = mirrorExport(mirrors, status);
        const files: ExportFile[] = [
          { path: "exports/mirrors.csv", text: serializeExportCsv(exported) },
          { path: "exports/mirrors.json", text: serializeExportJson(exported) },
          { path: "exports/mirrors.schema.json", text: `${JSON.stringify(mirrorExportSchema, null, 2)}\n` },
          ...(status === null ? [] : statusFiles(mirrors, status, siteUrl)),
        ];
        for (const file of files) {
          const target = join(root, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        logger.info(
          `${exported.mirrors.length} public mirrors in exports/mirrors.{csv,json}` +
            (status === null ? "" : `; status and history in status/v1.json; ${mirrors.length + 1} feeds`),
        );
      },
    },
  };
}

function statusFiles(mirrors: readonly Mirror[], status: StatusFile, siteUrl: string): ExportFile[] {
  const options = { siteUrl, updated: status.checked_at };
  return [
    { path: "status/v1.json", text: serializePublicStatus(status) },
    { path: "status/v1.schema.json", text: serializeStatusSchema() },
    { path: "status/feed.xml", text: registryFeed(Object.entries(status.mirrors), options) },
    // The pages' folders, named as Astro names them: the mirror's name (a host name) itself.
    ...mirrors.map((m) => ({
      path: `mirrors/${m.name}/feed.xml`,
      text: mirrorFeed(m.name, ownValue(status.mirrors, m.name) ?? null, options),
    })),
  ];
}
