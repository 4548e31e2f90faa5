import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMirror, type MirrorBehaviour, refusedPort, startMirror } from "../../scripts/bench/_fake-mirror.ts";
import { writeFileAtomic } from "../../scripts/check/write-atomic.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";

/**
 * `npm run check-mirrors` end to end, as a child process, on the small registry of
 * `tests/fixtures/check/` whose URLs are pointed at loopback servers.
 */
const NOW = Math.floor(Date.now() / 1000);
const dir = mkdtempSync(join(tmpdir(), "check-cli-"));
const servers: FakeMirror[] = [];
/** The fresh mirror's behaviour, changed between runs to make it break and recover. */
const freshBehaviour: MirrorBehaviour = { time: NOW - 600 };

function run(
  args: string[],
  allowPrivate = true,
): {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  // The fixture's mirrors run on 127.0.0.1, which only this opt-in lets the validator and checker accept.
  const child = spawn(process.execPath, ["scripts/check-mirrors.ts", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, MIRRORS_ALLOW_PRIVATE_ADDRESSES: allowPrivate ? "1" : "0" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  child.stderr?.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

beforeAll(async () => {
  const fresh = await startMirror(freshBehaviour);
  const stale = await startMirror({ time: NOW - 2 * 86_400 });
  const holes = await startMirror({ missing: ["10.2/BaseOS/aarch64/"] });
  const hanging = await startMirror({ hang: true });
  servers.push(fresh, stale, holes, hanging);
  const ports: Record<string, number> = {
    "8001": fresh.port,
    "8002": stale.port,
    "8003": holes.port,
    "8004": await refusedPort(),
    "8005": hanging.port,
  };
  cpSync("tests/fixtures/check/config.yml", join(dir, "config.yml"));
  mkdirSync(join(dir, "mirrors.d"));
  for (const file of readdirSync("tests/fixtures/check/mirrors.d")) {
    const text = readFileSync(join("tests/fixtures/check/mirrors.d", file), "utf8");
    writeFileSync(
      join(dir, "mirrors.d", file),
      text.replace(/127\.0\.0\.1:(800\d)/g, (_, p: string) => `127.0.0.1:${ports[p]}`),
    );
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const common = () => ["--mirrors-dir", join(dir, "mirrors.d"), "--config", join(dir, "config.yml"), "--timeout", "1"];

describe("npm run check-mirrors", () => {
  it("checks every mirror of the registry and writes a status file the build can read", async () => {
    const out = join(dir, "status.json");
    const { code, stdout, stderr } = await run([...common(), "--out", out, "--concurrency", "3"]).done;
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Checked 6 mirrors in \d+\.\d s: ok 2, outdated 1, broken 1, unreachable 2\. Wrote .*status\.json\.\n$/,
    );
    // Not a terminal: one plain line per mirror.
    expect(stderr.trim().split("\n").sort()).toEqual([
      "No previous status file: the history starts today.",
      expect.stringMatching(
        /^broken {6}holes\.example\.org: repodata\/repomd\.xml missing for 10\.2\/BaseOS\/aarch64: /,
      ),
      expect.stringMatching(/^ok {10}fresh\.example\.org: All 10 repodata files answer; synced 10 minutes ago/),
      expect.stringMatching(/^ok {10}private\.example\.org: Private mirror: not checked/),
      expect.stringMatching(/^outdated {4}stale\.example\.org: TIME is 2 days old \(allowed: 12h\)$/),
      expect.stringMatching(/^unreachable hanging\.example\.org: The base URL .* failed: timed out after 1 s$/),
      expect.stringMatching(/^unreachable refused\.example\.org: The base URL .* failed: connection refused$/),
    ]);
    const { status, diagnostics } = parseStatusFile(out, readFileSync(out, "utf8"));
    expect(diagnostics).toEqual([]);
    expect(Object.keys(status?.mirrors ?? {})).toEqual([
      "fresh.example.org",
      "hanging.example.org",
      "holes.example.org",
      "private.example.org",
      "refused.example.org",
      "stale.example.org",
    ]);
    expect(status?.mirrors["fresh.example.org"]?.kitten?.state).toBe("ok");
    expect([...(servers[0]?.userAgents ?? [])][0]).toMatch(/^mirrorsite\/\d+\.\d+\.\d+ check-mirrors \(/);
  });

  it("carries each mirror's history over from --previous, and starts afresh for an entry that does not read", async () => {
    const out = join(dir, "carried.json");
    const previous = join(dir, "previous.json");
    const earlier = new Date(Date.now() - 60_000).toISOString();
    const today = earlier.slice(0, 10);
    const entry = (state: string, days: unknown[]) => ({
      state,
      reason: "earlier",
      checked_at: earlier,
      history: { changes: [], days },
    });
    writeFileSync(
      previous,
      JSON.stringify({
        checked_at: earlier,
        mirrors: {
          "fresh.example.org": entry("broken", [{ day: today, checks: 4, ok: 3 }]),
          "holes.example.org": entry("ok", [{ day: today, checks: 1, ok: 2 }]),
        },
      }),
    );
    const { code, stderr } = await run([...common(), "--out", out, "--previous", previous]).done;
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /previous\.json:\d+:\d+ `mirrors\.holes\.example\.org\.history\.days\.0\.ok` counts more ok checks than checks: that mirror's history starts today\./,
    );
    const { status } = parseStatusFile(out, readFileSync(out, "utf8"));
    const fresh = status?.mirrors["fresh.example.org"]?.history;
    expect(fresh?.days).toEqual([{ day: expect.any(String), checks: 5, ok: 4 }]);
    expect(fresh?.changes).toEqual([
      {
        at: expect.any(String),
        from: "broken",
        to: "ok",
        reason: expect.stringMatching(/^All 10 repodata files answer/),
        reason_code: "all-ok",
        reason_params: { count: 10, age: expect.any(Number), allowed: "12h" },
      },
    ]);
    expect(status?.mirrors["holes.example.org"]?.history).toEqual({
      changes: [],
      days: [{ day: expect.any(String), checks: 1, ok: 0 }],
    });
  });

  // Three whole runs of the CLI: room for a busy machine; the time limit catches a hang.
  it("records ok → broken → ok over three runs, each carrying the last one's file forward", async () => {
    const out = join(dir, "three-rounds.json");
    const states: string[] = [];
    for (const missing of [[], ["10.2/BaseOS/aarch64/"], []]) {
      freshBehaviour.missing = missing;
      const { code } = await run([...common(), "--out", out]).done;
      expect(code).toBe(0);
      const { status } = parseStatusFile(out, readFileSync(out, "utf8"));
      states.push(status?.mirrors["fresh.example.org"]?.state ?? "");
    }
    freshBehaviour.missing = [];
    expect(states).toEqual(["ok", "broken", "ok"]);
    const { status } = parseStatusFile(out, readFileSync(out, "utf8"));
    const history = status?.mirrors["fresh.example.org"]?.history;
    expect(history?.changes).toEqual([
      expect.objectContaining({
        from: "ok",
        to: "broken",
        reason: expect.stringMatching(/^repodata\/repomd\.xml missing for 10\.2\/BaseOS\/aarch64/),
      }),
      expect.objectContaining({
        from: "broken",
        to: "ok",
        reason: expect.stringMatching(/^All 10 repodata files answer/),
      }),
    ]);
    const checks = history?.days.reduce((n, d) => n + d.checks, 0);
    const ok = history?.days.reduce((n, d) => n + d.ok, 0);
    expect([checks, ok]).toEqual([3, 2]);
    // A mirror that never changed has its checks and no change.
    expect(status?.mirrors["stale.example.org"]?.history?.changes).toEqual([]);
  }, 120_000);

  it("connects to no loopback mirror without MIRRORS_ALLOW_PRIVATE_ADDRESSES=1", async () => {
    const before = servers.map((s) => s.requests.length);
    const out = join(dir, "public-only.json");
    const { code } = await run([...common(), "--out", out], false).done;
    expect(code).toBe(0);
    expect(servers.map((s) => s.requests.length)).toEqual(before);
    const { status } = parseStatusFile(out, readFileSync(out, "utf8"));
    for (const [name, entry] of Object.entries(status?.mirrors ?? {})) {
      if (entry.checked === false) continue;
      expect(entry, name).toMatchObject({
        state: "unreachable",
        reason: "127.0.0.1 is a loopback address; the checker connects only to public addresses",
      });
    }
  });

  it("says what is wrong with its arguments", async () => {
    const { code, stderr } = await run(["--concurrency", "many"]).done;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--concurrency must be a positive number\.\nusage: npm run check-mirrors/);
    expect((await run(["--bogus"]).done).code).toBe(2);
  });

  it("leaves the previous status file in place when killed mid-run", async () => {
    const out = join(dir, "kept.json");
    writeFileSync(out, '{"checked_at":"2026-01-01T00:00:00.000Z","mirrors":{}}\n');
    // The hanging mirror holds the run for its 30 s timeout; kill it well before.
    const { child, done } = run([...common(), "--timeout", "30", "--out", out]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    child.kill("SIGKILL");
    await done;
    expect(readFileSync(out, "utf8")).toBe('{"checked_at":"2026-01-01T00:00:00.000Z","mirrors":{}}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file whole, through a temporary file it does not leave behind", async () => {
    const target = join(dir, "atomic.json");
    writeFileSync(target, "old\n");
    await writeFileAtomic(target, "new\n");
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(readdirSync(dir).filter((f) => f.includes("atomic.json."))).toEqual([]);
  });

  it("leaves the old file as it was when the write fails, and cleans up", async () => {
    const target = join(dir, "taken");
    mkdirSync(target);
    await expect(writeFileAtomic(target, "new\n")).rejects.toThrow();
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith(".taken."))).toEqual([]);
  });
});
