import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTRY_FACTS } from "../registry-facts.ts";

/** Runs the validator exactly as `npm run validate` does. */
function validate(...args: string[]) {
  return validateWith({}, ...args);
}

function validateWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ["scripts/run-bundled.mjs", "validate", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const FIXTURES = "tests/fixtures/validate";

describe("npm run validate", () => {
  it("passes the real registry with warnings and exit 0", () => {
    const { code, out } = validate();
    expect(code).toBe(0);
    const { files, mirrors, warningCount } = REGISTRY_FACTS;
    expect(out.trim().split("\n").at(-1)).toBe(
      `${files} files checked, ${mirrors} valid mirrors, 0 errors, ${warningCount} warnings.`,
    );
  });

  it("prints compiler-like lines for every problem of every file, and exits 1", () => {
    const { code, out } = validate(`${FIXTURES}/broken`, `${FIXTURES}/good`);
    expect(code).toBe(1);
    const lines = out.trim().split("\n");
    expect(lines).toContain(
      `${FIXTURES}/broken/url-as-name.yml:2:7 error name-not-host \`name\` must be the mirror's host name, like \`mirror.example.org\`, without \`https://\` or a path.`,
    );
    expect(lines.filter((l) => l.includes("url-as-name.yml")).map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual([
      `${FIXTURES}/broken/url-as-name.yml:2:7 error name-not-host`,
      `${FIXTURES}/broken/url-as-name.yml:3:1 error missing-web-url`,
      `${FIXTURES}/broken/url-as-name.yml:7:14 error unsafe-url-scheme`,
      `${FIXTURES}/broken/url-as-name.yml:9:12 error unknown-country`,
      `${FIXTURES}/broken/url-as-name.yml:10:1 error monopoly-needs-private`,
    ]);
    expect(lines.some((l) => l.startsWith(`${FIXTURES}/broken/syntax.yml:`) && l.includes("yaml-syntax"))).toBe(true);
    expect(lines.at(-1)).toMatch(/^4 files checked, 2 valid mirrors, \d+ errors, \d+ warnings\.$/);
    expect(out).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("prints one JSON object for tools", () => {
    const { code, out } = validate("--format", "json", `${FIXTURES}/broken/warnings-only.yml`);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ files: 1, mirrors: 1, errors: 0, warnings: 5 });
    expect(report.diagnostics[2]).toEqual({
      file: `${FIXTURES}/broken/warnings-only.yml`,
      line: 4,
      column: 10,
      severity: "warning",
      code: "scheme-mismatch",
      path: ["address", "https"],
      params: { variant: "web", path: "address.https", scheme: "http", key: "https" },
      message: expect.stringContaining("listed as http"),
    });
  });

  it("prints GitHub annotations", () => {
    const { out } = validate("--format", "github", `${FIXTURES}/broken/url-as-name.yml`);
    expect(out.split("\n")[0]).toBe(
      `::error file=${FIXTURES}/broken/url-as-name.yml,line=2,col=7,title=name-not-host::\`name\` must be the mirror's host name, like \`mirror.example.org\`, without \`https://\` or a path.`,
    );
  });

  it("fails on warnings with --strict", () => {
    expect(validate("--strict", `${FIXTURES}/broken/warnings-only.yml`).code).toBe(1);
    expect(validate("--strict", `${FIXTURES}/good`).code).toBe(0);
  });

  it("refuses loopback mirrors unless MIRRORS_ALLOW_PRIVATE_ADDRESSES=1, whatever its cache holds", () => {
    const dir = "tests/fixtures/check/mirrors.d";
    const refused = validate(dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `${dir}/fresh.example.org.yml:4:9 error special-address-url \`address.http\` points at \`127.0.0.1\`, in the loopback range`,
    );
    const local = validateWith({ MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1" }, dir);
    expect(local.code).toBe(0);
    expect(local.out.trim()).toBe("6 files checked, 6 valid mirrors, 0 errors, 0 warnings.");
    expect(validateWith({ MIRRORS_ALLOW_PRIVATE_ADDRESSES: "true" }, dir).code).toBe(1);
  });

  it("reads a named config.yml as the distribution config, not as a mirror file", () => {
    const good = validate("config.yml");
    expect(good.code).toBe(0);
    expect(good.out).toBe("config.yml checked as the distribution config, 0 errors, 0 warnings.\n");

    const dir = mkdtempSync(join(tmpdir(), "mirrorsite-config-"));
    const broken = join(dir, "config.yml");
    writeFileSync(broken, readFileSync("config.yml", "utf8").replace(/^versions:/m, "versionz:"));
    const bad = validate(broken);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("config.yml:2:1 error missing-key The file has no `versions` key.");
    expect(bad.out).toContain(`${broken} checked as the distribution config, 2 errors`);
    expect(bad.out).not.toContain("`name`");
  });

  it("gives the same report from its cache, with the places of cross-file warnings following a changed file", () => {
    const dir = mkdtempSync(join(tmpdir(), "mirrorsite-cache-"));
    const file = join(dir, "renamed.yml");
    // The report names the file relative to the working directory: match what does not depend on where that is.
    const shown = join(basename(dir), "renamed.yml");
    const good = readFileSync(`${FIXTURES}/good/mirror.example.org.yml`, "utf8");
    writeFileSync(file, good);
    const uncached = validate("--no-cache", dir);
    expect(uncached.out).toContain(`${shown}:2:7 warning file-name-mismatch`);
    validate(dir); // fills the cache
    expect(validate(dir).out).toBe(uncached.out);

    writeFileSync(file, good.replace("---\n", "---\n# moved down a line\n"));
    const moved = validate(dir);
    expect(moved.out).toContain(`${shown}:3:7 warning file-name-mismatch`);
    expect(moved.out).toBe(validate("--no-cache", dir).out);
  });

  it("exits 2 with the usage for bad usage", () => {
    for (const args of [["--format", "xml"], ["--nope"], ["no/such/dir"]]) {
      const { code, err } = validate(...args);
      expect(code).toBe(2);
      expect(err).toContain("usage: npm run validate");
    }
  });
});
