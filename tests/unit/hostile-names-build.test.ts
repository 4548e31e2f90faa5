/**
 * A real build of a registry whose text names what every JavaScript object inherits
 * (`constructor`, `__proto__`, `toString` …) as countries, states, cities, cloud providers,
 * keys, a mirror name and status entries. Such text is a validator error or a harmless
 * value: the build finishes, the sound mirror is published, nothing is looked up wrongly.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOUND } from "./helpers.ts";

const work = mkdtempSync(join(tmpdir(), "hostile-names-build-"));
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

let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  const mirrorsDir = join(work, "mirrors.d");
  mkdirSync(mirrorsDir);
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(mirrorsDir, file), text);
  writeFileSync(join(work, "status.json"), STATUS);
  build = spawnSync("npx", ["astro", "build", "--outDir", outDir], {
    encoding: "utf8",
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      LOCALES: "en",
      MIRRORS_DIR: mirrorsDir,
      MIRRORS_CONFIG: "config.yml",
      MIRRORS_STATUS: join(work, "status.json"),
    },
    timeout: 240_000,
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

  it("finds no status for a mirror named `constructor`, and no state in inherited entries", () => {
    const mirror = page("mirrors/constructor/index.html");
    expect(mirror).toContain("The last check did not report on this mirror.");
    expect(mirror).not.toMatch(/Invalid Date|undefined|native code/);
    const index = JSON.parse(page("mirrorlist/v1.json")) as { mirrors: { name: string }[] };
    expect(index.mirrors.map((m) => m.name)).toEqual(["good.example.org", "proto-keys.example.org"]);
  });
});
