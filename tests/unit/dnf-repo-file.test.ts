import { describe, expect, it } from "vitest";
import { dnfRepoFile } from "../../src/core/dnf-repo-file.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { check, SOUND } from "./helpers.ts";

const { config } = loadRegistry({ mirrorsDir: "tests/fixtures/none", configFile: "config.yml" });

function mirrorOf(text: string) {
  const { mirror } = check(text);
  if (!mirror) throw new Error("the fixture must be a valid mirror");
  return mirror;
}

describe("a mirror's dnf .repo file", () => {
  it("pins BaseOS, AppStream and extras to the mirror's https URL", () => {
    const file = dnfRepoFile(mirrorOf(SOUND), config);
    expect(file?.path).toBe("/etc/yum.repos.d/mirror.example.org.repo");
    expect(file?.repos).toEqual(["baseos", "appstream", "extras"]);
    expect(file?.text.split("\n\n")[0]).toBe(
      [
        "[mirror.example.org-baseos]",
        "name=AlmaLinux $releasever - BaseOS (mirror.example.org)",
        "baseurl=https://mirror.example.org/almalinux/$releasever/BaseOS/$basearch/os/",
        "enabled=1",
        "gpgcheck=1",
        "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-$releasever",
      ].join("\n"),
    );
    expect(file?.text).toContain("baseurl=https://mirror.example.org/almalinux/$releasever/extras/$basearch/os/\n");
  });

  it("falls back to http, and offers nothing without a web URL or a config", () => {
    const httpOnly = mirrorOf(SOUND.replace(/ {2}https: .*\n/, ""));
    expect(dnfRepoFile(httpOnly, config)?.text).toContain("baseurl=http://mirror.example.org/almalinux/$releasever/");
    expect(dnfRepoFile(mirrorOf(SOUND), null)).toBeNull();
  });

  it("never writes a line a hostile repo path brings (the config refuses it; a config built in code too)", () => {
    if (!config) throw new Error("the real config must load");
    const hostile = "BaseOS/$basearch/os/\n[evil]\nbaseurl=https://evil.example/\ngpgcheck=0";
    const repos = config.repos.map((r) => (r.name === "baseos" ? { ...r, path: hostile } : r));
    const file = dnfRepoFile(mirrorOf(SOUND), { ...config, repos });
    expect(file?.repos).toEqual(["appstream", "extras"]);
    expect(file?.text).not.toContain("evil");
    expect(file?.text.split("\n").filter((l) => l.startsWith("gpgcheck="))).toEqual(["gpgcheck=1", "gpgcheck=1"]);
  });
});
