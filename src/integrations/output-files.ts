/**
 * The one way an integration writes files beside the built pages: a producer returns the files
 * (as data) and a line for the build log; this writes them once the pages are built. A new
 * output is one producer function (see `mirrorlist-export.ts`, `data-export.ts`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import type { ExportFile } from "../core/export-file.ts";

/** What a producer is given: the build's logger (the build model logs through it) and the site's URL. */
export interface OutputContext {
  logger: AstroIntegrationLogger;
  /** `site` of the Astro config, for absolute links (feeds). */
  siteUrl: string;
}

export interface Output {
  files: readonly ExportFile[];
  /** One line for the build log: what was written. */
  summary: string;
}

/** An integration named `name` that writes what `produce` returns into the output folder. */
export function outputFiles(name: string, produce: (context: OutputContext) => Output): AstroIntegration {
  let siteUrl = "http://localhost/";
  return {
    name,
    hooks: {
      "astro:config:done": ({ config }) => {
        if (config.site) siteUrl = config.site;
      },
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { files, summary } = produce({ logger, siteUrl });
        for (const file of files) {
          const target = resolve(root, file.path);
          // Paths carry registry text (a mirror's name): none may leave the output folder.
          if (!target.startsWith(resolve(root) + sep)) throw new Error(`${name}: ${file.path} is outside the site`);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        logger.info(summary);
      },
    },
  };
}
