/**
 * A real dnf client against the whole chain, all on 127.0.0.1: a loopback origin and three
 * loopback mirrors whose repos `createrepo_c --revision N` builds, the checker CLI run twice
 * while the origin moves on, one site build with that status, and the edge worker served by
 * `wrangler dev` from the real deploy config. The mirror serving a never-published
 * `repomd.xml` is `outdated` and absent from the metalink; the one a revision behind is listed;
 * a mirror that goes stale after the check is refused by librepo itself (its log shows the
 * checksum mismatch) and dnf completes from another. The same client works with `mirrorlist=`.
 * Needs `dnf` and `createrepo_c` (scripts/ensure-dnf.ts installs them).
 */
import { execFileSync, type SpawnOptions, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize, resolve, sep } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { astroCache, scratchDir } from "./site-build.ts";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const work = scratchDir("dnf-metalink-");
const REPO = "9.8/BaseOS/x86_64/os";
const HOUR = 3600;

/** A loopback static file server over `root`, answering GET and HEAD. */
interface StaticServer {
  root: string;
  port: number;
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  server: Server;
}

async function serveStatic(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    if (!existsSync(file)) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    if (statSync(file).isDirectory()) {
      return void res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(`<html><body>Index of ${path}</body></html>\n`);
    }
    const type = file.endsWith(".xml") ? "text/xml" : file.endsWith("TIME") ? "text/plain" : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Content-Length": statSync(file).size });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { root, port, url: `http://127.0.0.1:${port}/almalinux/`, requests, server };
}

/**
 * A tree at `root/almalinux/` holding the repo, built by `createrepo_c` at `revision` (so its
 * `repomd.xml` is one of a kind: two runs differ in their timestamps), 9 linking to 9.8, and
 * a fresh `TIME`.
 */
function publish(root: string, revision: number): void {
  const tree = join(root, "almalinux");
  const repo = join(tree, REPO);
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  execFileSync("createrepo_c", ["-q", "--revision", String(revision), repo]);
  if (!existsSync(join(tree, "9"))) execFileSync("ln", ["-s", "9.8", join(tree, "9")]);
  writeFileSync(join(tree, "TIME"), `${Math.floor(Date.now() / 1000)}\n`);
}

/** A mirror syncing from the origin: a copy of its whole tree, as rsync makes. */
function sync(mirror: string): void {
  const tree = join(serverOf(mirror).root, "almalinux");
  rmSync(tree, { recursive: true, force: true });
  cpSync(join(serverOf("origin").root, "almalinux"), tree, { recursive: true, verbatimSymlinks: true });
}

const CONFIG = (origin: string) => `---
config_version: 3
allowed_outdate: 12h
mirrors_dir: mirrors.d
reference_url: ${origin}
versions:
  - "9"
  - "9.8"
duplicated_versions:
  "9": "9.8"
vault_versions:
  - "9.7"
vault_mirror: http://vault.example.org/
arches:
  "9":
    - x86_64
required_protocols:
  - http
repos:
  - name: baseos
    path: BaseOS/$basearch/os/
...
`;

/** A mirror file; `subnets` makes it on-net for a client whose address is there. */
const MIRROR = (name: string, url: string, extra = "") => `---
name: ${name}
address:
  http: ${url}
update_frequency: 3h
sponsor: ${name} Hosting
sponsor_url: https://example.org
email: noc@example.org
geolocation:
  country: DE
  city: Frankfurt
${extra}`;

const MIRRORS = ["a", "b", "c"] as const;
const host = (m: string) => `${m}.mirror.example.org`;
const servers = new Map<string, StaticServer>();
function serverOf(name: string): StaticServer {
  const server = servers.get(name);
  if (server === undefined) throw new Error(`no server ${name}`);
  return server;
}
const paths = {
  mirrorsDir: join(work, "mirrors.d"),
  config: join(work, "config.yml"),
  status: join(work, "status.json"),
  dist: join(work, "dist"),
};
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1" };
let checkRuns = 0;
let edge: WranglerDev | null = null;
let edgeUrl = "";
const timings: Record<string, number> = {};

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end without blocking this process, whose loopback servers it talks to;
 * killed after `timeoutMs`.
 */
function run(command: string, args: string[], options: SpawnOptions, timeoutMs: number): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

async function checkMirrors(): Promise<void> {
  const started = performance.now();
  const check = await run(
    process.execPath,
    [
      "scripts/check-mirrors.ts",
      "--mirrors-dir",
      paths.mirrorsDir,
      "--config",
      paths.config,
      "--out",
      paths.status,
      "--no-isos",
      "--timeout",
      "5",
      "--mirror-timeout",
      "20",
    ],
    { cwd: ROOT, env },
    60_000,
  );
  timings[`check ${++checkRuns}`] = performance.now() - started;
  if (check.status !== 0) throw new Error(`check-mirrors failed:\n${check.stdout}\n${check.stderr}`);
}

