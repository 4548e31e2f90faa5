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
import type { AstroIntegration } from "astro";
import type { ExportFile } from "../core/export-file.ts";
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
import { outputFiles } from "./output-files.ts";

export default function dataExport(): AstroIntegration {
  return outputFiles("data-export", ({ logger, siteUrl }) => {
    const { mirrors, status } = buildModel(logger).registry;
    const exported = mirrorExport(mirrors, status);
    const files: ExportFile[] = [
      { path: "exports/mirrors.csv", text: serializeExportCsv(exported) },
      { path: "exports/mirrors.json", text: serializeExportJson(exported) },
      { path: "exports/mirrors.schema.json", text: `${JSON.stringify(mirrorExportSchema, null, 2)}\n` },
      ...(status === null ? [] : statusFiles(mirrors, status, siteUrl)),
    ];
    const summary =
      `${exported.mirrors.length} public mirrors in exports/mirrors.{csv,json}` +
      (status === null ? "" : `; status and history in status/v1.json; ${mirrors.length + 1} feeds`);
    return { files, summary };
  });
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
