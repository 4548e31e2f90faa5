/**
 * IP geolocation with the real DB-IP city database the project ships, and placement by address:
 * lookups for IPv4 and IPv6, addresses the database does not know, special addresses that are
 * never looked up, and how a mirror's file and its address combine (a declared place wins).
 */
import { describe, expect, it } from "vitest";
import {
  answeredAddresses,
  placeByAddress,
  placeRegistryByAddress,
  statusHasAddresses,
} from "../../src/core/geo/address-placement.ts";
import { buildGazetteer } from "../../src/core/geo/gazetteer.ts";
import { type AddressPlace, ipGeolocationOver, placeOfAddresses } from "../../src/core/geo/ip-geolocation.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import type { Mirror, MirrorLocation } from "../../src/core/types.ts";
import { addressPlacementReport, loadIpGeolocation } from "../../src/site/ip-geolocation-db.ts";
import { SOUND } from "./helpers.ts";

const geo = loadIpGeolocation();

describe("looking addresses up in the DB-IP city database", () => {
  it("places an IPv4 address at its city, with a country code and coordinates", () => {
    // The University of Waterloo's network.
    const place = geo.lookup("129.97.0.1");
    expect(place).toMatchObject({ address: "129.97.0.1", country: "CA", city: "Waterloo", region: "Ontario" });
    expect(place?.latitude).toBeCloseTo(43.47, 1);
    expect(place?.longitude).toBeCloseTo(-80.54, 1);
  });

  it("places an IPv6 address", () => {
    const place = geo.lookup("2001:4860:4860::8888");
    expect(place?.country).toMatch(/^[A-Z]{2}$/);
    expect(Math.abs(place?.latitude ?? 999)).toBeLessThanOrEqual(90);
    expect(Math.abs(place?.longitude ?? 999)).toBeLessThanOrEqual(180);
  });

  it("answers null for a public address the database does not know, and for text that is no address", () => {
    // 4000::/3 is not special-purpose, but no one has addresses there yet.
    expect(geo.lookup("4000::1")).toBeNull();
    expect(geo.lookup("mirror.example.org")).toBeNull();
    expect(geo.lookup("")).toBeNull();
  });

  it("takes the first address it knows, IPv4 before IPv6", () => {
    expect(placeOfAddresses(geo, { ipv4: ["10.0.0.1", "129.97.0.1"], ipv6: ["2001:4860:4860::8888"] })?.address).toBe(
      "129.97.0.1",
    );
    expect(placeOfAddresses(geo, { ipv4: [], ipv6: ["4000::1", "2001:4860:4860::8888"] })?.address).toBe(
      "2001:4860:4860::8888",
    );
    expect(placeOfAddresses(geo, { ipv4: ["192.168.1.1"], ipv6: ["::1"] })).toBeNull();
  });
});

describe("special addresses", () => {
  // A reader that places every address it is asked about in France, and notes what it was asked.
  const asked: string[] = [];
  const everywhere = {
    get(address: string) {
      asked.push(address);
      return { country_code: "FR", latitude: 48.85, longitude: 2.35 };
    },
  };
  const counting = ipGeolocationOver({ ipv4: everywhere, ipv6: everywhere });

  it("are never looked up: private, loopback, link-local, documentation, unique-local, IPv4-mapped", () => {
    const special = [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "203.0.113.7",
      "::1",
      "fe80::1",
      "fd00::1",
      "2001:db8::1",
      "::ffff:8.8.8.8",
    ];
    for (const address of special) expect(counting.lookup(address), address).toBeNull();
    expect(asked).toEqual([]);
    expect(counting.lookup("8.8.8.8")?.country).toBe("FR");
    expect(asked).toEqual(["8.8.8.8"]);
  });

  it("a record that is not a place (no country, coordinates out of range) places nothing", () => {
    const odd = (record: unknown) => ipGeolocationOver({ ipv4: { get: () => record }, ipv6: { get: () => record } });
    expect(odd({ country_code: "fr", latitude: 1, longitude: 1 }).lookup("8.8.8.8")).toBeNull();
    expect(odd({ country_code: "FR", latitude: 91, longitude: 1 }).lookup("8.8.8.8")).toBeNull();
    expect(odd({ country_code: "FR", latitude: "1", longitude: 1 }).lookup("8.8.8.8")).toBeNull();
    expect(odd("FR").lookup("8.8.8.8")).toBeNull();
  });
});