/** Starts `wrangler dev` over the built site; its first list must be a 200. */
async function startEdge(): Promise<void> {
  const edgeDir = join(work, "edge");
  mkdirSync(edgeDir);
  const started = performance.now();
  const ready = "/mirrorlist/9/baseos?arch=x86_64";
  edge = await startWranglerDev(edgeDir, paths.dist, env, ready);
  timings["wrangler dev ready"] = performance.now() - started;
  edgeUrl = edge.url;
  const answer = await fetch(`${edgeUrl}${ready}`);
  if (answer.status !== 200) {
    throw new Error(`wrangler dev answered ${answer.status}: ${await answer.text()}\n${edge.log()}`);
  }
}

beforeAll(async () => {
  for (const tool of ["dnf", "createrepo_c"]) {
    if (spawnSync(tool, ["--version"]).error !== undefined) {
      throw new Error(
        `${tool} is missing: \`node scripts/ensure-dnf.ts\` installs it (\`npm run test:integration\` runs it first).`,
      );
    }
  }
  mkdirSync(paths.mirrorsDir);
  const origin = await serveStatic(join(work, "origin"));
  servers.set("origin", origin);
  for (const m of MIRRORS) servers.set(m, await serveStatic(join(work, m)));
  const url = (m: string) => serverOf(m).url;
  writeFileSync(paths.config, CONFIG(origin.url));
  // A is on-net for a client on 127.0.0.1, so it comes first in every list the test client gets.
  writeFileSync(join(paths.mirrorsDir, `${host("a")}.yml`), MIRROR(host("a"), url("a"), "subnets:\n  - 127.0.0.0/8\n"));
  for (const m of ["b", "c"]) writeFileSync(join(paths.mirrorsDir, `${host(m)}.yml`), MIRROR(host(m), url(m)));

  // Run 1: A and B synced from the origin at revision 1; C serves a repomd.xml the origin never published.
  publish(origin.root, 1);
  sync("a");
  sync("b");
  publish(serverOf("c").root, 999);
  await checkMirrors();
  // Run 2: the origin moves on to revision 2, A follows, B stays a revision behind.
  publish(origin.root, 2);
  sync("a");
  await checkMirrors();

  const started = performance.now();
  const build = await run(
    "npx",
    ["astro", "build", "--outDir", paths.dist],
    {
      cwd: ROOT,
      env: {
        ...env,
        ...astroCache(paths.dist),
        LOCALES: "en",
        MIRRORS_DIR: paths.mirrorsDir,
        MIRRORS_CONFIG: paths.config,
        MIRRORS_STATUS: paths.status,
      },
    },
    180_000,
  );
  timings.build = performance.now() - started;
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  await startEdge();
}, 300_000);

afterAll(async () => {
  await edge?.stop();
  for (const { server } of servers.values()) {
    server.closeAllConnections();
    server.close();
  }
  console.log(
    `dnf-metalink timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(", ")}`,
  );
  rmSync(work, { recursive: true, force: true });
});

interface DnfRun {
  status: number | null;
  output: string;
  librepoLog: string;
}

/** `dnf makecache` of one repo in its own install root, config, cache and log folders. */
async function dnf(name: string, source: string): Promise<DnfRun> {
  const t = join(work, `dnf-${name}`);
  for (const d of ["root", "r", "c", "l"]) mkdirSync(join(t, d), { recursive: true });
  writeFileSync(
    join(t, "r", `${name}.repo`),
    `[${name}]\nname=${name}\n${source}\ngpgcheck=0\nmetadata_expire=0\nenabled=1\n`,
  );
  const started = performance.now();
  const ran = await run(
    "dnf",
    [
      "-y",
      "--releasever=9",
      "--forcearch=x86_64",
      `--installroot=${join(t, "root")}`,
      `--setopt=reposdir=${join(t, "r")}`,
      `--setopt=cachedir=${join(t, "c")}`,
      `--setopt=logdir=${join(t, "l")}`,
      // Fail, rather than carry on without the repo, when no mirror gives a good copy.
      "--setopt=skip_if_unavailable=False",
      "--disablerepo=*",
      `--enablerepo=${name}`,
      "makecache",
    ],
    {},
    120_000,
  );
  timings[`dnf ${name}`] = performance.now() - started;
  // dnf puts its logdir inside the install root.
  const logFile = join(t, "root", t, "l", "dnf.librepo.log");
  return {
    status: ran.status,
    output: `${ran.stdout}\n${ran.stderr}`,
    librepoLog: existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no librepo log)",
  };
}

