/**
 * Mirrorlist and metalink speed and size over the real registry (docs/PERFORMANCE.md,
 * "Mirrorlist"), with a status in which every mirror is `ok` and the reference's history holds,
 * for every repo path, a current `repomd.xml` and one alternate (a day of one update):
 * - one request answered (path resolved, mirrors chosen, body written) for a mix of 4000
 *   clients placed near the real mirrors, 5 % of them on-net (target: median < 50 µs), as a
 *   mirrorlist and as a metalink;
 * - the worker's cold start, loading and indexing the edge index (`mirrorlist/edge/index.json`:
 *   `v1.json` without the hashes, which the first metalink request reads apart): in a fresh Node
 *   process, and in workerd through Miniflare as the first request's extra time over a warm one
 *   (target < 10 ms), and the first metalink's extra time for reading the hashes;
 * - `v1.json`, hashes included, raw and gzipped (target: gzipped ≤ 60 KiB).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { loadRegistry } from "../../src/core/load.ts";
import { clientFromRequest } from "../../src/core/mirrorlist/client.ts";
import { EDGE_INDEX_PATH } from "../../src/core/mirrorlist/edge-index.ts";
import { prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { parseIndex } from "../../src/core/mirrorlist/read-index.ts";
import type { Client } from "../../src/core/mirrorlist/select-mirrors.ts";
import { advanceHistory, type RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { describeRepomd } from "../../src/core/repomd/repomd-record.ts";
import { treeTargets } from "../../src/core/status/check-targets.ts";
import type { Registry } from "../../src/core/types.ts";
import { geonamesLocator } from "../../src/site/mirror-coordinates.ts";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { median, percentile, report, type Target } from "./_report.ts";
import { benchClients, METALINK_PATHS, requestMicros } from "./_selection.ts";

const INDEX_FILE = join(tmpdir(), "mirrorlist-bench-v1.json");

if (process.argv[2] === "--cold") {
  // Child mode: the first parse and indexing in a fresh process, the text already in memory.
  const text = readFileSync(INDEX_FILE, "utf8");
  const started = performance.now();
  prepareIndex(parseIndex(text));
  console.log(performance.now() - started);
  process.exit(0);
}

const { files } = mirrorlistFiles(withReference(loadRegistry()), geonamesLocator());
const v1 = files.find((f) => f.path === "mirrorlist/v1.json")?.text ?? "";
writeFileSync(INDEX_FILE, files.find((f) => f.path === EDGE_INDEX_PATH)?.text ?? "");
const prepared = prepareIndex(parseIndex(v1));

/** On-net every 20th client: McGill's subnet, or FCIX's ASN. */
const clients = (count: number) =>
  benchClients(prepared, count, "bench", (i) =>
    i % 40 === 0 ? { ip: "132.206.7.7" } : i % 40 === 20 ? { asn: 7034 } : null,
  );
const selectionMicros = (population: readonly Client[]) => requestMicros(prepared, population);

selectionMicros(clients(2000)); // warm the JIT, as a live isolate is
const perRequest = selectionMicros(clients(4000));
requestMicros(prepared, clients(2000), METALINK_PATHS);
const perMetalink = requestMicros(prepared, clients(4000), METALINK_PATHS);
const unplaced = clientFromRequest(null, {});
const allMirrors = selectionMicros(Array.from({ length: 500 }, () => unplaced));

const nodeCold: number[] = [];
for (let i = 0; i < 10; i++) {
  const run = spawnSync(process.execPath, [import.meta.filename, "--cold"], { encoding: "utf8" });
  nodeCold.push(Number(run.stdout.trim()));
}

/**
 * workerd, per fresh Miniflare instance: the extra time of the first request that needs the
 * index (an unknown version: the index is fetched from the assets, parsed and indexed, then a
 * 404) over the same request warm; then the extra time of the first list answer (a cold JIT).
 */
async function workerdColdMs(
  runs: number,
): Promise<{ load: number[]; firstAnswer: number[]; firstMetalink: number[] }> {
  const assets = mkdtempSync(join(tmpdir(), "ml-bench-assets-"));
  for (const f of files.filter((f) => f.path.startsWith("mirrorlist/v1") || f.path.startsWith("mirrorlist/edge/"))) {
    mkdirSync(dirname(join(assets, f.path)), { recursive: true });
    writeFileSync(join(assets, f.path), f.text);
  }
  const bundle = await build({ entryPoints: ["src/edge/worker.ts"], bundle: true, format: "esm", write: false });
  const load: number[] = [];
  const firstAnswer: number[] = [];
  const firstMetalink: number[] = [];
  for (let r = 0; r < runs; r++) {
    const mf = new Miniflare({
      host: "127.0.0.1",
      cf: false,
      modules: true,
      script: bundle.outputFiles[0]?.text ?? "",
      compatibilityDate: "2026-07-01",
      assets: {
        directory: assets,
        binding: "ASSETS",
        routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
      },
    });
    await mf.ready;
    const time = async (path: string) => {
      const t = performance.now();
      const response = await mf.dispatchFetch(`http://m.test${path}`, {
        headers: { "CF-Connecting-IP": "192.0.2.1" },
        cf: { country: "DE", continent: "EU", latitude: "50.11", longitude: "8.68" },
      });
      await response.text();
      return performance.now() - t;
    };
    const warmMedian = async (path: string) => {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) times.push(await time(path));
      return median(times);
    };
    await time("/mirrorlist/v1.schema.json"); // wake the isolate and the assets path
    const firstLoad = await time("/mirrorlist/0/none");
    load.push(firstLoad - (await warmMedian("/mirrorlist/0/none")));
    const firstList = await time("/mirrorlist/9/baseos");
    firstAnswer.push(firstList - (await warmMedian("/mirrorlist/9/baseos")));
    const metalink = "/metalink/9/baseos?arch=x86_64";
    const firstHashes = await time(metalink);
    firstMetalink.push(firstHashes - (await warmMedian(metalink)));
    await mf.dispose();
  }
  rmSync(assets, { recursive: true, force: true });
  return { load, firstAnswer, firstMetalink };
}

