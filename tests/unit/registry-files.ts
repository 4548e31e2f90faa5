/**
 * The registry the tests read, named as the build and the CLIs name it: `MIRRORS_DIR` and
 * `MIRRORS_CONFIG` through `registryPaths` (src/core/load.ts), by default the real registry
 * (`mirrors.d`, `config.yml`). A test that reads the registry's raw files, not `loadRegistry()`,
 * reads them here, so that every test, the build and the CLIs agree on which registry that is.
 */
import { readFileSync } from "node:fs";
import { listMirrorFiles, registryPaths } from "../../src/core/load.ts";

/** Every mirror file of the registry, sorted by name: its path and its text. */
export function registryMirrorFiles(): { path: string; text: string }[] {
  return listMirrorFiles(registryPaths().mirrorsDir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/** The text of the registry's distribution config. */
export function registryConfigText(): string {
  return readFileSync(registryPaths().configFile, "utf8");
}
