import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { checkConfigFile } from "../../src/core/config-file.ts";
import { DIAGNOSTIC_CODES } from "../../src/core/diagnostic-catalogue.ts";
import { englishMessage } from "../../src/core/diagnostic-text.ts";
import { placeByAddress } from "../../src/core/geo/address-placement.ts";
import { buildGazetteer } from "../../src/core/geo/gazetteer.ts";
import { placeLocation } from "../../src/core/geo/geocode.ts";
import { listMirrorFiles, loadRegistry, readSources } from "../../src/core/load.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import { MAX_ENTRY_WARNINGS, parseStatusFile } from "../../src/core/status/status-file.ts";
import { SOUND } from "./helpers.ts";

/** One small file per diagnostic, so that every message's wording is pinned by the snapshot. */
const CASES: Record<string, string> = {
  "yaml-syntax": "name: a\naddress: [x\n",
  "empty-file": "",
  "not-a-mapping": "- a\n",
  "duplicate-key": `${SOUND}sponsor: Again\n`,
  "missing-key": SOUND.replace(/^sponsor: .*\n/m, ""),
  "missing-web-url": SOUND.replace(/ {2}http: .*\n {2}https: .*\n/, "  ftp: ftp://mirror.example.org/\n"),
  "wrong-type": `${SOUND}private: "yes please"\n`,
  "name-not-host": SOUND.replace("name: mirror.example.org", "name: https://mirror.example.org/"),
  "unknown-value": `${SOUND}cloud_type: hetzner\ncloud_regions: [all]\n`,
  "cloud-needs-regions": `${SOUND}cloud_type: aws\n`,
  "monopoly-needs-private": `${SOUND}monopoly: true\n`,
  "asn-out-of-range": `${SOUND}asn: 0\n`,
  "unsafe-url-scheme": SOUND.replace("sponsor_url: https://example.org", "sponsor_url: javascript:alert(1)"),
  "bad-url": SOUND.replace("https://mirror.example.org/almalinux/", "https://"),
  "url-credentials": SOUND.replace("https://mirror", "https://user:pw@mirror"),
  "email-in-url": SOUND.replace(
    "https://mirror.example.org/almalinux/",
    "https://mirror.example.org/~noc@example.org/",
  ),
  "rsync-user": SOUND.replace(
    "update_frequency",
    "  rsync: rsync://anonymous@mirror.example.org/almalinux/\nupdate_frequency",
  ),
  "scheme-mismatch": SOUND.replace("https: https://", "https: http://"),
  "rsync-syntax": SOUND.replace("update_frequency", "  rsync: rsync://mirror.example.org::almalinux\nupdate_frequency"),
  "url-without-scheme": SOUND.replace("sponsor_url: https://example.org", "sponsor_url: example.org"),
  "bad-subnet": `${SOUND}subnets: [10.0.0.0/33]\n`,
  "private-unreachable": `${SOUND}private: true\n`,
  "unknown-country": SOUND.replace("country: DE", "country: Atlantis"),
  "country-alias": SOUND.replace("country: DE", "country: UK"),
  "continent-mismatch": SOUND.replace("country: DE", "continent: North America\n  country: DE"),
  "email-in-public-field": SOUND.replace("email: noc@example.org", "email: &contact noc@example.org").replace(
    "state_province: Hesse",
    "state_province: *contact",
  ),
  "missing-geolocation": SOUND.replace(/geolocation:\n( {2}.*\n)+/, ""),
  "unknown-key": `${SOUND}address_options: {}\n`,
  "yaml11-boolean": `${SOUND}private: no\n`,
  "update-frequency-format": SOUND.replace(/^update_frequency: .*$/m, "update_frequency: every 3 hours"),
  "email-not-address": SOUND.replace("email: noc@example.org", "email: admin(at)example.net"),
  "special-address-url": SOUND.replace("https://mirror.example.org/", "https://169.254.169.254/"),
  "ip-address-url": SOUND.replace("https://mirror.example.org/", "https://[2001:718:2::1]/"),
  "subnet-too-wide": `${SOUND}private: true\nsubnets: [0.0.0.0/0, 2000::/3]\n`,
  "subnet-wide": `${SOUND}private: true\nsubnets: [147.32.0.0/12]\n`,
  "subnet-special-range": `${SOUND}private: true\nsubnets: [192.168.0.0/16]\n`,
  "file-name-mismatch": SOUND,
  "file-too-large": `${SOUND}#${"x".repeat(20_000)}\n`,
  "out-of-range": SOUND.replace("  city: Frankfurt\n", "  city: Frankfurt\n  latitude: 91\n  longitude: 8.68\n"),
  "empty-value": SOUND.replace("sponsor: Example Hosting", 'sponsor: ""'),
  "url-fragment": SOUND.replace("https://mirror.example.org/almalinux/", "https://mirror.example.org/almalinux/#top"),
  "yaml-aliases": `${SOUND}x: &a [1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nz: [*b, *b, *b, *b, *b, *b, *b, *b]\n`,
};

