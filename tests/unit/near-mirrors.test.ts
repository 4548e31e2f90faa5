import { describe, expect, it } from "vitest";
import { nearMirrors } from "../../src/client/near-mirrors.ts";

describe("nearMirrors (the page's reading of /nearest/…)", () => {
  it("keeps the contract's fields", () => {
    const answer = {
      folder: "9.8/isos/x86_64/",
      mirrors: [
        { name: "m.example.org", url: "https://m.example.org/9.8/isos/x86_64/", country: "DE", city: "Berlin" },
      ],
    };
    expect(nearMirrors(answer)).toEqual(answer.mirrors);
  });

  it("gives none for anything that is not the contract's shape", () => {
    for (const answer of [null, "<!doctype html>", 42, [], {}, { mirrors: "x" }, { mirrors: [null, 1, "a"] }]) {
      expect(nearMirrors(answer)).toEqual([]);
    }
  });

  it("drops entries whose link is not http(s), and odd countries and cities", () => {
    const mirrors = [
      { name: "evil", url: "javascript:alert(1)" },
      { name: "data", url: "data:text/html,<script>" },
      { name: "ok", url: "HTTP://ok.example.org/", country: "<b>", city: 7 },
    ];
    expect(nearMirrors({ mirrors })).toEqual([{ name: "ok", url: "HTTP://ok.example.org/" }]);
  });

  it("lists at most five", () => {
    const mirrors = Array.from({ length: 9 }, (_, i) => ({ name: `m${i}`, url: `https://m${i}.example.org/` }));
    expect(nearMirrors({ mirrors }).map((m) => m.name)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
  });
});
