/**
 * The checker's status file, through a real build: states and reasons on the table and the
 * mirror pages, and only `ok` mirrors in the mirrorlist index and static lists.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import type { StatusFile } from "../../src/core/types.ts";

const work = mkdtempSync(join(tmpdir(), "status-build-"));
const outDir = join(work, "dist");
const CHECKED = "2026-11-28T06:00:00Z";
const OUTDATED = "mirror.ox.ac.uk";
const BROKEN = "al-mirror.a2hosting.com";
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  const registry = loadRegistry({ mirrorsDir: "mirrors.d", configFile: "config.yml" });
  const status: StatusFile = {
    checked_at: CHECKED,
    mirrors: Object.fromEntries(
      registry.mirrors.map((m) => [
        m.name,
        { state: "ok", reason: "Serves fresh, complete trees.", checked_at: CHECKED },
      ]),
    ),
  };
  status.mirrors[OUTDATED] = { state: "outdated", reason: "TIME is 3 days old (allowed: 12h)", checked_at: CHECKED };
  status.mirrors[BROKEN] = {
    state: "broken",
    reason: "repodata/repomd.xml missing for 9.8/AppStream/aarch64",
    checked_at: CHECKED,
    url: "https://al-mirror.a2hosting.com/9.8/AppStream/aarch64/os/repodata/repomd.xml",
    http_status: 404,
  };
  writeFileSync(join(work, "status.json"), JSON.stringify(status));
  build = spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", LOCALES: "en", MIRRORS_STATUS: join(work, "status.json") },
    timeout: 240_000,
  });
}, 250_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(outDir, path), "utf8");

describe("a build given the checker's status file", () => {
  it("shows each mirror's state in words in the table, and its reason on its page", () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const home = page("index.html");
    expect(home).not.toContain("(not checked)");
    const row = new RegExp(`data-mirror="${BROKEN}"[\\s\\S]*?</tr>`).exec(home)?.[0] ?? "";
    expect(row).toContain("Broken");
    const mirror = page(`mirrors/${OUTDATED}/index.html`);
    expect(mirror).toContain("Outdated");
    expect(mirror).toContain("TIME is 3 days old (allowed: 12h)");
    const broken = page(`mirrors/${BROKEN}/index.html`);
    expect(broken).toContain("Check report");
    expect(broken).toContain("HTTP 404");
  });

  it("says in every footer when the mirrors were last checked, and dates the build by it", () => {
    const home = page("index.html");
    expect(home).toContain("built Nov 28, 2026, 06:00 AM UTC. Mirrors last checked Nov 28, 2026, 06:00 AM UTC.");
  });

  it("serves only ok mirrors in the mirrorlists", () => {
    const index = page("mirrorlist/v1.json");
    expect(index).not.toContain(`"${OUTDATED}"`);
    expect(index).not.toContain(`"${BROKEN}"`);
    expect(index).toContain('"mirror.init7.net"');
    const list = page("mirrorlist/9/baseos");
    expect(list).not.toMatch(/mirror\.ox\.ac\.uk|al-mirror\.a2hosting\.com/);
    expect(list.split("\n").length).toBeGreaterThan(100);
  });
});
