import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import { draftFromMirror, draftToYaml, emptyDraft } from "../../src/core/mirror-draft.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";

describe("the mirror file a draft gives", () => {
  it("is a registry-style file that validates cleanly", () => {
    const yaml = draftToYaml({
      ...emptyDraft(),
      name: "mirror.example.org",
      https: "https://mirror.example.org/almalinux/",
      rsync: "rsync://mirror.example.org/almalinux/",
      kittenHttps: "https://mirror.example.org/almalinux-kitten/",
      sponsor: "Example Hosting",
      sponsorUrl: "https://example.org",
      email: "noc@example.org",
      country: "de",
      region: "Hesse",
      city: "Frankfurt",
    });
    expect(yaml).toBe(`---
name: mirror.example.org
address:
  https: https://mirror.example.org/almalinux/
  rsync: rsync://mirror.example.org/almalinux/
address_optional:
  kitten:
    https: https://mirror.example.org/almalinux-kitten/
update_frequency: 3h
sponsor: Example Hosting
sponsor_url: https://example.org
email: noc@example.org
geolocation:
  country: DE
  state_province: Hesse
  city: Frankfurt
...
`);
    expect(checkMirrorFile("mirror.example.org.yml", yaml).diagnostics).toEqual([]);
  });

  it("round-trips every mirror of the real registry unchanged in meaning", () => {
    const registry = loadRegistry();
    for (const mirror of registry.mirrors) {
      const again = checkMirrorFile(mirror.file, draftToYaml(draftFromMirror(mirror)));
      expect(
        again.diagnostics.filter((d) => d.severity === "error"),
        mirror.file,
      ).toEqual([]);
      expect(again.mirror, mirror.file).toEqual(mirror);
    }
  });
});
