/**
 * Real download clients against the whole chain, all on 127.0.0.1: a loopback origin with a
 * small file per image kind (isos, cloud, live, raspberrypi) and each folder's CHECKSUM, three
 * loopback mirrors (A a byte copy, B a release behind, C a byte copy whose ISO is corrupted after
 * the check), the checker CLI run twice while the origin moves on, one site build with that
 * status, and the edge worker in `wrangler dev` from the real deploy config. `curl -L` on a
 * `/download/` URL lands on the verified copy; aria2 downloads through the `.meta4` and checks
 * the sha-256, and refuses C's corrupted file without keeping it. Needs `aria2c`
 * (scripts/ensure-dnf.ts installs Debian's `aria2`).
 */

import { type SpawnOptions, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
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
import { dirname, join, normalize, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSiteAsync, scratchDir } from "./site-build.ts";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// Inside the project, as every test build: Astro keeps a build's chunks beside the project.
const work = scratchDir("download-images-");
const ISO = "AlmaLinux-9.8-x86_64-boot.iso";
const ISO_LATEST = "AlmaLinux-9-latest-x86_64-boot.iso";

/** The image folders of the test config, with one file each (plus the ISO's stable `latest` name). */
const FOLDERS: Record<string, string[]> = {
  "9.8/isos/x86_64/": [ISO, ISO_LATEST],
  "9.8/cloud/x86_64/images/": ["AlmaLinux-9-GenericCloud-latest.x86_64.qcow2"],
  "9.8/live/x86_64/": ["AlmaLinux-9.8-x86_64-Live-GNOME.iso"],
  "9.8/raspberrypi/images/": ["AlmaLinux-9-RaspberryPi-latest.aarch64.raw.xz"],
};

interface StaticServer {
  root: string;
  url: string;
  server: Server;
}

/** A loopback static file server over `root`, answering GET and HEAD. */
async function serveStatic(root: string): Promise<StaticServer> {
  mkdirSync(root, { recursive: true });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    if (!existsSync(file)) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    if (statSync(file).isDirectory())
      return void res.writeHead(200, { "Content-Type": "text/html" }).end("<html></html>");
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": statSync(file).size });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { root, url: `http://127.0.0.1:${port}/almalinux/`, server };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Release `n` at the origin: every image (n-dependent bytes), each folder's clear-signed CHECKSUM, repodata, TIME. */
function publish(root: string, n: number): void {
  const tree = join(root, "almalinux");
  for (const arch of ["x86_64", "aarch64"]) {
    const repodata = join(tree, `9.8/BaseOS/${arch}/os/repodata`);
    mkdirSync(repodata, { recursive: true });
    writeFileSync(join(repodata, "repomd.xml"), `<?xml version="1.0"?>\n<repomd><revision>1</revision></repomd>\n`);
  }
  for (const [folder, names] of Object.entries(FOLDERS)) {
    mkdirSync(join(tree, folder), { recursive: true });
    const lines: string[] = [];
    for (const name of names) {
      // The ISO changes with each release; the other images stay. `latest` is the same bytes as the release.
      const release = name.includes("boot.iso");
      const seed = release ? `boot iso release ${n}` : name;
      const bytes = Buffer.from(seed.repeat(4096).slice(0, 64 * 1024 + (release ? n : 0)));
      writeFileSync(join(tree, folder, name), bytes);
      lines.push(`# ${name}: ${bytes.length} bytes`, `SHA256 (${name}) = ${sha256(bytes)}`);
    }
    const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${lines.join("\n")}\n-----BEGIN PGP SIGNATURE-----\n\nnot a real signature\n-----END PGP SIGNATURE-----\n`;
    writeFileSync(join(tree, folder, "CHECKSUM"), signed);
  }
  writeFileSync(join(tree, "TIME"), `${Math.floor(Date.now() / 1000)}\n`);
}

const servers = new Map<string, StaticServer>();
const serverOf = (name: string) => servers.get(name) as StaticServer;

/** A mirror syncing from the origin: a byte copy of its whole tree. */
function sync(mirror: string): void {
  const tree = join(serverOf(mirror).root, "almalinux");
  rmSync(tree, { recursive: true, force: true });
  cpSync(join(serverOf("origin").root, "almalinux"), tree, { recursive: true });
}

const CONFIG = (origin: string) => `---
config_version: 3
allowed_outdate: 12h
mirrors_dir: mirrors.d
reference_url: ${origin}
images:
  - name: isos
    path: $version/isos/$arch/
  - name: cloud
    path: $version/cloud/$arch/images/
  - name: live
    path: $version/live/$arch/
    arches: [x86_64, aarch64]
  - name: raspberrypi
    path: $version/raspberrypi/images/
    arches: [aarch64]
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
    - aarch64
required_protocols:
  - http
repos:
  - name: baseos
    path: BaseOS/$basearch/os/
...
`;

const PLACES = { a: ["DE", "Frankfurt"], b: ["FR", "Paris"], c: ["NL", "Amsterdam"] } as const;
const host = (m: string) => `${m}.mirror.example.org`;
const MIRROR = (m: keyof typeof PLACES, url: string) => `---
name: ${host(m)}
address:
  http: ${url}
update_frequency: 3h
sponsor: ${m} Hosting
sponsor_url: https://example.org
email: noc@example.org
geolocation:
  country: ${PLACES[m][0]}
  city: ${PLACES[m][1]}
`;

const paths = {
  mirrorsDir: join(work, "mirrors.d"),
  config: join(work, "config.yml"),
  status: join(work, "status.json"),
  dist: join(work, "dist"),
};
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1" };
let edge: WranglerDev | null = null;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end without blocking this process, whose servers it talks to. */
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
  const args = ["--mirrors-dir", paths.mirrorsDir, "--config", paths.config, "--out", paths.status, "--timeout", "5"];
  const check = await run(process.execPath, ["scripts/check-mirrors.ts", ...args], { cwd: ROOT, env }, 60_000);
  if (check.status !== 0) throw new Error(`check-mirrors failed:\n${check.stdout}\n${check.stderr}`);
}

beforeAll(async () => {
  if (spawnSync("aria2c", ["--version"]).error !== undefined) {
    throw new Error("aria2c is missing: `node scripts/ensure-dnf.ts` installs Debian's aria2.");
  }
  mkdirSync(paths.mirrorsDir);
  servers.set("origin", await serveStatic(join(work, "origin")));
  for (const m of ["a", "b", "c"] as const) {
    servers.set(m, await serveStatic(join(work, m)));
    writeFileSync(join(paths.mirrorsDir, `${host(m)}.yml`), MIRROR(m, serverOf(m).url));
  }
  writeFileSync(paths.config, CONFIG(serverOf("origin").url));
  // Run 1: everyone has release 1. Run 2: the origin publishes release 2; A and C follow, B stays behind.
  publish(serverOf("origin").root, 1);
  for (const m of ["a", "b", "c"]) sync(m);
  await checkMirrors();
  publish(serverOf("origin").root, 2);
  sync("a");
  sync("c");
  await checkMirrors();

  const build = await buildSiteAsync(paths.dist, {
    MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1",
    MIRRORS_DIR: paths.mirrorsDir,
    MIRRORS_CONFIG: paths.config,
    MIRRORS_STATUS: paths.status,
  });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
  const edgeDir = join(work, "edge");
  mkdirSync(edgeDir);
  edge = await startWranglerDev(edgeDir, paths.dist, env, "/nearest/isos/x86_64/9");
}, 300_000);

afterAll(async () => {
  await edge?.stop();
  for (const { server } of servers.values()) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(work, { recursive: true, force: true });
});

const originBytes = (folder: string, name: string) =>
  readFileSync(join(serverOf("origin").root, "almalinux", folder, name));

describe("the checker, per image folder", () => {
  it("keeps the origin's files and says which mirror is verified, behind or carries nothing", () => {
    const status = JSON.parse(readFileSync(paths.status, "utf8"));
    expect(Object.keys(status.images).sort()).toEqual([
      "cloud/x86_64/9.8",
      "isos/x86_64/9.8",
      "live/x86_64/9.8",
      "raspberrypi/aarch64/9.8",
    ]);
    const isos = status.images["isos/x86_64/9.8"];
    expect(isos.files.map((f: { name: string }) => f.name)).toEqual([ISO, ISO_LATEST]);
    expect(isos.files[0]).toEqual({
      name: ISO,
      size: 64 * 1024 + 2,
      sha256: sha256(originBytes("9.8/isos/x86_64/", ISO)),
    });
    expect(isos.signature).toBe("CHECKSUM");
    expect(isos.alternates).toHaveLength(1);
    const state = (m: string, key: string) => status.mirrors[host(m)].images[key].state;
    expect([state("a", "isos/x86_64/9.8"), state("b", "isos/x86_64/9.8"), state("c", "isos/x86_64/9.8")]).toEqual([
      "verified",
      "behind",
      "verified",
    ]);
    // B is behind for the ISOs only: its other folders are the origin's.
    expect(state("b", "cloud/x86_64/9.8")).toBe("verified");
    expect(status.mirrors[host("b")].images["isos/x86_64/9.8"].reason).toContain("previous one");
  });
});

describe("/download/ with real clients", () => {
  const url = (path: string) => `${edge?.url}${path}`;

  it("curl -L lands on the verified copy, by the release name and by the origin's latest name", async () => {
    for (const name of [ISO, ISO_LATEST]) {
      const out = join(work, `curl-${name}`);
      const curl = await run(
        "curl",
        ["-sS", "-L", "-o", out, "-w", "%{url_effective}", url(`/download/9/isos/x86_64/${name}?country=DE`)],
        {},
        30_000,
      );
      expect(curl.status, curl.stderr).toBe(0);
      expect(curl.stdout).toBe(`${serverOf("a").url}9.8/isos/x86_64/${name}`);
      expect(sha256(readFileSync(out))).toBe(sha256(originBytes("9.8/isos/x86_64/", ISO)));
    }
    // Every kind of image is there too.
    const cloud = await fetch(url("/download/9.8/cloud/x86_64/images/AlmaLinux-9-GenericCloud-latest.x86_64.qcow2"), {
      redirect: "manual",
    });
    expect(cloud.status).toBe(302);
    expect(cloud.headers.get("cache-control")).toContain("private");
  });

  it("never redirects to a mirror behind, nor for a name the CHECKSUM does not list", async () => {
    const behind = await fetch(url(`/download/9/isos/x86_64/${ISO}?country=FR`), { redirect: "manual" });
    expect(behind.status).toBe(404);
    expect(await behind.text()).toContain("No mirror has a verified copy of 9.8/isos/x86_64/");
    const unknown = await fetch(url("/download/9/isos/x86_64/AlmaLinux-9.8-x86_64-evil.iso"), { redirect: "manual" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("is not in the origin's CHECKSUM");
    const climbing = await fetch(url("/download/9/isos/x86_64/%2e%2e%2fTIME"), { redirect: "manual" });
    expect(climbing.status).toBe(404);
  });

  it("aria2c downloads through the .meta4 and checks the sha-256", async () => {
    const answer = await fetch(url(`/download/9/isos/x86_64/${ISO}.meta4?country=DE`));
    expect(answer.headers.get("content-type")).toBe("application/metalink4+xml");
    const meta4 = join(work, "good.meta4");
    writeFileSync(meta4, await answer.text());
    const dir = join(work, "aria-good");
    const aria = await run("aria2c", ["-q", "--check-integrity=true", "-d", dir, "-M", meta4], {}, 60_000);
    expect(aria.status, `${aria.stdout}${aria.stderr}`).toBe(0);
    expect(sha256(readFileSync(join(dir, ISO)))).toBe(sha256(originBytes("9.8/isos/x86_64/", ISO)));
  });

  it("aria2c refuses a copy corrupted after the check: a hash failure, the file left unfinished, fixed by the next run", async () => {
    const file = join(serverOf("c").root, "almalinux/9.8/isos/x86_64", ISO);
    const bytes = readFileSync(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const meta4 = async (country: string) => {
      const answer = await fetch(url(`/download/9/isos/x86_64/${ISO}.meta4?country=${country}`));
      const path = join(work, `${country}.meta4`);
      writeFileSync(path, await answer.text());
      return path;
    };
    const dir = join(work, "aria-corrupt");
    const aria = (path: string) =>
      run("aria2c", ["--check-integrity=true", "--max-tries=1", "-d", dir, "-M", path], {}, 60_000);
    const failed = await aria(await meta4("NL"));
    // 32: "checksum validation failed" in aria2's exit codes.
    expect(failed.status).toBe(32);
    expect(failed.stdout).toContain("Checksum error detected");
    // aria2 does not call the file done: its control file stays beside it, for the next run to redo.
    expect(existsSync(join(dir, `${ISO}.aria2`))).toBe(true);
    const fixed = await aria(await meta4("DE"));
    expect(fixed.status, fixed.stdout).toBe(0);
    expect(sha256(readFileSync(join(dir, ISO)))).toBe(sha256(originBytes("9.8/isos/x86_64/", ISO)));
    expect(existsSync(join(dir, `${ISO}.aria2`))).toBe(false);
  });
});

describe("the edge's JSON", () => {
  it("/nearest lists the verified mirrors of a folder, privately, under 2 KiB", async () => {
    const answer = await fetch(`${edge?.url}/nearest/isos/x86_64/9`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toContain("private");
    const text = await answer.text();
    expect(text.length).toBeLessThan(2048);
    const body = JSON.parse(text);
    expect(body.folder).toBe("9.8/isos/x86_64/");
    expect(body.mirrors.map((m: { name: string }) => m.name).sort()).toEqual([host("a"), host("c")]);
  });

  it("/debug/json/* answer JSON for the caller alone, with no e-mail", async () => {
    for (const path of ["/debug/json/ip_info", "/debug/json/nearest_mirrors"]) {
      const answer = await fetch(`${edge?.url}${path}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
      const text = await answer.text();
      expect(() => JSON.parse(text)).not.toThrow();
      expect(text).not.toContain("@");
    }
  });

  it("npm run mirrorlist simulates /download/ from the built index", async () => {
    const index = join(paths.dist, "mirrorlist/v1.json");
    const sim = await run(
      process.execPath,
      ["scripts/mirrorlist.ts", "--index", index, "--country", "DE", `/download/9/isos/x86_64/${ISO}?country=DE`],
      { cwd: ROOT, env },
      30_000,
    );
    expect(sim.status, sim.stderr).toBe(0);
    expect(sim.stdout.trim()).toBe(`${serverOf("a").url}9.8/isos/x86_64/${ISO}`);
    expect(existsSync(join(dirname(index), "v1-images.json"))).toBe(true);
  });
});
