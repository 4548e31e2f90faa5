/**
 * Hostile: mirror-file text that tries to write GitHub workflow commands into a CI log. A key or
 * value holding a line break followed by `::error …`, `::add-mask::…` or `::stop-commands::…`
 * must never start a line of what the validator (in every format) or the checker prints; the
 * runner would read such a line as a command. The build's log is held to the same rule by
 * `address-leaks-build.test.ts`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SOUND } from "../unit/helpers.ts";

const work = mkdtempSync(join(tmpdir(), "workflow-commands-"));
const mirrorsDir = join(work, "mirrors.d");
mkdirSync(mirrorsDir);
// A warning that quotes a key, an error that quotes a value, in every line-break form.
writeFileSync(
  join(mirrorsDir, "mirror.example.org.yml"),
  `${SOUND.replace("country: DE", 'country: "DE\\n::add-mask::DE"')}"x\\r\\n::error file=a.yml,line=1::forged\\u2028::stop-commands::t\\u0085%0A": 1\n`,
);
writeFileSync(
  join(mirrorsDir, "two.example.org.yml"),
  `${SOUND.replaceAll("mirror.example.org", "two.example.org")}"\\n::warning::x": 1\n`,
);
// A config whose error quotes registry text: the checker prints it before giving up.
writeFileSync(join(work, "config.yml"), 'config_version: 3\n"\\n::error::from the config": 1\n');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  return spawnSync(process.execPath, ["scripts/run-bundled.mjs", script, ...args], { encoding: "utf8" });
}

/** The lines a runner would read as workflow commands (a line break is any of CR, LF, CRLF). */
function commands(output: string): string[] {
  return output.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith("::"));
}

describe("registry text in printed lines", () => {
  it("starts no workflow command in the validator's text and json output", () => {
    for (const format of ["text", "json"]) {
      const { status, stdout, stderr } = run("validate", "--no-cache", "--format", format, mirrorsDir);
      expect(status, stderr).toBe(1);
      expect(stdout).toContain("add-mask");
      expect(commands(stdout + stderr), format).toEqual([]);
    }
  });

  it("writes only its own annotations in the github format, the text escaped in them", () => {
    const { stdout } = run("validate", "--no-cache", "--format", "github", mirrorsDir);
    const lines = commands(stdout);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => /^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=[a-z-]+::/.test(l))).toBe(true);
    expect(stdout).toContain("%0A::add-mask::");
    expect(stdout).toContain("%0D%0A::error file=a.yml,line=1::forged%E2%80%A8::stop-commands::t%C2%85%250A");
  });

  it("starts no workflow command in the checker's lines", () => {
    const { status, stderr } = spawnSync(
      process.execPath,
      [
        "scripts/check-mirrors.ts",
        "--mirrors-dir",
        mirrorsDir,
        "--config",
        join(work, "config.yml"),
        "--out",
        join(work, "s.json"),
      ],
      { encoding: "utf8" },
    );
    expect(status).toBe(2);
    expect(stderr).toContain("%0A::error::from the config");
    expect(commands(stderr)).toEqual([]);
  });
});
