import { describe, expect, it } from "vitest";
import { decodeMapMirror, encodeMapMirror, type MapMirror } from "../../src/core/map-data.ts";

const MIRROR: MapMirror = {
  name: "mirror.example.org",
  sponsor: "Example Hosting",
  latitude: 50.11,
  longitude: 8.68,
  protocols: ["http", "https", "rsync"],
  country: "DE",
  health: "broken",
};

describe("the map's data codec", () => {
  it("writes a mirror as the documented row and reads it back", () => {
    const row = encodeMapMirror(MIRROR);
    expect(row).toEqual(["mirror.example.org", "Example Hosting", 50.11, 8.68, "http https rsync", "DE", "broken"]);
    expect(decodeMapMirror(row)).toEqual(MIRROR);
  });

  it("keeps 'not checked yet' apart from 'nothing known'", () => {
    expect(decodeMapMirror(encodeMapMirror({ ...MIRROR, health: "notChecked" })).health).toBe("notChecked");
    expect(encodeMapMirror({ ...MIRROR, health: null })[6]).toBe("");
    expect(decodeMapMirror(encodeMapMirror({ ...MIRROR, health: null })).health).toBeNull();
  });

  it("reads a health it does not know, or markup, as nothing known", () => {
    const row = encodeMapMirror(MIRROR);
    expect(decodeMapMirror([...row.slice(0, 6), "<img onerror=x>"] as typeof row).health).toBeNull();
    expect(decodeMapMirror([...row.slice(0, 6), "constructor"] as typeof row).health).toBeNull();
  });
});
