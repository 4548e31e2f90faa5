import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkConfigFile } from "../../src/core/config-file.ts";

const real = readFileSync("config.yml", "utf8");
const found = (text: string) =>
  checkConfigFile("config.yml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

describe("the distribution config", () => {
  it("accepts the real config", () => {
    expect(found(real)).toEqual([]);
  });

  it("rejects a repo version that no list defines, at its line", () => {
    const text = real.replace(
      '  - name: crb\n    path: CRB/$basearch/os/\n    versions:\n      - "9.8"',
      '  - name: crb\n    path: CRB/$basearch/os/\n    versions:\n      - "9.9"',
    );
    const line = text.split("\n").findIndex((l) => l.includes('"9.9"')) + 1;
    expect(found(text)).toEqual([`${line}:9 unknown-version`]);
  });

  it("rejects an arch that no version has, at its line", () => {
    // x86_64_v2 is a known arch, but no version lists it any more; the rt repo asks for it.
    const text = real
      .replaceAll("\n    - x86_64_v2\n", "\n")
      .replace("      - x86_64\n  - name: rt", "      - x86_64_v2\n  - name: rt");
    const line = text.split("\n").indexOf("      - x86_64_v2") + 1;
    expect(found(text)).toEqual([`${line}:9 unknown-arch`]);
    expect(found(real.replace("      - x86_64\n  - name: rt", "      - sparc64\n  - name: rt"))).toEqual([
      expect.stringMatching(/ unknown-value$/),
    ]);
  });

  it("reads image trees, and gives the ISO tree alone without the key", () => {
    const trees = checkConfigFile("config.yml", real).config?.images.map((t) => t.name);
    expect(trees).toEqual(["isos", "cloud", "live", "raspberrypi"]);
    const without = real.replace(/^images:\n(?: {2}.*\n)+/m, "");
    expect(checkConfigFile("config.yml", without).config?.images).toEqual([
      { name: "isos", path: "$version/isos/$arch/" },
    ]);
  });

  it("refuses hostile image trees at their lines: climbing paths, other variables, reserved names, duplicates", () => {
    const at = (text: string, needle: string) => text.split("\n").findLastIndex((l) => l.includes(needle)) + 1;
    const cases: Array<[string, string, string]> = [
      ["    path: $version/isos/$arch/", "    path: $version/../../etc/$arch/", "bad-format"],
      ["    path: $version/isos/$arch/", "    path: $version/$HOME/$arch/", "bad-format"],
      ["    path: $version/isos/$arch/", "    path: /isos/$arch/", "bad-format"],
      ["    path: $version/isos/$arch/", "    path: $version/isos/$arch/\n    x: 1", "unknown-key"],
      ["  - name: isos", "  - name: mirrors", "bad-format"],
      ["  - name: isos", "  - name: cloud", "duplicate-image-tree"],
    ];
    for (const [from, to, code] of cases) {
      const text = real.replace(from, to);
      const line = at(text, to.split("\n").at(-1) ?? to);
      expect(found(text), to).toContainEqual(expect.stringMatching(new RegExp(`^(${line}|${line - 1}):\\d+ ${code}$`)));
    }
    // A folder without $arch holds one arch: it must say which.
    const one = real.replace(
      "    path: $version/raspberrypi/images/\n    arches: [aarch64]",
      "    path: $version/raspberrypi/images/",
    );
    expect(found(one)).toEqual([expect.stringMatching(/ missing-key$/)]);
  });

  it("rejects an alias whose target is not a version, at the target", () => {
    const text = real.replace('  "9": "9.8"', '  "9": "9.9"');
    const line = text.split("\n").findIndex((l) => l.includes('"9": "9.9"')) + 1;
    expect(found(text)).toEqual([`${line}:8 unknown-version`]);
  });

  it("rejects a repo defined twice, at the second definition", () => {
    const text = real.replace("  - name: rt\n", "  - name: crb\n");
    const line = text.split("\n").lastIndexOf("  - name: crb") + 1;
    expect(found(text)).toEqual([`${line}:11 duplicate-repo`]);
  });

  it("names an unknown top-level key inside the document, at its line, with a did-you-mean", () => {
    // Inside the document: a key after its `...` end marker would only be a second document.
    expect(real.trimEnd().endsWith("...")).toBe(true);
    const text = real.replace("config_version: 3\n", "config_version: 3\nversionz: 1\n");
    const diagnostics = checkConfigFile("config.yml", text).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(["3:1 error unknown-key"]);
    expect(diagnostics[0]?.message).toContain("`versionz`");
    expect(diagnostics[0]?.message).toContain("Did you mean `versions`?");
  });

  it("names an unknown key in a repo once, with a did-you-mean, not also as the schema's error", () => {
    const text = real.replace("  - name: crb\n", "  - name: crb\n    vualt: true\n");
    const line = text.split("\n").indexOf("    vualt: true") + 1;
    const diagnostics = checkConfigFile("config.yml", text).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([`${line}:5 unknown-key`]);
    expect(diagnostics[0]?.message).toContain("Did you mean `vault`?");
  });

  it("refuses a repo path that could add a line, a section or a setting to a dnf .repo file, at its value", () => {
    const withPath = (path: string) => real.replace("path: BaseOS/$basearch/os/", `path: ${path}`);
    const line = real.split("\n").indexOf("    path: BaseOS/$basearch/os/") + 1;
    for (const path of [
      '"BaseOS/$basearch/os/\\n[evil]\\ngpgcheck=0"',
      '"BaseOS/$basearch/os/\\rgpgcheck=0"',
      "BaseOS]=x",
      "BaseOS/$basearch/os/ gpgcheck=0",
      "../../etc/",
      "/BaseOS/",
      "BaseOS//os/",
      '""',
    ]) {
      expect(found(withPath(path)), path).toEqual([`${line}:11 unsafe-repo-path`]);
    }
    // Every path of the real config, and the forms upstream uses, are accepted.
    for (const path of ["BaseOS/$basearch/os/", "raspberrypi/Source", "extras-common/debug/$basearch/", "a_b.c+d"]) {
      expect(found(withPath(path)), path).toEqual([]);
    }
  });

  it("reads reference_url as the origin trees, and refuses hostile values at their line", () => {
    const block = /^reference_url:\n(?: {2}.*\n)+/m;
    const withReference = (yaml: string) => real.replace(block, yaml);
    expect(checkConfigFile("config.yml", real).config?.references).toEqual([
      { tree: "main", url: "https://repo.almalinux.org/almalinux/" },
      { tree: "kitten", url: "https://repo.almalinux.org/almalinux-kitten/" },
    ]);
    expect(
      checkConfigFile("config.yml", withReference("reference_url: https://o.example/x\n")).config?.references,
    ).toEqual([{ tree: "main", url: "https://o.example/x/" }]);
    const refused = (yaml: string) => found(withReference(yaml)).map((d) => d.replace(/^\d+:\d+ /, ""));
    expect(refused("reference_url: javascript:alert(1)\n")).toEqual(["bad-reference-url"]);
    expect(refused("reference_url: https://user:pw@o.example/\n")).toEqual(["bad-reference-url"]);
    expect(refused("reference_url: https://\n")).toEqual(["bad-reference-url"]);
    expect(refused("reference_url:\n  main: https://o.example/\n  __proto__: https://p.example/\n")).toEqual([
      "unknown-reference-tree",
    ]);
    expect(refused("reference_url:\n  main: https://o.example/\n  constructor: https://p.example/\n")).toEqual([
      "unknown-reference-tree",
    ]);
  });
});
