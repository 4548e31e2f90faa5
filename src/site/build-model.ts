/**
 * The build model: the registry loaded and validated, placed by GeoNames and by the status
 * report's addresses, and the mirrors as the site shows them. Made once per build and read by
 * the content loader (and through its collections by the pages and endpoints), the mirrorlist
 * export and the data export. The dev server asks again after a file changed, and gets a new
 * model only when an input did change.
 *
 * The content loader runs in Vite's module runner and the integrations in Node's own loader: one
 * process, two copies of every module. So the model lives on `globalThis` under a registered
 * symbol, not in a module variable, or each copy would load the registry again.
 */
import { statSync } from "node:fs";
import { countBySeverity } from "../core/diagnostics.ts";
import { placeRegistryByAddress } from "../core/geo/address-placement.ts";
import { listMirrorFiles, loadRegistry, registryPaths } from "../core/load.ts";
import type { Registry } from "../core/types.ts";
import { ipGeolocationFor } from "./ip-geolocation-db.ts";
import { geonamesGazetteer } from "./mirror-coordinates.ts";
import { buildSiteInfo, type SiteInfo, type SiteMirror, siteMirrorsOf } from "./model.ts";

export interface BuildModel {
  /** The registry as its files say, with every diagnostic. */
  registry: Registry;
  /** The same, with mirrors that have no place (or only a country) placed by their addresses. */
  placed: Registry;
  /** Every valid mirror as the site shows it. */
  siteMirrors: SiteMirror[];
  siteInfo: SiteInfo;
}

/** Where a model's news goes: Astro's logger of whoever asked first. */
export interface ModelLogger {
  info(message: string): void;
}

interface Held {
  model: BuildModel;
  /** What the inputs were when the model was made: paths, sizes and modification times. */
  inputs: string;
}

const KEY = Symbol.for("mirrorsite.build-model");
const holder = globalThis as { [KEY]?: Held };

/**
 * The model for the registry that `MIRRORS_DIR`, `MIRRORS_CONFIG` and `MIRRORS_STATUS` name:
 * the one already made when its inputs have not changed since, otherwise a new one (logged).
 */
export function buildModel(logger: ModelLogger): BuildModel {
  const inputs = inputsStamp();
  const held = holder[KEY];
  if (held && held.inputs === inputs) return held.model;
  const model = makeModel();
  holder[KEY] = { model, inputs };
  const { errors, warnings } = countBySeverity(model.registry.diagnostics);
  const approximate = model.siteMirrors.filter((m) => m.placement?.warning).length;
  const byAddress = model.siteMirrors.filter((m) => m.placement?.method === "address").length;
  const disagree = model.siteMirrors.filter((m) => m.addressDisagrees).length;
  logger.info(
    `registry loaded: ${model.registry.mirrors.length} valid mirrors from ${model.registry.files} files; ${errors} errors, ${warnings} warnings (npm run validate lists them). ${approximate} mirrors placed on the map approximately, ${byAddress} by their addresses; ${disagree} files disagree with their addresses (their pages say why).`,
  );
  return model;
}

function makeModel(): BuildModel {
  const registry = loadRegistry();
  // Placed once: the mirrorlist export takes the placed registry, the pages its placed mirrors.
  const placement = placeRegistryByAddress(registry, geonamesGazetteer(), ipGeolocationFor(registry));
  return {
    registry,
    placed: placement.registry,
    siteMirrors: siteMirrorsOf(registry, placement.mirrors),
    siteInfo: buildSiteInfo(registry, process.env),
  };
}

/** The inputs' paths, sizes and modification times, in one string: cheap to make, and to compare. */
function inputsStamp(): string {
  const { mirrorsDir, configFile, statusFile } = registryPaths();
  const files = [...listMirrorFiles(mirrorsDir), configFile, ...(statusFile ? [statusFile] : [])];
  const options = `MIRRORS_ALLOW_PRIVATE_ADDRESSES=${process.env.MIRRORS_ALLOW_PRIVATE_ADDRESSES ?? ""}`;
  return [options, ...files]
    .map((file, i) => {
      if (i === 0) return file;
      const stat = statSync(file, { throwIfNoEntry: false });
      return `${file}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}`;
    })
    .join("\n");
}
