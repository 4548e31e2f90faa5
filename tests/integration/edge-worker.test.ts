/**
 * The edge worker, for real: bundled with esbuild and run in workerd through Miniflare (bound to
 * 127.0.0.1, offline), with static assets holding the real registry's export and the site's real
 * `_headers` (which Miniflare's asset server applies as Cloudflare's does), and requests carrying
 * chosen `CF-Connecting-IP` headers and `cf` data.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/core/http-headers.ts";
import { EDGE_INDEX_PATH } from "../../src/core/mirrorlist/edge-index.ts";
import { headersFile } from "../../src/integrations/headers-file.ts";
import { mirrorlistFiles } from "../../src/site/mirrorlist-files.ts";
import { realIndex, realIndexWithHashes } from "../unit/mirrorlist-real-index.ts";

const assets = mkdtempSync(join(tmpdir(), "edge-assets-"));
/** Assets without the index: every list answer is then a 503. */
const noIndexAssets = mkdtempSync(join(tmpdir(), "edge-no-index-"));
/** Assets whose index carries the reference's repomd.xml hashes: metalinks can be answered. */
const hashedAssets = mkdtempSync(join(tmpdir(), "edge-hashed-"));
/** Assets whose index reads but has no alias table: answering from it is a bug, not an outage. */
const brokenAssets = mkdtempSync(join(tmpdir(), "edge-broken-"));
/** What the worker over `brokenAssets` wrote to its standard error. */
let brokenStderr = "";
let broken: Miniflare;
let mf: Miniflare;
let noIndex: Miniflare;
let hashed: Miniflare;

/** Bundles the worker as wrangler would: one ES module, browser-compatible. */
async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: ["src/edge/worker.ts"],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2024",
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

/** A Miniflare over `directory`, as wrangler.jsonc would run the worker, bar `run_worker_first`. */
function workerOver(directory: string, script: string, stderr?: (text: string) => void): Miniflare {
  return new Miniflare({
    ...(stderr === undefined
      ? {}
      : {
          handleRuntimeStdio: (_out: Readable, err: Readable) =>
            err.on("data", (chunk: Buffer) => stderr(chunk.toString())),
        }),
    host: "127.0.0.1",
    // No Cloudflare `cf` download: each request brings its own.
    cf: false,
    modules: true,
    script,
    // As in src/edge/wrangler.jsonc.
    compatibilityDate: "2026-07-01",
    assets: {
      directory,
      binding: "ASSETS",
      // As `run_worker_first` would: the worker sees every request, the lists included.
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
    },
  });
}

beforeAll(async () => {
  const { registry, locate } = realIndex();
  for (const file of mirrorlistFiles(registry, locate).files) {
    if (!file.path.startsWith("mirrorlist/v1") && !file.path.startsWith("mirrorlist/edge/")) continue;
    mkdirSync(dirname(join(assets, file.path)), { recursive: true });
    writeFileSync(join(assets, file.path), file.text);
  }
  const { status } = realIndexWithHashes();
  const withStatus = mirrorlistFiles({ ...registry, status }, locate).files;
  for (const file of withStatus.filter(
    (f) => f.path === "mirrorlist/v1.json" || f.path.startsWith("mirrorlist/edge/"),
  )) {
    mkdirSync(dirname(join(hashedAssets, file.path)), { recursive: true });
    writeFileSync(join(hashedAssets, file.path), file.text);
  }
  for (const [path, text] of [
    ["status/feed.xml", "<feed/>"],
    ["mirrors/mirror.example.org/feed.xml", "<feed/>"],
    ["exports/mirrors.csv", "name\r\n"],
  ] as const) {
    mkdirSync(dirname(join(assets, path)), { recursive: true });
    writeFileSync(join(assets, path), text);
  }
  const bad = JSON.parse(mirrorlistFiles(registry, locate).files[0]?.text ?? "{}");
  bad.config.aliases = null;
  // The worker parses the edge index (v1.json without its hashes): a bad value there is a bug in answering.
  delete bad.repomd;
  mkdirSync(dirname(join(brokenAssets, EDGE_INDEX_PATH)), { recursive: true });
  writeFileSync(join(brokenAssets, EDGE_INDEX_PATH), JSON.stringify(bad));
  for (const dir of [assets, noIndexAssets, hashedAssets, brokenAssets]) {
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>Mirrors</title>");
    writeFileSync(join(dir, "_headers"), headersFile({ scriptHashes: [], tileOrigin: null }));
  }
  const script = await bundleWorker();
  mf = workerOver(assets, script);
  noIndex = workerOver(noIndexAssets, script);
  await noIndex.ready;
  hashed = workerOver(hashedAssets, script);
  await hashed.ready;
  broken = workerOver(brokenAssets, script, (text) => (brokenStderr += text));
  await broken.ready;
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
  await noIndex?.dispose();
  await hashed?.dispose();
  await broken?.dispose();
  rmSync(brokenAssets, { recursive: true, force: true });
  rmSync(hashedAssets, { recursive: true, force: true });
  rmSync(assets, { recursive: true, force: true });
  rmSync(noIndexAssets, { recursive: true, force: true });
});

