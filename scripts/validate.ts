/**
 * `npm run validate -- [--format text|json|github] [--strict] [PATH...]`
 * Checks mirror files (default: `MIRRORS_DIR` or `mirrors.d`) and the distribution config
 * (`MIRRORS_CONFIG` or `config.yml`, when it exists). A PATH that names the config (its name is
 * `config.yml` or `config.yaml`, or it is `MIRRORS_CONFIG`) is read as the config, not as a
 * mirror file; named alone, it is checked alone. Only regular files are read: a link,
 * FIFO, socket, device or folder with a YAML name in a folder, or named as a file, is an error
 * of its own (`not-a-regular-file`); a folder named on the command line may itself be a link.
 * Results of unchanged files come from a cache (see `validate/cache.ts`) unless `--no-cache`.
 * `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` accepts loopback and private addresses, for test registries
 * only. Exit 0 without errors (warnings too with --strict), 1 with errors, 2 for bad usage.
 */
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkOptions, entryExists, listMirrorFiles, readRegistry, registryPaths } from "../src/core/load.ts";
import { codeVersion, openResultCache } from "./validate/cache.ts";
import { FORMATS, type Format, formatReport } from "./validate/format.ts";

const USAGE = "usage: npm run validate -- [--format text|json|github] [--strict] [--no-cache] [PATH...]";
const CACHE_PATH = "node_modules/.cache/mirrorsite/validate-results.json";

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = args.values.format;
  if (!isFormat(format)) {
    console.error(`Unknown format "${format}": use text, json or github.\n${USAGE}`);
    return 2;
  }
  const paths = registryPaths();
  // A dangling link is there (and gets its diagnostic); only a path with nothing at it is bad usage.
  const missing = args.positionals.filter((t) => !entryExists(t));
  if (missing.length > 0) {
    console.error(`No such file or folder: ${missing.join(", ")}\n${USAGE}`);
    return 2;
  }
  const namedConfigs = args.positionals.filter((t) => isConfigPath(t, paths.configFile));
  if (namedConfigs.length > 1) {
    console.error(`Name one distribution config, not ${namedConfigs.length}: ${namedConfigs.join(", ")}\n${USAGE}`);
    return 2;
  }
  const mirrorTargets = args.positionals.filter((t) => !namedConfigs.includes(t));
  const targets = args.positionals.length > 0 ? mirrorTargets : [paths.mirrorsDir];
  const configFile = namedConfigs[0] ?? (entryExists(paths.configFile) ? paths.configFile : null);
  const cache = args.values["no-cache"] ? null : openResultCache(CACHE_PATH, codeVersion(import.meta.url));
  // A file named twice (a folder and a file in it) is checked once, not taken for a duplicate.
  const registry = readRegistry([...new Set(targets.flatMap(listMirrorFiles))], configFile, {
    ...checkOptions(),
    ...(cache ? { checkFile: cache.check, checkConfig: cache.checkConfig, knownPositions: cache.positions } : {}),
  });
  cache?.save();
  process.stdout.write(
    formatReport(format, {
      config: configFile,
      files: registry.files,
      mirrors: registry.mirrors.length,
      diagnostics: registry.diagnostics,
    }),
  );
  const errors = registry.diagnostics.some((d) => d.severity === "error");
  const warnings = registry.diagnostics.length > 0;
  return errors || (args.values.strict && warnings) ? 1 : 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      strict: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
    },
  });
}

/** Whether a named PATH is the distribution config rather than a mirror file. */
function isConfigPath(path: string, configFile: string): boolean {
  return ["config.yml", "config.yaml"].includes(basename(path)) || resolve(path) === resolve(configFile);
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

process.exitCode = main(process.argv.slice(2));
