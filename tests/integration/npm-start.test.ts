/**
 * `npm start` as the README says it (`PORT=… npm start`): it builds the site (here the small
 * `images` fixture site in one locale, into a scratch folder named by `SITE_DIR`, so the
 * suite's `dist/` is left alone) and serves it through the edge worker in `wrangler dev`, so a
 * page, a mirrorlist, a metalink and a download URL answer as on the edge.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS } from "./site-build.ts";
import { freePort, stopGroup } from "./wrangler-dev.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "npm-start-"));
let child: ChildProcess;
let origin = "";
let log = "";

/** Stops `npm start`'s whole process group (npm, node, wrangler, workerd). */
async function stop(): Promise<void> {
  if (child) await stopGroup(child);
}

/**
 * The `images` fixture's status file (every mirror checked, the origin's CHECKSUM of five image
 * folders and each mirror's state there) plus the origin's `repomd.xml` for 9.8 BaseOS x86_64,
 * so that its metalink has a hash to give.
 */
function writeStatus(path: string): void {
  const status = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/images/status.json"), "utf8"));
  const record = {
    sha256: "a".repeat(64),
    sha512: "b".repeat(128),
    size: 3059,
    revision: "2",
    timestamp: 1_796_235_423,
    first_seen: "2026-07-16T11:00:00.000Z",
  };
  status.repomd = { "9.8/BaseOS/x86_64/os": { current: record, alternates: [] } };
  writeFileSync(path, JSON.stringify(status));
}

beforeAll(async () => {
  writeStatus(join(work, "status.json"));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    SITE_DIR: join(work, "dist"),
    MIRRORS_DIR: "tests/fixtures/site/mirrors.d",
    MIRRORS_CONFIG: "tests/fixtures/images/config.yml",
    MIRRORS_STATUS: join(work, "status.json"),
    LOCALES: "en",
    CI: "1",
    NO_COLOR: "1",
  };
  // Its own process group (setsid), so that the tree under npm can be stopped together.
  child = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const answer = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (answer?.ok) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new Error(`npm start did not serve ${origin}/:\n${log}`);
}, BUILD_TIMEOUT_MS + 30_000);

afterAll(async () => {
  await stop();
  rmSync(work, { recursive: true, force: true });
});

describe("npm start", () => {
  it("serves the pages", async () => {
    const page = await fetch(`${origin}/isos/x86_64/9.8/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("AlmaLinux 9.8 ISO images for x86_64");
  });

  it("answers a mirrorlist through the worker, as the edge does", async () => {
    const list = await fetch(`${origin}/mirrorlist/9/baseos`);
    expect(list.status, log).toBe(200);
    const lines = (await list.text()).trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^https?:\/\/\S+\/9\.8\/BaseOS\/\$basearch\/os\/$/);
  });

  it("answers a metalink through the worker", async () => {
    const metalink = await fetch(`${origin}/metalink/9/baseos?arch=x86_64`);
    expect(metalink.headers.get("content-type")).toContain("application/metalink+xml");
    const xml = await metalink.text();
    expect(xml).toContain("<metalink");
    expect(xml).toContain(`<hash type="sha256">${"a".repeat(64)}</hash>`);
    expect(xml).toMatch(
      /<url protocol="https"[^>]*>https:\/\/\S+\/9\.8\/BaseOS\/x86_64\/os\/repodata\/repomd\.xml<\/url>/,
    );
  });

  it("sends a download URL on to a mirror whose folder is verified", async () => {
    const file = "9.8/isos/x86_64/AlmaLinux-9.8-x86_64-dvd.iso";
    const answer = await fetch(`${origin}/download/${file}`, { redirect: "manual" });
    expect(answer.status, log).toBe(302);
    expect(answer.headers.get("cache-control")).toContain("private");
    const location = answer.headers.get("location") ?? "";
    expect(location).toMatch(/^https?:\/\/\S+\/9\.8\/isos\/x86_64\/AlmaLinux-9\.8-x86_64-dvd\.iso$/);
    // The fixture's mirrors that are behind, do not carry the folder, or differ: never chosen.
    for (const host of ["al-mirror.a2hosting.com", "mirror.spectraip.net", "almalinux-mirror.vpsuniverse.net"]) {
      expect(new URL(location).host).not.toBe(host);
    }
    const missing = await fetch(`${origin}/download/9.8/isos/x86_64/not-in-checksum.iso`, { redirect: "manual" });
    expect(missing.status).toBe(404);
  });
});
