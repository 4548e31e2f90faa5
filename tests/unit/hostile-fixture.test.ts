/**
 * The hostile fixture registry (`tests/fixtures/hostile/`): mirror files whose every free-text
 * field carries HTML, script, attribute-breaking quotes, bidi controls, emoji and very long
 * text. The core keeps such text as data (escaping is the pages' job), accepts the files that
 * are otherwise sound, refuses non-web schemes, and publishes only well-formed web URLs.
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";

const DIR = "tests/fixtures/hostile";
const registry = loadRegistry({ mirrorsDir: `${DIR}/mirrors.d`, configFile: `${DIR}/config.yml` });
const byName = new Map(registry.mirrors.map((m) => [m.name, m]));

/** `file line:column code` of every error, file named without its folder. */
const errors = registry.diagnostics
  .filter((d) => d.severity === "error")
  .map((d) => `${d.file.replace(`${DIR}/mirrors.d/`, "")} ${d.line}:${d.column} ${d.code}`);

describe("the hostile fixture registry", () => {
  it("accepts the mirrors whose payloads are only text", () => {
    expect([...byName.keys()]).toEqual([
      "attribute-quotes.hostile.example",
      "private-cloud.hostile.example",
      "rtl-emoji.hostile.example",
      "script-sponsor.hostile.example",
    ]);
    expect(registry.config).not.toBeNull();
  });

  it("rejects non-web schemes, however disguised, and an HTML name, with the right codes", () => {
    expect(errors).toEqual([
      "data-url.hostile.example.yml 6:10 unsafe-url-scheme",
      "disguised-scheme.hostile.example.yml 5:9 unsafe-url-scheme",
      "disguised-scheme.hostile.example.yml 6:10 unsafe-url-scheme",
      "disguised-scheme.hostile.example.yml 7:8 unsafe-url-scheme",
      "disguised-scheme.hostile.example.yml 10:14 unsafe-url-scheme",
      "html-name.hostile.example.yml 3:7 name-not-host",
      "javascript-sponsor.hostile.example.yml 8:14 unsafe-url-scheme",
    ]);
  });

  it("keeps free text as written, for the pages to escape", () => {
    const script = byName.get("script-sponsor.hostile.example");
    expect(script?.sponsor).toContain('<script>alert("sponsor")</script>');
    expect(script?.location?.city).toBe('"><img src=x onerror=alert("city")>');
    expect(script?.location?.region).toBe('</title><script>alert("region")</script>');
    const rtl = byName.get("rtl-emoji.hostile.example");
    expect(rtl?.sponsor).toContain("\u202e");
    expect(rtl?.sponsor).toContain("🪞");
    expect(rtl?.sponsor.length).toBeGreaterThan(2000);
    expect(byName.get("private-cloud.hostile.example")?.cloud?.regions).toContain('<script>alert("region")</script>');
  });

  it("publishes only web URLs, percent-encoded so that no quote, bracket or blank is left raw", () => {
    const urls = registry.mirrors.flatMap((m) => [
      ...Object.values(m.urls),
      ...Object.values(m.kittenUrls ?? {}),
      m.sponsorUrl,
      ...(m.subnetsUrl === null ? [] : [m.subnetsUrl]),
    ]);
    expect(urls).toHaveLength(14);
    for (const url of urls) {
      expect(new URL(url).protocol, url).toMatch(/^(https?|rsync|ftp):$/);
      expect(url, url).not.toMatch(/[<>"`\s\u202a-\u202e\u2066-\u2069]/);
    }
    for (const m of registry.mirrors) expect(new URL(m.sponsorUrl).protocol).toMatch(/^https?:$/);
    // A `javascript:` in a path or query is only text inside an https URL.
    expect(byName.get("attribute-quotes.hostile.example")?.sponsorUrl).toBe(
      "https://sponsor.hostile.example/javascript:alert(document.cookie)/?next=javascript:alert(1)",
    );
  });

  it("holds no contact e-mail in any mirror", () => {
    const published = JSON.stringify(registry.mirrors);
    expect(published).not.toContain("attacker@hostile.example");
    expect(published).not.toMatch(/noc@[\w.-]*hostile\.example/);
  });
});