describe("placing a mirror by its address", () => {
  const gazetteer = buildGazetteer([
    {
      name: "Frankfurt am Main",
      altName: "",
      country: "DE",
      adminCode: "05",
      population: 650000,
      latitude: 50.11,
      longitude: 8.68,
    },
    {
      name: "Berlin",
      altName: "",
      country: "DE",
      adminCode: "16",
      population: 3400000,
      latitude: 52.52,
      longitude: 13.4,
    },
    {
      name: "Paris",
      altName: "",
      country: "FR",
      adminCode: "11",
      population: 2100000,
      latitude: 48.85,
      longitude: 2.35,
    },
  ]);
  const mirror = (location: Partial<MirrorLocation> | null): Mirror => ({
    name: "mirror.example.org",
    file: "mirrors.d/mirror.example.org.yml",
    urls: { https: "https://mirror.example.org/almalinux/" },
    kittenUrls: null,
    updateFrequency: "3h",
    sponsor: "Example",
    sponsorUrl: "https://example.org/",
    location: location && {
      country: "DE",
      continent: "EU",
      region: null,
      city: null,
      coordinates: null,
      ...location,
    },
    private: false,
    monopoly: false,
    subnets: [],
    subnetsUrl: null,
    asns: [],
    cloud: null,
  });
  const inBerlin: AddressPlace = {
    address: "192.0.2.9",
    country: "DE",
    region: "Land Berlin",
    city: "Berlin",
    latitude: 52.52,
    longitude: 13.4,
  };

  it("fills a file with no place: country, continent, city and the address's point", () => {
    const placed = placeByAddress(mirror(null), inBerlin, gazetteer);
    expect(placed.mirror.location).toEqual({
      country: "DE",
      continent: "EU",
      region: "Land Berlin",
      city: "Berlin",
      coordinates: { latitude: 52.52, longitude: 13.4 },
    });
    expect(placed.placement).toMatchObject({ method: "address", place: "Berlin, Land Berlin", warning: null });
    expect(placed.disagreement).toBeNull();
  });

  it("moves a country-only file from the country's centre to its address, keeping the file's words", () => {
    const placed = placeByAddress(mirror({ city: "Nowhereville" }), inBerlin, gazetteer);
    expect(placed.placement?.method).toBe("address");
    expect(placed.mirror.location).toMatchObject({ country: "DE", city: "Nowhereville" });
  });

  it("keeps a declared city, silently when the address is near", () => {
    const placed = placeByAddress(mirror({ city: "Frankfurt" }), inBerlin, gazetteer);
    expect(placed.placement).toMatchObject({ method: "city", place: "Frankfurt am Main" });
    expect(placed.mirror.location?.coordinates).toBeNull();
    expect(placed.disagreement).toBeNull();
  });

  it("warns when the declared place is over 1,000 km from the address, and keeps the file's place", () => {
    const farAway = { ...inBerlin, latitude: 40.0, longitude: 30.0, city: "Somewhere", region: null };
    const placed = placeByAddress(mirror({ city: "Frankfurt" }), { ...farAway, country: "DE" }, gazetteer);
    expect(placed.placement?.method).toBe("city");
    expect(placed.disagreement?.code).toBe("address-far-from-place");
    expect(placed.disagreement?.message).toContain("km from where its address 192.0.2.9 is");
  });

  it("warns when the address is in another country, and keeps the file's country", () => {
    const inParis = {
      ...inBerlin,
      country: "FR",
      region: "Île-de-France",
      city: "Paris",
      latitude: 48.85,
      longitude: 2.35,
    };
    for (const declared of [{ city: "Frankfurt" }, {}]) {
      const placed = placeByAddress(mirror(declared), inParis, gazetteer);
      expect(placed.mirror.location?.country).toBe("DE");
      expect(placed.placement?.method).not.toBe("address");
      expect(placed.disagreement?.code).toBe("address-in-other-country");
      expect(placed.disagreement?.message).toContain("dnf clients in DE get this mirror");
    }
  });

  it("leaves a mirror whose addresses are unknown as its file places it", () => {
    const placed = placeByAddress(mirror(null), null, gazetteer);
    expect(placed).toMatchObject({ placement: null, address: null, disagreement: null });
  });
});

