/**
 * `wrangler dev` over a built site, from a copy of the deploy config (src/edge/wrangler.jsonc):
 * the worker and the static assets in workerd as Cloudflare runs them, with `run_worker_first`,
 * `html_handling`, `not_found_handling` and the site's `_headers` applied by wrangler itself.
 * Bound to 127.0.0.1, offline.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { deployConfigCopy } from "./deploy-config.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** A running `wrangler dev`. */
export interface WranglerDev {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** What wrangler printed so far. */
  log(): string;
  /** Stops wrangler's whole process group, harder if it has not gone within 5 s. */
  stop(): Promise<void>;
}

/**
 * Stops a process started with `detached: true` and its whole group (npm, node, wrangler,
 * workerd): SIGTERM, then SIGKILL after 5 s.
 */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const gone = new Promise((done) => child.on("close", done));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5_000);
  await gone;
  clearTimeout(timer);
}

/** A free loopback port (nothing listens on it once this returns). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * Starts `wrangler dev` over `dist` with the deploy config copied into `dir`, and returns once
 * `readyPath` answers at all (any status); throws with wrangler's log when it has not within 90 s.
 */
export async function startWranglerDev(
  dir: string,
  dist: string,
  env: NodeJS.ProcessEnv,
  readyPath: string,
): Promise<WranglerDev> {
  const config = deployConfigCopy(dir, dist);
  const port = await freePort();
  const inspector = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  // detached: its own session and process group (setsid), so that the whole tree npx starts
  // (node, two workerd) can be stopped together.
  const child = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--config",
      config,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspector),
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
    },
  );
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const stop = () => stopGroup(child);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    // A connection accepted but never answered must not outlast the deadline.
    const answer = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (answer !== null) {
      await answer.body?.cancel();
      return { url, log: () => log, stop };
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer:\n${log}`);
}
