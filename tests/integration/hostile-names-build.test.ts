/**
 * A real build of a hostile registry: text naming what every JavaScript object inherits
 * (`constructor`, `__proto__`, `toString` …) as countries, states, cities, cloud providers,
 * keys, a mirror name and status entries; and files that try to take clients or reach inside:
 * a subnet claiming the world, a file taking a listed mirror's name, a base URL on the cloud
 * metadata address, a link to a mirror file outside the folder. The build finishes, the sound
 * mirrors are published, none of the hostile ones is, nothing is looked up wrongly.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOUND } from "../unit/helpers.ts";
import { buildSite, scratchDir } from "./site-build.ts";

const work = scratchDir("hostile-names-build-");
const outDir = join(work, "dist");
const CHECKED = "2026-11-28T06:00:00Z";

/** SOUND named `name` (its URLs on a host of its own), its `geolocation` replaced by `geo`, `extra` lines added. */
function mirrorFile(name: string, geo: string, extra = ""): string {
  const host = name.includes(".") ? name : `${name.replaceAll("_", "u")}.example.net`;
  const text = SOUND.replaceAll("mirror.example.org", host).replace(`name: ${host}`, `name: ${name}`);
  return `${text.replace(/geolocation:\n( {2}.*\n)+/, geo)}${extra}`;
}

const FILES: Record<string, string> = {
  "good.example.org.yml": mirrorFile("good.example.org", "geolocation:\n  country: DE\n  city: Frankfurt\n"),
  // Sound: a host name may be one label. Its state and city name inherited properties.
  "constructor.yml": mirrorFile(
    "constructor",
    "geolocation:\n  country: US\n  state_province: constructor\n  city: hasOwnProperty\n",
  ),
  "proto-country.example.org.yml": mirrorFile("proto-country.example.org", "geolocation:\n  country: __proto__\n"),
  "tostring-country.example.org.yml": mirrorFile("tostring-country.example.org", "geolocation:\n  country: toString\n"),
  "constructor-country.example.org.yml": mirrorFile(
    "constructor-country.example.org",
    "geolocation:\n  country: constructor\n",
  ),
  "valueof-cloud.example.org.yml": mirrorFile(
    "valueof-cloud.example.org",
    "geolocation:\n  country: DE\n",
    "cloud_type: valueOf\ncloud_regions: [toString]\n",
  ),
  "proto-name.yml": mirrorFile("__proto__", "geolocation:\n  country: DE\n"),
  // Sound, with unknown keys that name inherited properties (warnings).
  "proto-keys.example.org.yml": mirrorFile(
    "proto-keys.example.org",
    "geolocation:\n  country: NL\n  __proto__: x\n  constructor: y\n",
    "private: false\nhasOwnProperty: 1\nvalueOf: 2\n",
  ),
  // Every client's list: a private monopoly mirror whose subnet is the whole IPv4 internet.
  "world.example.org.yml": mirrorFile(
    "world.example.org",
    "geolocation:\n  country: DE\n",
    "private: true\nmonopoly: true\nsubnets:\n  - 0.0.0.0/0\n",
  ),
  // A listed mirror's name, from a file not named after it.
  "hijack.yml": mirrorFile("good.example.org", "geolocation:\n  country: DE\n").replace(
    "http://good.example.org/",
    "http://hijack.example.net/",
  ),
  // The checker steered at the cloud metadata service.
  "metadata.example.org.yml": mirrorFile("metadata.example.org", "geolocation:\n  country: DE\n").replace(
    "https://metadata.example.org/almalinux/",
    "http://169.254.169.254/latest/",
  ),
};

const entry = (state: string) => ({ state, reason: `Checked: ${state}.`, checked_at: CHECKED });
/** Keys written as JSON text: `__proto__` in an object literal would set a prototype instead. */
const STATUS = `{"checked_at": "${CHECKED}", "mirrors": {
  "__proto__": ${JSON.stringify(entry("broken"))},
  "toString": ${JSON.stringify(entry("broken"))},
  "hasOwnProperty": {"not": "an entry"},
  "good.example.org": ${JSON.stringify(entry("ok"))},
  "proto-keys.example.org": ${JSON.stringify(entry("ok"))}
}}
`;