/** Runs `buildRegistry` over several files and prints the diagnostics with one of `codes`. */
function crossFile(files: Record<string, string>, codes: string[]): string[] {
  const sources = Object.entries(files).map(([file, text]) => ({ file, text }));
  return buildRegistry(sources, null)
    .diagnostics.filter((d) => codes.includes(d.code))
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

it("says what is wrong and what to write instead, for every diagnostic", () => {
  const lines: string[] = [];
  for (const [code, text] of Object.entries(CASES)) {
    const { diagnostics } = buildRegistry([{ file: `${code}.yml`, text }], null);
    const mine = diagnostics.filter((d) => d.code === code);
    expect(mine, code).not.toHaveLength(0);
    for (const d of mine) lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  }
  lines.push(...crossFile({ "noc@example.org.yml": SOUND }, ["at-sign-in-file-name"]));
  // Past the first 100 bad entries of a status file, one warning counts the rest.
  const bad = Array.from({ length: MAX_ENTRY_WARNINGS + 2 }, (_, i) => `"m${i}": {"state": 0}`).join(",");
  const counted = parseStatusFile("status.json", `{"checked_at": "2026-12-01T06:00:00Z", "mirrors": {${bad}}}`);
  for (const d of counted.diagnostics.slice(-1))
    lines.push(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  lines.push(...crossFile({ "a.yml": SOUND, "b.yml": SOUND }, ["duplicate-name"]));
  lines.push(...crossFile({ "mirror.example.org.yml": SOUND, "copy.yml": SOUND }, ["duplicate-name"]));
  const claiming = (name: string, extra: string) =>
    `${SOUND.replaceAll("mirror.example.org", name)}private: true\nsubnets:\n  - 147.32.0.0/16\n${extra}`;
  lines.push(
    ...crossFile(
      {
        "one.example.org.yml": claiming("one.example.org", ""),
        "two.example.org.yml": claiming("two.example.org", ""),
      },
      ["subnet-overlap"],
    ),
  );
  lines.push(
    ...crossFile(
      {
        "campus.example.org.yml": claiming("campus.example.org", "monopoly: true\n"),
        "other.example.org.yml": claiming("other.example.org", "  - 147.32.8.0/24\n"),
      },
      ["subnet-overlap"],
    ),
  );
  expect(lines.join("\n")).toMatchSnapshot();
});

it("says why a file is not read: not a regular file, too large, unreadable", () => {
  const dir = mkdtempSync(join(tmpdir(), "messages-"));
  mkdirSync(join(dir, "mirrors.d"));
  symlinkSync("/etc/passwd", join(dir, "mirrors.d/link.yml"));
  execFileSync("mkfifo", [join(dir, "mirrors.d/fifo.yml")]);
  mkdirSync(join(dir, "mirrors.d/folder.yml"));
  writeFileSync(join(dir, "mirrors.d/large.yml"), "#".repeat(20_000));
  writeFileSync(join(dir, "status.json"), "");
  truncateSync(join(dir, "status.json"), 40 * 1024 ** 2);
  const mirrors = readSources(
    [...listMirrorFiles(join(dir, "mirrors.d")), join(dir, "mirrors.d/gone.yml")],
    "mirror",
    dir,
  );
  const config = readSources([join(dir, "mirrors.d/fifo.yml")], "config", dir);
  const status = ["mirrors.d/fifo.yml", "status.json", "gone.json"].flatMap((file) =>
    loadRegistry({
      mirrorsDir: join(dir, "none"),
      configFile: join(dir, "none.yml"),
      statusFile: join(dir, file),
    }).diagnostics.filter((d) => d.file.endsWith(file)),
  );
  const lines = [...mirrors.diagnostics, ...config.diagnostics, ...status].map(
    (d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`,
  );
  const text = lines.join("\n").replaceAll(relative(process.cwd(), dir), "<tmp>").replaceAll(dir, "<tmp>");
  rmSync(dir, { recursive: true, force: true });
  expect(text).toMatchSnapshot();
});

it("warns when a file's place disagrees with its address's (placement by address)", () => {
  const [mirror] = buildRegistry([{ file: "mirrors.d/mirror.example.org.yml", text: SOUND }], null).mirrors;
  if (!mirror) throw new Error("SOUND must be a valid mirror");
  const gazetteer = buildGazetteer([
    { name: "Frankfurt", altName: "", country: "DE", adminCode: "05", population: 1, latitude: 50.11, longitude: 8.68 },
  ]);
  const address = { address: "192.0.2.9", region: null, latitude: 0, longitude: 0 };
  const lines = [
    placeByAddress(mirror, { ...address, country: "FR", city: "Paris", latitude: 48.85, longitude: 2.35 }, gazetteer),
    placeByAddress(mirror, { ...address, country: "DE", city: "Munich", latitude: 40.0, longitude: 30.0 }, gazetteer),
  ].map(({ disagreement: d }) => (d ? `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}` : "none"));
  expect(lines.join("\n")).toMatchSnapshot();
});

it("says what is wrong with the config's versions, arches, repos and keys", () => {
  const real = readFileSync("config.yml", "utf8");
  const lines = [
    real.replace(/^duplicated_versions:\n/m, "duplicated_versions:\n  '7': '7.9'\n"),
    real
      .replaceAll(/^ {4}- s390x\n/gm, "")
      .replace(
        /^repos:\n/m,
        "repos:\n  - name: extra\n    path: extra\n    versions: ['5']\n    arches: [s390x]\n  - name: extra\n    path: extra2\n",
      ),
    real.replace(/^versions:\n/m, "versions:\n  - '9.x'\n"),
    real
      .replace(/^versions:\n/m, "version_list: []\nvault_version: []\nversions:\n")
      .replace(/^config_version: 3$/m, "config_version: 2"),
    real.replace(/^repos:\n/m, "repos:\n  - name: typo\n    path: typo\n    arch: [x86_64]\n"),
    real.replace(/^images:\n/m, "images:\n  - name: cloud\n    path: $version/cloud/$arch/\n"),
  ].flatMap((yaml) =>
    checkConfigFile("config.yml", yaml).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`),
  );
  expect(lines.join("\n")).toMatchSnapshot();
});

it("says what is wrong with a status file", () => {
  const lines = [
    "{",
    '{"checked_at": 5, "mirrors": {}}',
    '{"checked_at": "2026-01-01T00:00:00Z", "mirrors": {"mirror.example.org": {"state": 5}}}',
  ].flatMap((text) =>
    parseStatusFile("status.json", text).diagnostics.map(
      (d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`,
    ),
  );
  expect(lines.join("\n")).toMatchSnapshot();
});

it("says why a mirror is drawn only roughly where it is (approximate-location)", () => {
  const gazetteer = buildGazetteer([
    { name: "Frankfurt", altName: "", country: "DE", adminCode: "05", population: 1, latitude: 50.11, longitude: 8.68 },
  ]);
  const place = (city: string | null) =>
    placeLocation({ country: "DE", continent: "EU", region: null, city, coordinates: null }, gazetteer)?.warning;
  const lines = [place("Atlantis"), place(null)].map((params) =>
    params ? `warning approximate-location ${englishMessage("approximate-location", params)}` : "none",
  );
  expect(lines.join("\n")).toMatchSnapshot();
});

it("says what is wrong with the config's reference_url", () => {
  const real = readFileSync("config.yml", "utf8");
  const lines = [
    "reference_url: ftp://origin.example/\n",
    "reference_url:\n  main: https://origin.example/\n  nosuchmodule: https://origin.example/x/\n",
  ].flatMap((yaml) =>
    checkConfigFile("config.yml", real.replace(/^reference_url:\n(?: {2}.*\n)+/m, yaml)).diagnostics.map(
      (d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`,
    ),
  );
  expect(lines.join("\n")).toMatchSnapshot();
});

it("refuses a repo path that could add lines to a .repo file (unsafe-repo-path)", () => {
  const real = readFileSync("config.yml", "utf8");
  const yaml = real.replace("path: BaseOS/$basearch/os/", 'path: "BaseOS/$basearch/os/\\n[evil]\\ngpgcheck=0"');
  const lines = checkConfigFile("config.yml", yaml).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`,
  );
  expect(lines.join("\n")).toMatchSnapshot();
});

it("pins the wording of every code of the catalogue in the snapshot", () => {
  const snapshot = readFileSync("tests/unit/__snapshots__/messages.test.ts.snap", "utf8");
  const pinned = new Set([...snapshot.matchAll(/(?:^|[ "])(?:error|warning) ([a-z0-9-]+) /gm)].map((m) => m[1]));
  expect(DIAGNOSTIC_CODES.filter((code) => !pinned.has(code))).toEqual([]);
});
