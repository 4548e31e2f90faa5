/**
 * `npm run check-mirrors -- [--mirrors-dir DIR] [--config FILE] [--out FILE] [--concurrency N]
 *   [--timeout S] [--mirror-timeout S] [--per-host N] [--max-requests N] [--no-isos]
 *   [--reference URL] [--previous FILE]`
 * Checks every valid mirror of the registry and writes the status file the build reads
 * (`MIRRORS_STATUS`), atomically: a crash mid-run leaves the previous file in place. With a
 * reference (`reference_url` in the config, or `--reference`), every mirror's `repomd.xml` is
 * compared with the reference's. The reference's history and each mirror's (its state changes
 * and daily checks of the last 30 days) are carried over from the previous status file
 * (`--previous`, e.g. the live site's `status/v1.json`, else the `--out` file when it exists).
 * Exit 0 when the file is written (whatever the mirrors' states), 1 when it cannot be,
 * 2 for bad usage or an unusable registry. The checker connects only to public addresses;
 * `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` (tests on loopback servers only) lets it connect to
 * loopback and private ones too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { entryExists, loadRegistry, readStatus, registryPaths } from "../src/core/load.ts";
import { escapeLogText } from "../src/core/log-text.ts";
import type { RepomdHistory } from "../src/core/repomd/repomd-history.ts";
import type { DistributionConfig, MirrorStatus, OriginImageFolder, ReferenceTree } from "../src/core/types.ts";
import { checkRegistry } from "./check/check-registry.ts";
import { progressReporter, summary } from "./check/progress.ts";
import type { ReferenceReading } from "./check/reference.ts";
import { systemResolver } from "./check/resolve.ts";
import { writeFileAtomic } from "./check/write-atomic.ts";

const USAGE =
  "usage: npm run check-mirrors -- [--mirrors-dir DIR] [--config FILE] [--out FILE] [--concurrency N] [--timeout S] [--mirror-timeout S] [--per-host N] [--max-requests N] [--no-isos] [--reference URL] [--previous FILE]";

/** Defaults: upstream runs 6 processes × 50 mirrors with a 15 s timeout; one process does the same here. */
const DEFAULTS = {
  out: "mirrors-status.json",
  concurrency: 64,
  timeout: 15,
  mirrorTimeout: 120,
  perHost: 4,
  maxRequests: 256,
};

export async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    return usage((error as Error).message);
  }
  const numbers = {
    concurrency: positive(values.concurrency, DEFAULTS.concurrency),
    timeout: positive(values.timeout, DEFAULTS.timeout),
    mirrorTimeout: positive(values["mirror-timeout"], DEFAULTS.mirrorTimeout),
    perHost: positive(values["per-host"], DEFAULTS.perHost),
    maxRequests: positive(values["max-requests"], DEFAULTS.maxRequests),
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (Number.isNaN(value)) return usage(`--${kebab(name)} must be a positive number.`);
  }

  const defaults = registryPaths();
  const registry = loadRegistry({
    mirrorsDir: values["mirrors-dir"] ?? defaults.mirrorsDir,
    configFile: values.config ?? defaults.configFile,
  });
  if (registry.config === null) {
    for (const d of registry.diagnostics.filter((x) => x.severity === "error")) {
      process.stderr.write(
        `${escapeLogText(d.file)}:${d.line}:${d.column} error ${d.code} ${escapeLogText(d.message)}\n`,
      );
    }
    process.stderr.write("The distribution config is unusable; nothing was checked.\n");
    return 2;
  }

  const references = referenceTrees(registry.config, values.reference);
  if (references === null) return usage("--reference must be an http(s) URL, like https://repo.example.org/distro/.");
  const out = values.out ?? DEFAULTS.out;
  const previous = readPrevious(values.previous ?? (entryExists(out) ? out : null));
  // Without a reference, this run checks no repomd.xml, and its file keeps no repomd history.
  const previousRepomd = references.length === 0 ? new Map<string, RepomdHistory>() : previous.repomd;
  const started = performance.now();
  const progress = progressReporter(registry.mirrors.length, process.stderr);
  const { status, reference, origin } = await checkRegistry(registry.mirrors, registry.config, {
    resolve: systemResolver(numbers.timeout * 1000),
    userAgent: userAgent(),
    concurrency: numbers.concurrency,
    globalLimit: numbers.maxRequests,
    perHostLimit: numbers.perHost,
    timeoutMs: numbers.timeout * 1000,
    mirrorTimeoutMs: numbers.mirrorTimeout * 1000,
    maxRedirects: 5,
    allowPrivateAddresses: process.env.MIRRORS_ALLOW_PRIVATE_ADDRESSES === "1",
    checkIsos: !values["no-isos"],
    references,
    previousRepomd,
    previousImages: references.length === 0 ? new Map() : previous.images,
    previousMirrors: previous.mirrors,
    onMirror: (name, s) => progress.mirror(name, s),
  });
  progress.end();
  try {
    await writeFileAtomic(out, `${JSON.stringify(status, null, 1)}\n`);
  } catch (error) {
    process.stderr.write(`Cannot write ${out}: ${(error as Error).message}. The previous file is left as it was.\n`);
    return 1;
  }
  process.stdout.write(`${summary(status, out, (performance.now() - started) / 1000)}\n`);
  if (reference !== null) process.stdout.write(`${referenceSummary(reference)}\n`);
  if (origin !== null) {
    process.stdout.write(
      `Images: the origin published ${origin.read} of ${origin.asked} image folders' CHECKSUM (the others have no page).\n`,
    );
  }
  // Loaded only now: the GeoNames places and the IP database would slow every start, usage errors included.
  const { addressPlacementReport } = await import("../src/site/ip-geolocation-db.ts");
  const placement = addressPlacementReport({ ...registry, status });
  if (placement) process.stdout.write(`${placement}\n`);
  return 0;
}