let build: ReturnType<typeof buildSite>;

beforeAll(() => {
  const mirrorsDir = join(work, "mirrors.d");
  mkdirSync(mirrorsDir);
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(mirrorsDir, file), text);
  // A sound mirror file outside the folder, linked in: never read.
  writeFileSync(join(work, "outside.yml"), mirrorFile("outside.example.org", "geolocation:\n  country: DE\n"));
  symlinkSync(join(work, "outside.yml"), join(mirrorsDir, "outside.example.org.yml"));
  writeFileSync(join(work, "status.json"), STATUS);
  build = buildSite(outDir, {
    MIRRORS_DIR: mirrorsDir,
    MIRRORS_CONFIG: "config.yml",
    MIRRORS_STATUS: join(work, "status.json"),
  });
}, 250_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(outDir, path), "utf8");
const log = () => `${build.stdout}\n${build.stderr}`;

describe("a build of a registry naming inherited properties", () => {
  it("finishes and publishes the sound mirrors", () => {
    expect(build.status, log()).toBe(0);
    expect(page("mirrors/good.example.org/index.html")).toContain("Up to date");
    expect(page("mirrors/proto-keys.example.org/index.html")).toContain("Up to date");
  });

  it("refuses inherited names as countries, a provider and a host name, saying why", () => {
    for (const file of ["proto-country", "tostring-country", "constructor-country"]) {
      expect(log()).toMatch(new RegExp(`${file}\\.example\\.org\\.yml:\\d+:\\d+ unknown-country`));
      expect(existsSync(join(outDir, `mirrors/${file}.example.org`)), file).toBe(false);
    }
    expect(log()).toMatch(/valueof-cloud\.example\.org\.yml:\d+:\d+ unknown-value/);
    expect(log()).toMatch(/proto-name\.yml:\d+:\d+ name-not-host/);
    for (const cc of ["__proto__", "constructor", "tostring", "an"]) {
      expect(existsSync(join(outDir, `countries/${cc}`)), cc).toBe(false);
    }
    expect(existsSync(join(outDir, "countries/de/index.html"))).toBe(true);
  });

  it("lists none of the files that claim the world, take a listed name, aim at the metadata service or link outside", () => {
    expect(log()).toMatch(/world\.example\.org\.yml:\d+:\d+ subnet-too-wide/);
    expect(log()).toMatch(/hijack\.yml:\d+:\d+ duplicate-name/);
    expect(log()).toMatch(/metadata\.example\.org\.yml:\d+:\d+ special-address-url/);
    expect(log()).toMatch(/outside\.example\.org\.yml:1:1 not-a-regular-file/);
    for (const name of ["world.example.org", "metadata.example.org", "outside.example.org"]) {
      expect(existsSync(join(outDir, `mirrors/${name}`)), name).toBe(false);
    }
    expect(page("mirrors/good.example.org/index.html")).not.toContain("hijack.example.net");
    expect(readFileSync(join(outDir, "mirrorlist/v1.json"), "utf8")).not.toMatch(/hijack|169\.254|0\.0\.0\.0|outside/);
  });

  it("finds no status for a mirror named `constructor`, and no state in inherited entries", () => {
    const mirror = page("mirrors/constructor/index.html");
    expect(mirror).toContain("The last check did not report on this mirror.");
    expect(mirror).not.toMatch(/Invalid Date|undefined|native code/);
    const index = JSON.parse(page("mirrorlist/v1.json")) as { mirrors: { name: string }[] };
    expect(index.mirrors.map((m) => m.name)).toEqual(["good.example.org", "proto-keys.example.org"]);
  });
});
