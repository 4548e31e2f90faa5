/**
 * Astro integration: after the pages are built, and when `MIRRORS_STATUS` gives a status,
 * publishes it: `status/v1.json` (history included; the site is the history's database, which
 * the next check run fetches as `--previous`) and `status/v1.schema.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { loadRegistry } from "../core/load.ts";
import { serializePublicStatus, serializeStatusSchema } from "../core/status/public-status.ts";
import type { ExportFile } from "./mirrorlist-files.ts";

export default function statusExport(): AstroIntegration {
  return {
    name: "status-export",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const { status } = loadRegistry();
        if (status === null) return;
        const root = fileURLToPath(dir);
        const files: ExportFile[] = [
          { path: "status/v1.json", text: serializePublicStatus(status) },
          { path: "status/v1.schema.json", text: serializeStatusSchema() },
        ];
        for (const file of files) {
          const target = join(root, file.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        logger.info(`${Object.keys(status.mirrors).length} mirrors' status and history in status/v1.json`);
      },
    },
  };
}
