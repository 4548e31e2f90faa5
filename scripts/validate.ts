/**
 * `npm run validate -- [--format text|json|github] [--strict] [PATH...]`
 * Checks mirror files (default: `MIRRORS_DIR` or `mirrors.d`) and the distribution config
 * (`MIRRORS_CONFIG` or `config.yml`, when it exists). Results of unchanged files come from a
 * cache (see `validate/cache.ts`) unless `--no-cache`. `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` accepts
 * loopback and private addresses, for test registries only. Exit 0 without errors (warnings too
 * with --strict), 1 with errors, 2 for bad usage.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkOptions, listMirrorFiles, readSources, registryPaths } from "../src/core/load.ts";
import { buildRegistry } from "../src/core/registry.ts";
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
  const targets = args.positionals.length > 0 ? args.positionals : [paths.mirrorsDir];
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length > 0) {
    console.error(`No such file or folder: ${missing.join(", ")}\n${USAGE}`);
    return 2;
  }
  // A file named twice (a folder and a file in it) is checked once, not taken for a duplicate.
  const files = readSources([...new Set(targets.flatMap(listMirrorFiles))]);
  const [config] = existsSync(paths.configFile) ? readSources([paths.configFile]) : [];
  const cache = args.values["no-cache"] ? null : openResultCache(CACHE_PATH, codeVersion(import.meta.url));
  const registry = buildRegistry(files, config ?? null, {
    ...checkOptions(),
    ...(cache ? { checkFile: cache.check } : {}),
  });
  cache?.save();
  process.stdout.write(
    formatReport(format, {
      files: files.length,
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

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

process.exitCode = main(process.argv.slice(2));
