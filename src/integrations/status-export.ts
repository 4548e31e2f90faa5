/**
 * Astro integration: after the pages are built, and when `MIRRORS_STATUS` gives a status,
 * publishes it: `status/v1.json` (history included; the site is the history's database, which
 * the next check run fetches as `--previous`), `status/v1.schema.json`, and the Atom feeds of
 * state changes: `status/feed.xml` (every mirror) and `mirrors/<name>/feed.xml` (each mirror
 * with a page, linked from it).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { loadRegistry } from "../core/load.ts";
import { ownValue } from "../core/own-property.ts";
import { mirrorFeed, registryFeed } from "../core/status/atom-feed.ts";
import { serializePublicStatus, serializeStatusSchema } from "../core/status/public-status.ts";
import type { ExportFile } from "./mirrorlist-files.ts";

export default function statusExport(): AstroIntegration {
  let siteUrl = "http://localhost/";
  return {
    name: "status-export",
    hooks: {
      "astro:config:done": ({ config }) => {
        if (config.site) siteUrl = config.site;
      },
      "astro:build:done": ({ dir, logger }) => {
        const { mirrors, status } = loadRegistry();
        if (status === null) return;
        const root = fileURLToPath(dir);
        const options = { siteUrl, updated: status.checked_at };
        const files: ExportFile[] = [
          { path: "status/v1.json", text: serializePublicStatus(status) },
          { path: "status/v1.schema.json", text: serializeStatusSchema() },
          { path: "status/feed.xml", text: registryFeed(Object.entries(status.mirrors), options) },
          // The pages' folders, named as Astro names them: the mirror's name itself.
          ...mirrors.map((m) => ({
            path: `mirrors/${m.name}/feed.xml`,
            text: mirrorFeed(m.name, ownValue(status.mirrors, m.name) ?? null, options),
          })),
        ];
        for (const file of files) {
          const target = join(root, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        logger.info(
          `${Object.keys(status.mirrors).length} mirrors' status and history in status/v1.json; ${mirrors.length + 1} feeds`,
        );
      },
    },
  };
}