const workerdCold = await workerdColdMs(5);
rmSync(INDEX_FILE, { force: true });
const raw = Buffer.byteLength(v1);
const edgeRaw = Buffer.byteLength(files.find((f) => f.path === EDGE_INDEX_PATH)?.text ?? "");
const gzipped = gzipSync(v1, { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mibOf = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const us = (n: number) => `${n.toFixed(1)} µs`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const REQUEST: Target = { comparison: "<", value: 50, unit: "µs" };
const COLD_START: Target = { comparison: "<", value: 10, unit: "ms" };

report([
  {
    metric: "one mirrorlist request, median",
    figure: us(median(perRequest)),
    value: median(perRequest),
    target: REQUEST,
    note: "4000 clients over five paths, after a warm-up",
  },
  { metric: "one mirrorlist request, p99", figure: us(percentile(perRequest, 99)) },
  {
    metric: "one metalink request, median",
    figure: us(median(perMetalink)),
    value: median(perMetalink),
    target: REQUEST,
    note: "the same selection, plus the document with the hashes and alternates",
  },
  { metric: "one metalink request, p99", figure: us(percentile(perMetalink, 99)) },
  {
    metric: "client that cannot be placed (every mirror, shuffled), median",
    figure: us(median(allMirrors)),
    note: "an answer with every servable mirror",
  },
  {
    metric: "cold start in Node: parse and index the edge index (no hashes) in a fresh process (median of 10)",
    figure: ms(median(nodeCold)),
    value: median(nodeCold),
    target: COLD_START,
    note: "the text already in memory",
  },
  {
    metric:
      "cold start in workerd (Miniflare): the first request that needs the index, less the same request warm, hashes kept out (median of 5)",
    figure: ms(median(workerdCold.load)),
    value: median(workerdCold.load),
    target: COLD_START,
    note: "fetch from the assets, parse, index, all in a cold isolate",
  },
  {
    metric: "workerd: the first list answer's extra time after that (cold JIT, median of 5)",
    figure: ms(median(workerdCold.firstAnswer)),
  },
  {
    metric: "workerd: the first metalink's extra time after that (reads and adds the hashes, median of 5)",
    figure: ms(median(workerdCold.firstMetalink)),
  },
  { metric: "`v1.json` raw, hashes included", figure: kib(raw) },
  { metric: "the edge index (`mirrorlist/edge/index.json`, no hashes) raw", figure: kib(edgeRaw) },
  {
    metric: "`v1.json` gzip -9, hashes included",
    figure: kib(gzipped),
    value: gzipped / 1024,
    target: { comparison: "≤", value: 60, unit: "KiB" },
    note: "the hashes are hex, which gzip halves at best",
  },
  ...(["mirrorlist/", "isolist/", "metalink/"] as const).map((kind) => {
    const these = files.filter((f) => f.path.startsWith(kind) && !/^mirrorlist\/(v1\.|edge\/)/.test(f.path));
    const size = these.reduce((a, f) => a + f.text.length, 0);
    return {
      metric: `static ${kind.slice(0, -1)}s`,
      figure: `${these.length} files, ${mibOf(size)}`,
      ...(kind === "metalink/" ? { note: "every servable mirror in each (a static host cannot choose)" } : {}),
    };
  }),
]);

/**
 * The registry with a status as a real check with a reference gives: every mirror `ok`, and for
 * every repo path the config asks for, a current `repomd.xml` and one alternate, each about 4 KiB.
 */
function withReference(registry: Registry): Registry {
  const config = registry.config;
  if (config === null) throw new Error("The real config is invalid.");
  const checkedAt = "2026-03-14T09:00:00.000Z";
  const repomd = Object.fromEntries(
    config.references.flatMap(({ tree, url }) =>
      treeTargets(url, tree, config).map(({ key = "" }) => {
        const file = (n: number) =>
          new TextEncoder().encode(`<repomd><revision>${n}</revision>${`<data type="${key}"/>`.repeat(60)}</repomd>`);
        const first = describeRepomd(file(1), "2026-03-13T09:00:00.000Z");
        const older = advanceHistory(undefined, first, new Date("2026-03-13T09:00:00Z"), config.allowedOutdateSeconds);
        const second = describeRepomd(file(2), "2026-03-14T03:00:00.000Z");
        const history = advanceHistory(older, second, new Date("2026-03-14T03:00:00Z"), config.allowedOutdateSeconds);
        return [key, history as RepomdHistory];
      }),
    ),
  );
  const ok = { state: "ok" as const, reason: "in sync", checked_at: checkedAt };
  const mirrors = Object.fromEntries(registry.mirrors.map((m) => [m.name, ok]));
  return { ...registry, status: { checked_at: checkedAt, mirrors, repomd } };
}