/** The config's reference trees, the main one replaced by `--reference`; null for a bad URL. */
function referenceTrees(config: DistributionConfig, override: string | undefined): ReferenceTree[] | null {
  if (override === undefined) return config.references;
  const url = URL.parse(override);
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
  const main = { tree: "main", url: url.href.endsWith("/") ? url.href : `${url.href}/` };
  return [main, ...config.references.filter((r) => r.tree !== "main")];
}

/**
 * The histories of the previous status file: the reference's `repomd.xml` versions and each
 * mirror's entry (its state, and the history it carries). A missing file starts fresh; a file
 * that does not read as a whole is not trusted at all; an entry that does not read (its
 * history included) is left out, and that mirror starts afresh. Each case with a warning.
 */
function readPrevious(path: string | null): {
  repomd: Map<string, RepomdHistory>;
  images: Map<string, OriginImageFolder>;
  mirrors: Map<string, MirrorStatus>;
} {
  const fresh = { repomd: new Map(), images: new Map(), mirrors: new Map() };
  if (path === null) {
    process.stderr.write("No previous status file: the history starts today.\n");
    return fresh;
  }
  const { status, diagnostics } = readStatus(path);
  if (status === null) {
    const why = diagnostics[0]?.message.split(";")[0] ?? "it cannot be read";
    process.stderr.write(
      `The previous status file ${escapeLogText(path)} is not used (${escapeLogText(why)}): the history starts today.\n`,
    );
    return fresh;
  }
  for (const d of diagnostics) {
    if (d.params.variant === "more") {
      process.stderr.write(
        `${escapeLogText(d.file)}: ${d.params.count} more entries do not read: their histories start today.\n`,
      );
      continue;
    }
    process.stderr.write(
      `${escapeLogText(d.file)}:${d.line}:${d.column} ${escapeLogText(d.message.split(". This mirror")[0] ?? "")}: that mirror's history starts today.\n`,
    );
  }
  return {
    repomd: new Map(Object.entries(status.repomd ?? {})),
    images: new Map(Object.entries(status.images ?? {})),
    mirrors: new Map(Object.entries(status.mirrors)),
  };
}

/** How the reference was read, for the run's summary. */
function referenceSummary(reading: ReferenceReading): string {
  const head = `Reference: ${reading.read} of ${reading.asked} repomd.xml files read`;
  if (reading.failed.length === 0) return `${head}.`;
  return `${head}; the history of the others is kept as it was (first: ${reading.failed.join(", ")}).`;
}

/** An honest User-Agent: the project, its version, and what the requests are for. */
function userAgent(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return `${pkg.name}/${pkg.version} check-mirrors (mirror health check of the AlmaLinux mirror list; Node.js)`;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      "mirrors-dir": { type: "string" },
      config: { type: "string" },
      out: { type: "string" },
      concurrency: { type: "string" },
      timeout: { type: "string" },
      "mirror-timeout": { type: "string" },
      "per-host": { type: "string" },
      "max-requests": { type: "string" },
      "no-isos": { type: "boolean", default: false },
      reference: { type: "string" },
      previous: { type: "string" },
    },
  });
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : Number.NaN;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function usage(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  return 2;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