/** What to print when a dnf run does not do what it should. */
const story = (run: DnfRun) =>
  `dnf said:\n${run.output}\nlibrepo log (tail):\n${run.librepoLog.split("\n").slice(-60).join("\n")}`;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

interface MetalinkUrl {
  "#text": string;
  "@preference": string;
  "@protocol": string;
}

/** The mirrors' `repomd.xml` URLs of the edge's metalink, best first. */
async function metalinkUrls(path = "/metalink/9/baseos?arch=x86_64"): Promise<string[]> {
  const answer = await fetch(`${edgeUrl}${path}`);
  expect(answer.status, await answer.clone().text()).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/metalink+xml");
  const doc = parser.parse(await answer.text());
  const file = doc.metalink.files.file;
  expect(file["@name"]).toBe("repomd.xml");
  const raw = file.resources.url as MetalinkUrl | MetalinkUrl[];
  const urls = Array.isArray(raw) ? raw : [raw];
  const preferences = urls.map((u) => Number(u["@preference"]));
  expect(preferences).toEqual([...preferences].sort((x, y) => y - x));
  return urls.map((u) => u["#text"]);
}

const repomdUrl = (m: string) => `${serverOf(m).url}9.8/BaseOS/x86_64/os/repodata/repomd.xml`;

describe("a real dnf client against the checked mirrors and the edge", () => {
  it("the checker judged the mirrors by content: A in sync, B a revision behind, C outdated", () => {
    const status = JSON.parse(readFileSync(paths.status, "utf8"));
    expect(status.repomd[REPO].current.revision).toBe("2");
    expect(status.repomd[REPO].alternates.map((a: { revision: string }) => a.revision)).toEqual(["1"]);
    expect(status.mirrors[host("a")]).toMatchObject({ state: "ok", lag_seconds: 0 });
    expect(status.mirrors[host("b")].state).toBe("ok");
    expect(status.mirrors[host("b")].lag_seconds).toBeLessThan(HOUR);
    expect(status.mirrors[host("b")].repomd_behind).toMatchObject([{ revision: "1" }]);
    expect(status.mirrors[host("c")].state).toBe("outdated");
  });

  it("lists A (on-net for this client, so first) and B in the metalink, and not C", async () => {
    expect(await metalinkUrls()).toEqual([repomdUrl("a"), repomdUrl("b")]);
    expect(await metalinkUrls("/metalink?repo=baseos-9&arch=x86_64")).toEqual([repomdUrl("a"), repomdUrl("b")]);
  });

  it("dnf refuses a mirror that went stale after the check and completes from the next", async () => {
    // A now serves a revision the origin never published; the index still lists it first.
    publish(serverOf("a").root, 3);
    expect((await metalinkUrls())[0]).toBe(repomdUrl("a"));
    const run = await dnf("metalinked", `metalink=${edgeUrl}/metalink/9/baseos?arch=$basearch`);
    expect(run.status, story(run)).toBe(0);
    expect(run.output, story(run)).toMatch(/Metadata cache created/);
    expect(run.output, story(run)).not.toMatch(/Errors during downloading|Ignoring repositories/);
    // librepo asked A first, found its copy matching no hash of the metalink, and moved on to B,
    // whose copy (revision 1) is the metalink's alternate.
    const lines = run.librepoLog.split("\n");
    const fromA = lines.findIndex((l) => l.endsWith(`Downloading: ${repomdUrl("a")}`));
    const fromB = lines.findIndex((l) => l.endsWith(`Downloading: ${repomdUrl("b")}`));
    expect(fromA, story(run)).toBeGreaterThanOrEqual(0);
    expect(lines[fromA + 1], story(run)).toMatch(/checksum doesn't match/);
    expect(fromB, story(run)).toBeGreaterThan(fromA);
    expect(lines.slice(fromB + 1).join("\n"), story(run)).not.toMatch(/Error/);
    expect(serverOf("b").requests).toContain("/almalinux/9.8/BaseOS/x86_64/os/repodata/repomd.xml");
  }, 150_000);

  it("the same dnf works with mirrorlist=", async () => {
    const asked = serverOf("a").requests.length;
    const run = await dnf("listed", `mirrorlist=${edgeUrl}/mirrorlist/9/baseos?arch=$basearch`);
    expect(run.status, story(run)).toBe(0);
    expect(run.output, story(run)).toMatch(/Metadata cache created/);
    expect(run.output, story(run)).not.toMatch(/Errors during downloading/);
    // No hashes to check with a plain list: the first mirror's copy is taken as it is.
    expect(serverOf("a").requests.slice(asked)).toContain("/almalinux/9.8/BaseOS/x86_64/os/repodata/repomd.xml");
  }, 150_000);
});
