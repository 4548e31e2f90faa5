/**
 * Placement by address through a real build (one locale) of a small registry: a mirror whose file
 * gives no place is shown in its address's country (country page, map data, `v1.json`), the
 * mirrorlist serves it to clients of that country as "same country", and a mirror whose file
 * names another country than its address's gets the warning. The addresses are public ones the
 * shipped database places; nothing connects to them.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressPlace } from "../../src/core/geo/ip-geolocation.ts";
import type { StatusFile } from "../../src/core/types.ts";
import { loadIpGeolocation } from "../../src/site/ip-geolocation-db.ts";
import { buildSite, scratchDir } from "./site-build.ts";

const work = scratchDir("address-build-");
const outDir = join(work, "dist");
const CHECKED = "2026-11-28T06:00:00Z";
const UNPLACED = "unplaced.example.org";
const MISPLACED = "misplaced.example.org";
const DECLARED = "declared.example.org";

/** Two public addresses the shipped database puts in two different countries. */
function pickAddresses(): [AddressPlace, AddressPlace] {
  const geo = loadIpGeolocation();
  const known = ["129.97.0.1", "193.0.6.139", "1.1.1.1", "8.8.8.8", "202.12.29.205"].flatMap((a) => {
    const place = geo.lookup(a);
    return place ? [place] : [];
  });
  const first = known[0];
  const other = known.find((p) => p.country !== first?.country);
  if (!first || !other) throw new Error("the database places none of the test addresses in two countries");
  return [first, other];
}
const [home, abroad] = pickAddresses();

function mirrorFile(name: string, geolocation: string): string {
  return `name: ${name}
address:
  http: http://${name}/almalinux/
  https: https://${name}/almalinux/
update_frequency: 3h
sponsor: Example Hosting
sponsor_url: https://example.org
email: noc@example.org
${geolocation}`;
}

let build: ReturnType<typeof buildSite>;

beforeAll(() => {
  const mirrors = join(work, "mirrors.d");
  mkdirSync(mirrors);
  copyFileSync("config.yml", join(work, "config.yml"));
  writeFileSync(join(mirrors, `${UNPLACED}.yml`), mirrorFile(UNPLACED, ""));
  // Declares the home country, but its address is abroad.
  writeFileSync(join(mirrors, `${MISPLACED}.yml`), mirrorFile(MISPLACED, `geolocation:\n  country: ${home.country}\n`));
  writeFileSync(join(mirrors, `${DECLARED}.yml`), mirrorFile(DECLARED, `geolocation:\n  country: ${abroad.country}\n`));
  const entry = (address: string | null) => ({
    state: "ok" as const,
    reason: "Serves fresh, complete trees.",
    checked_at: CHECKED,
    ...(address ? { addresses: { ipv4: [address], ipv6: [] }, ipv4: true } : {}),
  });
  const status: StatusFile = {
    checked_at: CHECKED,
    mirrors: { [UNPLACED]: entry(home.address), [MISPLACED]: entry(abroad.address), [DECLARED]: entry(null) },
  };
  writeFileSync(join(work, "status.json"), JSON.stringify(status));
  build = buildSite(outDir, {
    MIRRORS_DIR: mirrors,
    MIRRORS_CONFIG: join(work, "config.yml"),
    MIRRORS_STATUS: join(work, "status.json"),
  });
}, 250_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(outDir, path), "utf8");

/** `npm run mirrorlist` over the built index; stdout is the list, stderr the explanation. */
function simulate(...args: string[]) {
  return spawnSync(
    "npm",
    ["run", "-s", "mirrorlist", "--", "--index", join(outDir, "mirrorlist/v1.json"), "--explain", ...args],
    { encoding: "utf8", timeout: 60_000 },
  );
}

describe("a mirror with no place in its file, given an address by the status file", () => {
  it("is shown in its address's country, on the country page and in the map data", () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(page(`countries/${home.country.toLowerCase()}/index.html`)).toContain(UNPLACED);
    const map = JSON.parse(page("map-data.json")) as { mirrors: [string, string, number, number, string, string][] };
    const row = map.mirrors.find(([name]) => name === UNPLACED);
    expect(row?.[5]).toBe(home.country);
    expect(row?.[2]).toBeCloseTo(home.latitude, 3);
    expect(row?.[3]).toBeCloseTo(home.longitude, 3);
  });

  it("says on its page that its address placed it, and credits the database there and in the footer", () => {
    const mirror = page(`mirrors/${UNPLACED}/index.html`);
    // The address sits between Unicode isolates, so that it reads left to right on any page.
    expect(mirror).toContain(`Placed on the map by its address \u2068${home.address}\u2069`);
    expect(mirror).toContain('<a href="https://db-ip.com" rel="noopener">IP Geolocation by DB-IP</a>');
    expect(page("index.html")).toMatch(/data-geoip-credit[^>]*>IP Geolocation by DB-IP<\/a> \(CC BY 4\.0\)/);
  });

  it("is in v1.json with that country, and a client there gets it as same country", () => {
    const index = page("mirrorlist/v1.json");
    const line = index.split("\n").find((l) => l.includes(`"${UNPLACED}"`)) ?? "";
    expect(line).toContain(`"country":"${home.country}"`);
    const run = simulate("--country", home.country, "/mirrorlist/9/baseos");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`//${UNPLACED}/almalinux/9`);
    expect(run.stderr).toContain(`# ${UNPLACED}: same country (${home.country})`);
  });

  it("the simulator places a client from --ip alone, with the same database", () => {
    const run = simulate("--ip", home.address, "/mirrorlist/9/baseos");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`# client ${home.address} placed by its address in`);
    expect(run.stderr).toMatch(new RegExp(`# ${UNPLACED.replaceAll(".", "\\.")}: same country`));
    const documentation = simulate("--ip", "203.0.113.7", "/mirrorlist/9/baseos");
    expect(documentation.stderr).toContain("203.0.113.7 is a documentation address: not looked up");
  });
});

describe("a mirror whose file names another country than its address's", () => {
  it("keeps its file's country and gets the warning on its page", () => {
    const mirror = page(`mirrors/${MISPLACED}/index.html`);
    expect(mirror).toContain("address-in-other-country");
    expect(mirror).toContain(`The file places the mirror in ${home.country}, but its address ${abroad.address} is in`);
    expect(mirror).toContain("data-address-warning");
    expect(page(`countries/${home.country.toLowerCase()}/index.html`)).toContain(MISPLACED);
  });

  it("a mirror with no address keeps its file's place, with no word about addresses", () => {
    const mirror = page(`mirrors/${DECLARED}/index.html`);
    expect(mirror).toContain("Placed on the map at the centre of its country.");
    expect(mirror).not.toContain("data-address-warning");
  });
});