describe("placement only from addresses that answered (hostile)", () => {
  // A file with no place: DNS gives a foreign IPv4 address that never answers, and a working
  // IPv6 one elsewhere. Before, the dead address placed the mirror, and ranked it "same
  // country" for that country's clients.
  const dead = "129.97.0.1"; // Waterloo, CA
  const working = "2001:67c:2e8:22::c100:68b"; // Amsterdam, NL (RIPE NCC)
  const unplaced = SOUND.replace(/geolocation:\n( {2}.*\n)+/, "");
  const registry = buildRegistry([{ file: "mirrors.d/mirror.example.org.yml", text: unplaced }], null);
  const entry = (reach: { ipv4?: boolean | null; ipv6?: boolean | null }) => ({
    state: "ok" as const,
    reason: "ok",
    checked_at: "2026-11-28T06:00:00Z",
    addresses: { ipv4: [dead], ipv6: [working] },
    ...reach,
  });
  const placeWith = (reach: { ipv4?: boolean | null; ipv6?: boolean | null }) => {
    const status = { checked_at: "2026-11-28T06:00:00Z", mirrors: { "mirror.example.org": entry(reach) } };
    return placeRegistryByAddress({ ...registry, status }, buildGazetteer([]), geo).mirrors[0];
  };

  it("takes a family's addresses only when the check answered over it in that run", () => {
    expect(answeredAddresses(entry({ ipv4: false, ipv6: true }))).toEqual({ ipv4: [], ipv6: [working] });
    expect(answeredAddresses(entry({ ipv4: true, ipv6: null }))).toEqual({ ipv4: [dead], ipv6: [] });
    expect(answeredAddresses(entry({}))).toBeNull();
    expect(answeredAddresses(undefined)).toBeNull();
  });

  it("places by the working IPv6 address, not the dead IPv4 one", () => {
    const placed = placeWith({ ipv4: false, ipv6: true });
    expect(placed?.address?.address).toBe(working);
    expect(placed?.mirror.location?.country).toBe("NL");
    expect(placeWith({ ipv4: true, ipv6: false })?.mirror.location?.country).toBe("CA");
  });

  it("neither places nor warns from addresses that never answered", () => {
    const placed = placeWith({ ipv4: false, ipv6: false });
    expect(placed).toMatchObject({ placement: null, address: null, disagreement: null });
    const declared = buildRegistry([{ file: "mirrors.d/mirror.example.org.yml", text: SOUND }], null);
    const status = { checked_at: "2026-11-28T06:00:00Z", mirrors: { "mirror.example.org": entry({ ipv4: false }) } };
    expect(
      placeRegistryByAddress({ ...declared, status }, buildGazetteer([]), geo).mirrors[0]?.disagreement,
    ).toBeNull();
    expect(statusHasAddresses({ ...declared, status })).toBe(false);
  });
});

describe("the checker's summary", () => {
  it("counts the mirrors placed by address and lists each file that disagrees with its address", () => {
    const unplaced = SOUND.replaceAll("mirror.example.org", "unplaced.example.org").replace(
      /geolocation:\n( {2}.*\n)+/,
      "",
    );
    const registry = buildRegistry(
      [
        { file: "mirrors.d/mirror.example.org.yml", text: SOUND },
        { file: "mirrors.d/unplaced.example.org.yml", text: unplaced },
      ],
      null,
    );
    const ok = (address: string) => ({
      state: "ok" as const,
      reason: "ok",
      checked_at: "2026-11-28T06:00:00Z",
      addresses: { ipv4: [address], ipv6: [] },
      ipv4: true,
    });
    const status = {
      checked_at: "2026-11-28T06:00:00Z",
      mirrors: { "mirror.example.org": ok("129.97.0.1"), "unplaced.example.org": ok("129.97.0.1") },
    };
    const report = addressPlacementReport({ ...registry, status }).split("\n");
    expect(report[0]).toBe(
      "Placed by address: 1 mirrors whose files give no place, or only a country (IP Geolocation by DB-IP).",
    );
    expect(report[1]).toBe("1 files' places disagree with their mirrors' addresses:");
    expect(report[2]).toMatch(
      /^mirrors\.d\/mirror\.example\.org\.yml: warning address-in-other-country The file places the mirror in DE, but its address 129\.97\.0\.1 is in Waterloo, Ontario, CA/,
    );
    const loopback = { ...status, mirrors: { "mirror.example.org": ok("127.0.0.1") } };
    expect(addressPlacementReport({ ...registry, status: loopback })).toBe("");
  });
});
