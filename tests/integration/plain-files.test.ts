/**
 * Only plain files are read: a registry folder holding a link to a mirror file outside it, a
 * link to /etc/passwd, a dangling link, a FIFO, a folder, a 10 GiB sparse file and an
 * oversized one, each under a YAML name, beside sound mirror files. Each odd entry is an error
 * of its own, nothing hangs or is read whole, nothing outside the folder is read, and the
 * sound neighbours are kept. The same for the config, the status file and the validator CLI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import { readPlainFile } from "../../src/core/plain-file.ts";
import { SOUND } from "../unit/helpers.ts";

const work = mkdtempSync(join(tmpdir(), "plain-files-"));
const dir = join(work, "mirrors.d");
const config = join(work, "config.yml");
/** Long enough for a loaded machine; a blocking FIFO or a 10 GiB read would take far longer. */
const QUICK_MS = 5000;

const named = (name: string) => SOUND.replaceAll("mirror.example.org", name);

beforeAll(() => {
  mkdirSync(dir);
  mkdirSync(join(work, "outside"));
  copyFileSync("config.yml", config);
  // A sound mirror file outside the folder: were the link followed, this mirror would appear.
  writeFileSync(join(work, "outside", "evil.yml"), named("evil.example.org"));
  writeFileSync(join(dir, "a.example.org.yml"), named("a.example.org"));
  writeFileSync(join(dir, "z.example.org.yml"), named("z.example.org"));
  symlinkSync(join(work, "outside", "evil.yml"), join(dir, "link.yml"));
  symlinkSync("/etc/passwd", join(dir, "passwd.yml"));
  symlinkSync(join(work, "nowhere.yml"), join(dir, "dangling.yml"));
  execFileSync("mkfifo", [join(dir, "fifo.yml")]);
  mkdirSync(join(dir, "d.yml"));
  writeFileSync(join(dir, "d.yml", "inner.yml"), named("inner.example.org"));
  writeFileSync(join(dir, "huge.yml"), "");
  truncateSync(join(dir, "huge.yml"), 10 * 1024 ** 3); // sparse: takes no disk space
  writeFileSync(join(dir, "large.yml"), `${named("large.example.org")}# ${"x".repeat(17_000)}\n`);
  symlinkSync("/etc/passwd", join(dir, "notes.txt")); // not a YAML name: not a mirror file at all
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `name line:column code` of every error, the folder left out. */
function errorsOf(diagnostics: readonly { file: string; line: number; column: number; code: string }[]) {
  return diagnostics.map((d) => `${d.file.slice(d.file.lastIndexOf("/") + 1)} ${d.line}:${d.column} ${d.code}`);
}

function timed<T>(call: () => T): T {
  const started = performance.now();
  const result = call();
  expect(performance.now() - started).toBeLessThan(QUICK_MS);
  return result;
}

describe("the loader, given a folder of odd entries with YAML names", () => {
  it("reads only the regular files, keeps their mirrors and says what each other entry is", () => {
    const registry = timed(() => loadRegistry({ mirrorsDir: dir, configFile: config }));
    expect(registry.mirrors.map((m) => m.name)).toEqual(["a.example.org", "z.example.org"]);
    expect(registry.files).toBe(9);
    expect(errorsOf(registry.diagnostics.filter((d) => d.severity === "error"))).toEqual([
      "d.yml 1:1 not-a-regular-file",
      "dangling.yml 1:1 not-a-regular-file",
      "fifo.yml 1:1 not-a-regular-file",
      "huge.yml 1:1 file-too-large",
      "large.yml 1:1 file-too-large",
      "link.yml 1:1 not-a-regular-file",
      "passwd.yml 1:1 not-a-regular-file",
    ]);
    const message = (file: string) => registry.diagnostics.find((d) => d.file.endsWith(`/${file}`))?.message;
    expect(message("link.yml")).toMatch(/^This is a symbolic link, not a regular file, so it is not read\./);
    expect(message("fifo.yml")).toContain("a named pipe (FIFO)");
    expect(message("d.yml")).toContain("a folder");
    expect(message("huge.yml")).toContain(`${10 * 1024 ** 3} bytes`);
    expect(JSON.stringify(registry)).not.toMatch(/root:|evil\.example\.org|inner\.example\.org/);
  });

  it("refuses a config that is a link or a FIFO, and still reads the mirrors", () => {
    symlinkSync(config, join(work, "config-link.yml"));
    execFileSync("mkfifo", [join(work, "config-fifo.yml")]);
    for (const [file, what] of [
      ["config-link.yml", "a symbolic link"],
      ["config-fifo.yml", "a named pipe (FIFO)"],
    ] as const) {
      const registry = timed(() => loadRegistry({ mirrorsDir: dir, configFile: join(work, file) }));
      expect(registry.config).toBeNull();
      expect(registry.mirrors).toHaveLength(2);
      const refusal = registry.diagnostics.find((d) => d.file.endsWith(file));
      expect(refusal?.code).toBe("not-a-regular-file");
      expect(refusal?.message).toContain(what);
      expect(refusal?.message).toContain("MIRRORS_CONFIG");
    }
  });

  it("refuses a status file that is a FIFO, a link or over 32 MiB, showing mirrors as not checked", () => {
    const status = (name: string) => join(work, name);
    execFileSync("mkfifo", [status("status-fifo.json")]);
    writeFileSync(status("status.json"), '{"checked_at": "2026-11-28T06:00:00Z", "mirrors": {}}');
    symlinkSync(status("status.json"), status("status-link.json"));
    writeFileSync(status("status-huge.json"), "");
    truncateSync(status("status-huge.json"), 33 * 1024 ** 2);
    const found = ["status-fifo.json", "status-link.json", "status-huge.json"].map((name) => {
      const registry = timed(() => loadRegistry({ mirrorsDir: dir, configFile: config, statusFile: status(name) }));
      expect(registry.status).toBeNull();
      expect(registry.mirrors).toHaveLength(2);
      return errorsOf(registry.diagnostics.filter((d) => d.file.endsWith(name)));
    });
    expect(found).toEqual([
      ["status-fifo.json 1:1 not-a-regular-file"],
      ["status-link.json 1:1 not-a-regular-file"],
      ["status-huge.json 1:1 status-too-large"],
    ]);
  });
});

describe("readPlainFile", () => {
  it("reads a file of exactly the limit, refuses one byte more, and never reads past the limit", () => {
    const file = join(work, "limit.txt");
    writeFileSync(file, "é".repeat(8));
    expect(readPlainFile(file, 16)).toEqual({ kind: "text", text: "é".repeat(8) });
    expect(readPlainFile(file, 15)).toEqual({ kind: "too-large", bytes: 16 });
    expect(readPlainFile(join(work, "missing.txt"), 16)).toEqual({ kind: "unreadable", errno: "ENOENT" });
    expect(readPlainFile("/dev/zero", 16)).toEqual({ kind: "not-regular", what: "character-device" });
  });
});

describe("npm run validate, given odd entries", () => {
  /** Runs the validator exactly as `npm run validate` does, with a deadline a hang would miss. */
  function validate(...args: string[]) {
    const run = spawnSync(process.execPath, ["scripts/run-bundled.mjs", "validate", "--no-cache", ...args], {
      encoding: "utf8",
      env: { ...process.env, MIRRORS_CONFIG: config },
      timeout: 60_000,
    });
    return { code: run.status, lines: run.stdout.trim().split("\n") };
  }

  it("reports every odd entry of a folder (given through a link to it) and keeps the sound files", () => {
    symlinkSync(dir, join(work, "folder-link"));
    const { code, lines } = validate(join(work, "folder-link"));
    expect(code).toBe(1);
    expect(lines.filter((l) => l.includes(" not-a-regular-file "))).toHaveLength(5);
    expect(lines.filter((l) => l.includes(" file-too-large "))).toHaveLength(2);
    expect(lines.at(-1)).toBe("9 files checked, 2 valid mirrors, 7 errors, 0 warnings.");
  });

  it("refuses a link, a FIFO or a device named on the command line, as in a folder", () => {
    const { code, lines } = validate(
      join(dir, "link.yml"),
      join(dir, "fifo.yml"),
      "/dev/null",
      join(dir, "a.example.org.yml"),
    );
    expect(code).toBe(1);
    const refused = lines.filter((l) => l.includes(" error not-a-regular-file "));
    expect(refused.map((l) => l.split(":")[0]?.split("/").at(-1))).toEqual(["null", "fifo.yml", "link.yml"]);
    expect(lines.at(-1)).toBe("4 files checked, 1 valid mirror, 3 errors, 0 warnings.");
  });
});
