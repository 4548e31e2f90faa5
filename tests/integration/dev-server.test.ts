/**
 * The dev loop a mirror sponsor or a contributor meets: `npm run dev` over a registry of two real
 * files in a scratch folder. An edited file shows on its page within seconds; a file made invalid
 * logs its diagnostic in the terminal, and the server goes on answering.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { astroCache } from "./site-build.ts";

const MIRROR = "mirror.ox.ac.uk";
const work = mkdtempSync(join(tmpdir(), "dev-server-"));
const file = join(work, `${MIRROR}.yml`);
let server: ChildProcess;
let origin = "";
let terminal = "";

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** Polls `check` every half second until it holds, or fails after `seconds`. */
async function eventually(what: string, seconds: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch {
      // Not up yet: try again.
    }
    await sleep(500);
  }
  throw new Error(`${what} did not happen within ${seconds} s. The dev server said:\n${terminal}`);
}

const page = async (path: string) => {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  for (const name of [MIRROR, "al-mirror.a2hosting.com"])
    copyFileSync(`mirrors.d/${name}.yml`, join(work, `${name}.yml`));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // As from a terminal: not Vitest's `NODE_ENV=test` and `VITEST*`, which Astro and Vite read.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  server = spawn("npx", ["astro", "dev", "--host", "127.0.0.1", "--port", String(port)], {
    env: { ...env, ...astroCache(work), NODE_ENV: "development", LOCALES: "en", MIRRORS_DIR: work },
    detached: true,
  });
  server.stdout?.on("data", (chunk) => {
    terminal += String(chunk);
  });
  server.on("exit", (code, signal) => {
    terminal += `[exited: ${code} ${signal}]`;
  });
  server.stderr?.on("data", (chunk) => {
    terminal += String(chunk);
  });
  await eventually("the mirror page", 180, async () => (await page(`/mirrors/${MIRROR}/`)).status === 200);
});

afterAll(() => {
  // The whole process group: npx, astro and Vite's workers.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(work, { recursive: true, force: true });
  rmSync(astroCache(work).ASTRO_CACHE_DIR, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("shows an edited mirror file on its page within seconds", async () => {
    expect((await page(`/mirrors/${MIRROR}/`)).text).not.toContain("Renamed Sponsor Ltd");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^sponsor: .*$/m, "sponsor: Renamed Sponsor Ltd"));
    await eventually("the new sponsor on the page", 30, async () =>
      (await page(`/mirrors/${MIRROR}/`)).text.includes("Renamed Sponsor Ltd"),
    );
  });

  it("logs the diagnostic of a file made invalid, and goes on answering", async () => {
    writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, "name: https://mirror.ox.ac.uk/"));
    await eventually("the diagnostic in the terminal", 30, () => terminal.includes(`${MIRROR}.yml:2:7 name-not-host`));
    expect(server.exitCode).toBeNull();
    expect((await page("/mirrors/al-mirror.a2hosting.com/")).status).toBe(200);
  });
});
