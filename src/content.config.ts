/**
 * The content layer, in Astro's loader shape: two typed collections from the build model
 * (`src/site/build-model.ts`), `mirrors` (one entry per valid mirror, id = its name, with its
 * file's path and a digest) and `site` (one entry, `build`). An invalid mirror is left out with
 * a warning; `STRICT=1` fails the build on any error. Under `npm run dev` both watch the mirrors
 * folder, the config and the status file, and reload when one changes: an edited mirror shows
 * within seconds, and a file made invalid only logs its diagnostic.
 */

import { defineCollection } from "astro:content";
import { resolve } from "node:path";
import type { LoaderContext } from "astro/loaders";
import { z } from "astro/zod";
import { countBySeverity } from "./core/diagnostics.ts";
import { hideEmails } from "./core/email-shape.ts";
import { registryPaths } from "./core/load.ts";
import { escapeLogText } from "./core/log-text.ts";
import { type BuildModel, buildModel } from "./site/build-model.ts";
import type { SiteInfo, SiteMirror } from "./site/model.ts";

/** The model, with the registry's errors logged and `STRICT=1` applied. */
function modelFor({ logger }: LoaderContext): BuildModel {
  const model = buildModel(logger);
  const { errors } = countBySeverity(model.registry.diagnostics);
  if (process.env.STRICT === "1" && errors > 0) {
    throw new Error(`STRICT=1: the registry has ${errors} errors. Run npm run validate to see them.`);
  }
  return model;
}

/** Every error of the registry, one log line each, as `npm run validate` prints it (addresses hidden). */
function logErrors({ registry }: BuildModel, { logger }: LoaderContext): void {
  for (const d of registry.diagnostics) {
    if (d.severity !== "error") continue;
    logger.warn(`${escapeLogText(d.file)}:${d.line}:${d.column} ${d.code} ${escapeLogText(hideEmails(d.message))}`);
  }
}

/** How long the dev server waits after a change to the registry before reading it again. */
const RELOAD_DELAY_MS = 150;

/** Runs `fill` now, and again whenever the dev server sees one of the registry's inputs change. */
function loadAndWatch(context: LoaderContext, fill: (model: BuildModel) => void): void {
  fill(modelFor(context));
  const { watcher } = context;
  if (!watcher) return;
  const { mirrorsDir, configFile, statusFile } = registryPaths();
  const watched = [mirrorsDir, configFile, ...(statusFile ? [statusFile] : [])].map((p) => resolve(p));
  watcher.add(watched);
  let pending: ReturnType<typeof setTimeout> | undefined;
  watcher.on("all", (_event, path) => {
    const changed = resolve(path);
    if (!watched.some((w) => changed === w || changed.startsWith(`${w}/`))) return;
    // A save is often a truncation, then a write, reported as one event or two: read once the
    // writing has settled, not the empty file in between.
    clearTimeout(pending);
    pending = setTimeout(() => {
      try {
        fill(modelFor(context));
      } catch (error) {
        // A registry that cannot be read right now waits for the next save.
        context.logger.error(String(error));
      }
    }, RELOAD_DELAY_MS);
  });
}

const mirrors = defineCollection({
  loader: {
    name: "mirror-registry",
    load: async (context) => {
      let logged: BuildModel | null = null;
      loadAndWatch(context, (model) => {
        if (model !== logged) logErrors(model, context);
        logged = model;
        context.store.clear();
        for (const entry of model.siteMirrors) {
          const data = { ...entry };
          context.store.set({
            id: entry.mirror.name,
            data,
            filePath: entry.mirror.file,
            digest: context.generateDigest(data),
          });
        }
      });
    },
  },
  schema: z.custom<SiteMirror>(),
});

const site = defineCollection({
  loader: {
    name: "mirror-registry-info",
    load: async (context) => {
      loadAndWatch(context, (model) => {
        context.store.clear();
        context.store.set({ id: "build", data: { ...model.siteInfo } });
      });
    },
  },
  schema: z.custom<SiteInfo>(),
});

export const collections = { mirrors, site };