const FRANKFURT = { country: "DE", continent: "EU", latitude: "50.1109", longitude: "8.6821", asn: 64500 };

async function get(path: string, ip: string, cf: Record<string, unknown> = {}, method = "GET", worker = mf) {
  const response = await worker.dispatchFetch(`http://mirrors.test${path}`, {
    method,
    headers: { "CF-Connecting-IP": ip },
    cf,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const lines = (body: string) => body.trimEnd().split("\n");
const host = (line: string | undefined) => new URL(line ?? "http://none.invalid").host;

describe("the edge worker in workerd", () => {
  // Its cold start is a benchmark's figure (`npm run bench -- mirrorlist`), not a test's.
  it("listens on 127.0.0.1 only", async () => {
    expect((await mf.ready).hostname).toBe("127.0.0.1");
  });

  it("gives McGill's subnet only McGill's monopoly mirror", async () => {
    const r = await get("/mirrorlist/9/baseos", "132.216.4.4", FRANKFURT);
    expect(r.status).toBe(200);
    expect(r.body).toBe("http://mirror.it.mcgill.ca/almalinux/9.8/BaseOS/$basearch/os/\n");
  });

  it("gives an FCIX ASN client FCIX first", async () => {
    const r = await get("/mirrorlist/9/appstream", "198.51.100.20", {
      asn: 7034,
      country: "US",
      continent: "NA",
      latitude: "37.55",
      longitude: "-121.98",
    });
    expect(host(lines(r.body)[0])).toBe("mirror.fcix.net");
    expect(lines(r.body)).toHaveLength(10);
  });

  it("gives a Frankfurt client German mirrors first", async () => {
    const { prepared } = realIndex();
    const german = new Set(
      prepared.mirrors.filter((m) => m.entry.country === "DE").flatMap((m) => [m.entry.urls.http, m.entry.urls.https]),
    );
    const r = await get("/mirrorlist/9/baseos", "192.0.2.44", FRANKFURT);
    const bases = lines(r.body).map((l) => l.replace(/9\.8\/BaseOS\/\$basearch\/os\/$/, ""));
    expect(bases.slice(0, 5).every((b) => german.has(b))).toBe(true);
  });

  it("answers protocol=https with https lines only", async () => {
    const r = await get("/mirrorlist/9/baseos?protocol=https", "192.0.2.44", FRANKFURT);
    expect(lines(r.body).every((l) => l.startsWith("https://"))).toBe(true);
  });

  it("answers 8 as 8.10, and a vault version with the vault line", async () => {
    const eight = await get("/mirrorlist/8/baseos", "192.0.2.44", FRANKFURT);
    expect(lines(eight.body).every((l) => l.includes("/8.10/BaseOS/"))).toBe(true);
    const vault = await get("/mirrorlist/9.1/appstream", "192.0.2.44", FRANKFURT);
    expect(vault.body).toBe("http://vault.almalinux.org/9.1/AppStream/$basearch/os/\n");
  });

  it("answers an unknown repo with 404 and a one-line reason", async () => {
    const r = await get("/mirrorlist/9/nosuchrepo", "192.0.2.44", FRANKFURT);
    expect(r.status).toBe(404);
    expect(r.body).toBe('Unknown repo "nosuchrepo" for version 9.8.\n');
  });

  it("answers malformed input with 400 and never throws", async () => {
    for (const path of [
      "/mirrorlist/9.x/baseos",
      "/mirrorlist/%00/baseos",
      "/mirrorlist/9/baseos?protocol=ftp",
      `/mirrorlist/9/baseos?${"a=1&".repeat(200)}`,
      "/isolist/9",
    ]) {
      const r = await get(path, "not an address", { latitude: "north", asn: "x" });
      expect(r.status, path).toBe(400);
      expect(r.body, path).toMatch(/^[^\n]+\n$/);
    }
  });

  it("answers HEAD with the headers of GET and no body, and refuses other methods", async () => {
    const head = await get("/mirrorlist/9/baseos", "192.0.2.44", FRANKFURT, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(head.headers.get("Cache-Control")).toBe("private, max-age=3600");
    const post = await get("/mirrorlist/9/baseos", "192.0.2.44", FRANKFURT, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET, HEAD");
  });

  it("sets the site's security headers on its own answers", async () => {
    const r = await get("/mirrorlist/9/baseos", "192.0.2.44", FRANKFURT);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers.get(name), name).toBe(value);
    expect(r.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("hands every other path, and the index itself, to the static site", async () => {
    const home = await get("/", "192.0.2.44");
    expect(home.status).toBe(200);
    expect(home.body).toContain("<title>Mirrors</title>");
    const index = await get("/mirrorlist/v1.json", "192.0.2.44");
    expect(JSON.parse(index.body).format).toBe(1);
  });

  it("keeps one network's list through the day", async () => {
    const a = await get("/mirrorlist/9/baseos", "203.0.113.7", FRANKFURT);
    const b = await get("/mirrorlist/9/baseos", "203.0.113.250", FRANKFURT);
    expect(a.body).toBe(b.body);
  });
});

/** What a shared cache may do with each kind of answer, and HSTS on every one. */
describe("caching and HSTS of every answer in workerd", () => {
  const PRIVATE_LIST = { cache: "private, max-age=3600", vary: "*" };
  const PRIVATE_NONE = { cache: "private, max-age=300", vary: "*" };
  const SHARED_UNKNOWN = { cache: "public, max-age=300", vary: null };
  const NOT_STORED = { cache: "no-store", vary: null };
  const cases: [
    kind: string,
    path: string,
    method: string,
    status: number,
    want: { cache: string; vary: string | null },
  ][] = [
    ["a list of mirrors (depends on the client)", "/mirrorlist/9/baseos", "GET", 200, PRIVATE_LIST],
    ["an ISO list (depends on the client)", "/isolist/9/x86_64", "GET", 200, PRIVATE_LIST],
    ["its HEAD", "/mirrorlist/9/baseos", "HEAD", 200, PRIVATE_LIST],
    ["no mirror matches (depends on the client)", "/mirrorlist/9/baseos?country=AQ", "GET", 404, PRIVATE_NONE],
    [
      "the vault line (the same for everyone)",
      "/mirrorlist/9.1/appstream",
      "GET",
      200,
      { cache: "public, max-age=3600", vary: null },
    ],
    ["an unknown repo", "/mirrorlist/9/nosuchrepo", "GET", 404, SHARED_UNKNOWN],
    ["an unknown version", "/mirrorlist/7/baseos", "GET", 404, SHARED_UNKNOWN],
    ["an unknown arch", "/isolist/9/riscv", "GET", 404, SHARED_UNKNOWN],
    ["a malformed request", "/mirrorlist/9.x/baseos", "GET", 400, NOT_STORED],
    ["another method", "/mirrorlist/9/baseos", "POST", 405, NOT_STORED],
  ];

  it.each(cases)("%s: %s %s", async (_kind, path, method, status, want) => {
    const r = await get(path, "192.0.2.44", FRANKFURT, method);
    expect(r.status).toBe(status);
    expect(r.headers.get("Cache-Control")).toBe(want.cache);
    expect(r.headers.get("Vary")).toBe(want.vary);
    expect(r.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("keeps a client's list private although _headers makes /mirrorlist/* public for static files", async () => {
    // _headers reaches asset answers only, never the worker's own (else this would be public).
    expect(headersFile({ scriptHashes: [], tileOrigin: null })).toMatch(
      /\/mirrorlist\/\*\n.*\n {2}Cache-Control: public/,
    );
    const r = await get("/mirrorlist/9/baseos?protocol=https", "192.0.2.44", FRANKFURT);
    expect(r.headers.get("Cache-Control")).toBe("private, max-age=3600");
  });

  it("answers 503 uncached when the index cannot be read", async () => {
    const r = await get("/mirrorlist/9/baseos", "192.0.2.44", FRANKFURT, "GET", noIndex);
    expect(r.status).toBe(503);
    expect(r.headers.get("Cache-Control")).toBe("no-store");
    expect(r.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("logs a bug with console.error and answers 500, not an index outage", async () => {
    const r = await get("/mirrorlist/9/baseos", "192.0.2.44", FRANKFURT, "GET", broken);
    expect(r.status).toBe(500);
    expect(r.headers.get("Cache-Control")).toBe("no-store");
    expect(r.body).toContain("the error is logged");
    await expect
      .poll(() => brokenStderr, { timeout: 5_000 })
      .toContain("Unexpected error answering /mirrorlist/9/baseos");
  });

  it("passes static files through with the caching and security headers of _headers", async () => {
    for (const [path, cache] of [
      ["/", "public, max-age=600, must-revalidate"],
      ["/mirrorlist/v1.json", "public, max-age=300"],
    ] as const) {
      const r = await get(path, "192.0.2.44");
      expect(r.status, path).toBe(200);
      expect(r.headers.get("Cache-Control"), path).toBe(cache);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(r.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it("serves the feeds as Atom and the CSV export as CSV, the feeds fresh within 5 minutes", async () => {
    for (const [path, type, cache] of [
      ["/status/feed.xml", "application/atom+xml; charset=utf-8", "public, max-age=300"],
      ["/mirrors/mirror.example.org/feed.xml", "application/atom+xml; charset=utf-8", "public, max-age=300"],
      ["/exports/mirrors.csv", "text/csv; charset=utf-8; header=present", "public, max-age=600, must-revalidate"],
    ] as const) {
      const r = await get(path, "192.0.2.44");
      expect(r.status, path).toBe(200);
      expect(r.headers.get("Content-Type"), path).toBe(type);
      expect(r.headers.get("Cache-Control"), path).toBe(cache);
    }
  });
});

describe("metalinks in workerd", () => {
  it("answers both request forms with the same Metalink document, private to the client", async () => {
    const path = await get("/metalink/9/baseos?arch=x86_64", "192.0.2.44", FRANKFURT, "GET", hashed);
    const query = await get("/metalink?repo=baseos-9&arch=x86_64&countme=1", "192.0.2.44", FRANKFURT, "GET", hashed);
    expect(path.status).toBe(200);
    expect(path.headers.get("Content-Type")).toBe("application/metalink+xml");
    expect(path.headers.get("Cache-Control")).toBe("private, max-age=3600");
    expect(path.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<metalink version="3\.0"/);
    expect(path.body).toContain("<mm0:alternates>");
    expect(query.body).toBe(path.body);
    const arch = await get("/metalink/9/baseos/x86_64", "192.0.2.44", FRANKFURT, "GET", hashed);
    expect(arch.body).toBe(path.body);
  });

  it("refuses an unknown repo with a shared 404 comment-only document, and a missing arch with a 400", async () => {
    const unknown = await get("/metalink/9/nosuchrepo?arch=x86_64", "192.0.2.44", FRANKFURT, "GET", hashed);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("Content-Type")).toBe("application/metalink+xml");
    expect(unknown.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(unknown.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<!-- .* -->\n$/);
    const noArch = await get("/metalink/9/baseos", "192.0.2.44", FRANKFURT, "GET", hashed);
    expect(noArch.status).toBe(400);
    expect(noArch.headers.get("Cache-Control")).toBe("no-store");
  });

  it("says no hashes are known where the index has none", async () => {
    const r = await get("/metalink/9/baseos?arch=x86_64", "192.0.2.44", FRANKFURT);
    expect(r.status).toBe(404);
    expect(r.body).toContain("No repomd.xml hashes are known");
  });
});
