import { describe, expect, it } from "vitest";
import { dnfRepoFile, gpgKeyPath } from "../../src/core/dnf-repo-file.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { check, SOUND } from "./helpers.ts";

const { config } = loadRegistry({ mirrorsDir: "tests/fixtures/none", configFile: "config.yml" });

function mirrorOf(text: string) {
  const { mirror } = check(text);
  if (!mirror) throw new Error("the fixture must be a valid mirror");
  return mirror;
}

describe("a mirror's dnf .repo file", () => {
  it("pins BaseOS, AppStream and extras to the mirror's https URL, one file per major version", () => {
    const file = dnfRepoFile(mirrorOf(SOUND), config);
    expect(file?.path).toBe("/etc/yum.repos.d/mirror.example.org.repo");
    expect(file?.repos).toEqual(["baseos", "appstream", "extras"]);
    expect(file?.files.map((f) => f.major)).toEqual(["10", "9", "8"]);
    const nine = file?.files.find((f) => f.major === "9")?.text ?? "";
    expect(nine.split("\n\n")[0]).toBe(
      [
        "[mirror.example.org-baseos]",
        "name=AlmaLinux $releasever - BaseOS (mirror.example.org)",
        "baseurl=https://mirror.example.org/almalinux/$releasever/BaseOS/$basearch/os/",
        "enabled=1",
        "gpgcheck=1",
        "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-9",
      ].join("\n"),
    );
    expect(nine).toContain("baseurl=https://mirror.example.org/almalinux/$releasever/extras/$basearch/os/\n");
  });

  // The key files each major version's own packages install: almalinux-release 8 ships
  // RPM-GPG-KEY-AlmaLinux, almalinux-gpg-keys 9 and 10 ship RPM-GPG-KEY-AlmaLinux-<major>.
  it.each([
    ["8", "file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux"],
    ["9", "file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-9"],
    ["10", "file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-10"],
  ])("names AlmaLinux %s's own signing key in every section", (major, key) => {
    const text = dnfRepoFile(mirrorOf(SOUND), config)?.files.find((f) => f.major === major)?.text ?? "";
    const keys = text.split("\n").filter((l) => l.startsWith("gpgkey="));
    expect(keys).toEqual([`gpgkey=${key}`, `gpgkey=${key}`, `gpgkey=${key}`]);
    expect(`file://${gpgKeyPath(major)}`).toBe(key);
    expect(text).not.toContain("RPM-GPG-KEY-AlmaLinux-$releasever");
  });

  it("falls back to http, and offers nothing without a web URL or a config", () => {
    const httpOnly = mirrorOf(SOUND.replace(/ {2}https: .*\n/, ""));
    expect(dnfRepoFile(httpOnly, config)?.files[0]?.text).toContain(
      "baseurl=http://mirror.example.org/almalinux/$releasever/",
    );
    expect(dnfRepoFile(mirrorOf(SOUND), null)).toBeNull();
  });

  it("never writes a line a hostile repo path brings (the config refuses it; a config built in code too)", () => {
    if (!config) throw new Error("the real config must load");
    const hostile = "BaseOS/$basearch/os/\n[evil]\nbaseurl=https://evil.example/\ngpgcheck=0";
    const repos = config.repos.map((r) => (r.name === "baseos" ? { ...r, path: hostile } : r));
    const file = dnfRepoFile(mirrorOf(SOUND), { ...config, repos });
    expect(file?.repos).toEqual(["appstream", "extras"]);
    const text = file?.files[0]?.text ?? "";
    expect(text).not.toContain("evil");
    expect(text.split("\n").filter((l) => l.startsWith("gpgcheck="))).toEqual(["gpgcheck=1", "gpgcheck=1"]);
  });
});
