/**
 * The content layer: loads the registry once through the core, geocodes it, and hands the pages
 * two typed collections: `mirrors` (one entry per valid mirror, id = its name) and `site` (one
 * entry, `build`). An invalid mirror is left out with a warning; `STRICT=1` fails the build on
 * any error.
 */

import { defineCollection } from "astro:content";
import type { LoaderContext } from "astro/loaders";
import { z } from "astro/zod";
import { countBySeverity } from "./core/diagnostics.ts";
import { buildGazetteer } from "./core/geo/gazetteer.ts";
import { loadRegistry } from "./core/load.ts";
import type { Registry } from "./core/types.ts";
import { geonamesPlaces } from "./site/geonames-places.ts";
import { ipGeolocationFor } from "./site/ip-geolocation-db.ts";
import { buildSiteInfo, buildSiteMirrors, hideEmails, type SiteInfo, type SiteMirror } from "./site/model.ts";

/** Both collections come from one load of the registry per build. */
let registryOnce: Promise<Registry> | null = null;

function registryFor(context: LoaderContext): Promise<Registry> {
  registryOnce ??= Promise.resolve().then(() => {
    const registry = loadRegistry();
    reportDiagnostics(registry, context);
    return registry;
  });
  return registryOnce;
}

function reportDiagnostics(registry: Registry, { logger }: LoaderContext): void {
  const { errors, warnings } = countBySeverity(registry.diagnostics);
  for (const d of registry.diagnostics) {
    if (d.severity === "error") logger.warn(`${d.file}:${d.line}:${d.column} ${d.code} ${hideEmails(d.message)}`);
  }
  logger.info(
    `${registry.mirrors.length} valid mirrors from ${registry.files} files; ${errors} errors, ${warnings} warnings (npm run validate lists them).`,
  );
  if (process.env.STRICT === "1" && errors > 0) {
    throw new Error(`STRICT=1: the registry has ${errors} errors. Run npm run validate to see them.`);
  }
}

const mirrors = defineCollection({
  loader: {
    name: "mirror-registry",
    load: async (context) => {
      const registry = await registryFor(context);
      const siteMirrors = buildSiteMirrors(registry, buildGazetteer(geonamesPlaces()), ipGeolocationFor(registry));
      const approximate = siteMirrors.filter((m) => m.placement?.warning).length;
      const byAddress = siteMirrors.filter((m) => m.placement?.method === "address").length;
      const disagree = siteMirrors.filter((m) => m.addressDisagrees).length;
      context.logger.info(
        `${approximate} mirrors placed on the map approximately, ${byAddress} by their addresses; ${disagree} files disagree with their addresses (their pages say why).`,
      );
      context.store.clear();
      for (const entry of siteMirrors) {
        context.store.set({ id: entry.mirror.name, data: { ...entry } });
      }
    },
  },
  schema: z.custom<SiteMirror>(),
});

const site = defineCollection({
  loader: {
    name: "mirror-registry-info",
    load: async (context) => {
      const registry = await registryFor(context);
      context.store.clear();
      context.store.set({ id: "build", data: { ...buildSiteInfo(registry, process.env) } });
    },
  },
  schema: z.custom<SiteInfo>(),
});

export const collections = { mirrors, site };
