import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry, registryPaths } from "../../src/core/load.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";

const GOOD = `{
  "checked_at": "2026-07-16T12:00:00.000Z",
  "mirrors": {
    "fresh.example.org": {
      "state": "ok",
      "reason": "All 10 repodata files answer; synced 1 hour ago (allowed: 12h)",
      "checked_at": "2026-07-16T11:59:58.000Z",
      "ipv4": true,
      "ipv6": null,
      "timings": { "total_ms": 12 }
    },
    "stale.example.org": {
      "state": "outdated",
      "reason": "TIME is 3 days old (allowed: 12h)",
      "checked_at": "2026-07-16T11:59:58.000Z",
      "future_field": "kept"
    }
  }
}
`;

describe("parseStatusFile", () => {
  it("reads a checker's file whole, keeping keys it does not know", () => {
    const { status, diagnostics } = parseStatusFile("status.json", GOOD);
    expect(diagnostics).toEqual([]);
    expect(status?.checked_at).toBe("2026-07-16T12:00:00.000Z");
    expect(Object.keys(status?.mirrors ?? {})).toEqual(["fresh.example.org", "stale.example.org"]);
    expect(status?.mirrors["stale.example.org"]).toHaveProperty("future_field", "kept");
  });

  it("keeps the reference's repomd.xml history, for the next run and the metalinks", () => {
    const record = {
      sha256: "a".repeat(64),
      sha512: "b".repeat(128),
      size: 3059,
      revision: "2",
      timestamp: 1_796_235_423,
      first_seen: "2026-07-16T11:00:00.000Z",
    };
    const repomd = {
      "9.8/BaseOS/x86_64/os": {
        current: record,
        alternates: [{ ...record, revision: "1", sha256: "c".repeat(64), superseded_at: "2026-07-16T11:00:00.000Z" }],
      },
    };
    const text = GOOD.replace('"mirrors": {', `"repomd": ${JSON.stringify(repomd)},\n  "mirrors": {`);
    const { status, diagnostics } = parseStatusFile("status.json", text);
    expect(diagnostics).toEqual([]);
    expect(status?.repomd).toEqual(repomd);
    expect(parseStatusFile("status.json", GOOD).status).not.toHaveProperty("repomd");
  });

  it("points at a JSON syntax error's line and column", () => {
    const { status, diagnostics } = parseStatusFile("status.json", GOOD.replace('"ipv4": true,', '"ipv4": true,,'));
    expect(status).toBeNull();
    expect(diagnostics).toMatchObject([
      { file: "status.json", line: 8, column: 20, severity: "error", code: "status-syntax" },
    ]);
  });

  it("leaves out one bad entry with a warning at its line, and keeps the others", () => {
    const { status, diagnostics } = parseStatusFile(
      "status.json",
      GOOD.replace('"state": "outdated"', '"state": "dead"'),
    );
    expect(Object.keys(status?.mirrors ?? {})).toEqual(["fresh.example.org"]);
    expect(diagnostics).toEqual([
      {
        file: "status.json",
        line: 13,
        column: 16,
        severity: "warning",
        code: "status-entry",
        path: ["mirrors", "stale.example.org", "state"],
        params: {
          problem: "enum",
          where: "path",
          path: "mirrors.stale.example.org.state",
          allowed: "ok, outdated, broken, unreachable",
        },
        message:
          "`mirrors.stale.example.org.state` must be one of ok, outdated, broken, unreachable. This mirror is shown as not checked; run `npm run check-mirrors` to write the file again.",
      },
    ]);
  });

  it("refuses a file without its frame, pointing at the parent of what is missing", () => {
    const { status, diagnostics } = parseStatusFile("status.json", '{\n  "mirrors": {}\n}\n');
    expect(status).toBeNull();
    expect(diagnostics).toMatchObject([{ line: 1, column: 1, severity: "error", code: "status-schema" }]);
    expect(diagnostics[0]?.message).toMatch(/^`checked_at` is missing\./);
    expect(parseStatusFile("s.json", "[]").diagnostics[0]?.code).toBe("status-schema");
    expect(parseStatusFile("s.json", "").diagnostics[0]?.code).toBe("status-syntax");
  });
});

describe("loadRegistry with MIRRORS_STATUS", () => {
  const dir = mkdtempSync(join(tmpdir(), "status-load-"));
  const fixture = { mirrorsDir: "tests/fixtures/check/mirrors.d", configFile: "tests/fixtures/check/config.yml" };
  /** The fixture's mirrors run on 127.0.0.1. */
  const local = { allowPrivateAddresses: true };

  it("reads MIRRORS_STATUS from the environment", () => {
    expect(registryPaths({ MIRRORS_STATUS: "s.json" }).statusFile).toBe("s.json");
    expect(registryPaths({}).statusFile).toBeNull();
  });

  it("fills Registry.status when the variable names a file", () => {
    const file = join(dir, "good.json");
    writeFileSync(file, GOOD);
    const registry = loadRegistry({ ...fixture, statusFile: file }, local);
    expect(registry.status?.mirrors["fresh.example.org"]?.state).toBe("ok");
    expect(registry.diagnostics).toEqual([]);
    expect(registry.mirrors).toHaveLength(6);
  });

  it("keeps going with diagnostics when the file is broken or missing", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, "{ half a file");
    const broken = loadRegistry({ ...fixture, statusFile: file }, local);
    expect(broken.status).toBeNull();
    expect(broken.mirrors).toHaveLength(6);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["status-syntax"]);
    const missing = loadRegistry({ ...fixture, statusFile: join(dir, "nowhere.json") }, local);
    expect(missing.status).toBeNull();
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["status-unreadable"]);
  });

  it("is the same as before when no status file is named", () => {
    expect(loadRegistry(fixture, local).status).toBeNull();
  });
});
