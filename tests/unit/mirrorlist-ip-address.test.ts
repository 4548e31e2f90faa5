import { describe, expect, it } from "vitest";
import { cidrRange, clientNetwork, parseAddress } from "../../src/core/mirrorlist/ip-address.ts";

describe("IP addresses as fixed-width hex", () => {
  it("parses IPv4, IPv6 and IPv4-mapped IPv6", () => {
    expect(parseAddress("132.206.1.2")).toEqual({ family: 4, hex: "84ce0102" });
    expect(parseAddress("2001:470:1::1")).toEqual({ family: 6, hex: "20010470000100000000000000000001" });
    expect(parseAddress("::")).toEqual({ family: 6, hex: "0".repeat(32) });
    expect(parseAddress("::ffff:192.0.2.1")).toEqual({ family: 4, hex: "c0000201" });
    expect(parseAddress("64:ff9b::192.0.2.1")?.hex).toBe("0064ff9b0000000000000000c0000201");
  });

  it("rejects what is not an address", () => {
    for (const bad of [
      "",
      "1.2.3",
      "256.1.1.1",
      "1.2.3.4.5",
      "1::2::3",
      "12345::",
      "1:2:3:4:5:6:7:8:9",
      "abc",
      "::g",
    ]) {
      expect(parseAddress(bad), bad).toBeNull();
    }
  });

  it("turns a CIDR block into its first and last address", () => {
    expect(cidrRange("132.206.0.0/16")).toEqual(["84ce0000", "84ceffff"]);
    expect(cidrRange("10.16.0.0/12")).toEqual(["0a100000", "0a1fffff"]);
    expect(cidrRange("192.0.2.7/32")).toEqual(["c0000207", "c0000207"]);
    expect(cidrRange("0.0.0.0/0")).toEqual(["00000000", "ffffffff"]);
    expect(cidrRange("2001:470:1::/48")).toEqual([
      "20010470000100000000000000000000",
      "200104700001ffffffffffffffffffff",
    ]);
    expect(cidrRange("2001:db8::/33")?.[1]).toBe("20010db87fffffffffffffffffffffff");
    expect(cidrRange("10.0.0.0/33")).toBeNull();
    expect(cidrRange("10.0.0.0")).toBeNull();
  });

  it("names the /24 or /48 a client is counted in", () => {
    const v4 = parseAddress("203.0.113.77");
    const v6 = parseAddress("2001:db8:5:6::1");
    expect(v4 && clientNetwork(v4)).toBe("203.0.113.0/24");
    expect(v6 && clientNetwork(v6)).toBe("2001:db8:5::/48");
  });
});
