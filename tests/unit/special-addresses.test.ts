import { describe, expect, it } from "vitest";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import {
  CLOUD_METADATA_ADDRESSES,
  isIpAddress,
  PRIVATE_OPT_IN_RANGES,
  specialAddressRange,
  specialNetworkRange,
} from "../../src/core/net/special-addresses.ts";
import { barredRange } from "../../src/core/status/address-policy.ts";
import { SOUND } from "./helpers.ts";

/** Each row: an address and the range it must be named by (null: public). */
function expectRanges(rows: [string, string | null][]): void {
  for (const [address, range] of rows) expect(specialAddressRange(address), address).toBe(range);
}

describe("specialAddressRange over IPv4", () => {
  it("names each special range at both of its ends, and leaves the neighbours public", () => {
    expectRanges([
      ["0.0.0.0", "unspecified"],
      ["0.255.255.255", "unspecified"],
      ["1.0.0.0", null],
      ["9.255.255.255", null],
      ["10.0.0.0", "private"],
      ["10.255.255.255", "private"],
      ["11.0.0.0", null],
      ["100.63.255.255", null],
      ["100.64.0.0", "CGNAT"],
      ["100.127.255.255", "CGNAT"],
      ["100.128.0.0", null],
      ["126.255.255.255", null],
      ["127.0.0.0", "loopback"],
      ["127.0.0.1", "loopback"],
      ["127.255.255.255", "loopback"],
      ["128.0.0.0", null],
      ["169.253.255.255", null],
      ["169.254.0.0", "link-local"],
      ["169.254.169.254", "cloud-metadata"],
      ["169.254.255.255", "link-local"],
      ["169.255.0.0", null],
      ["172.15.255.255", null],
      ["172.16.0.0", "private"],
      ["172.31.255.255", "private"],
      ["172.32.0.0", null],
      ["192.0.0.8", "reserved"],
      ["192.0.1.255", null],
      ["192.0.2.0", "documentation"],
      ["192.0.2.255", "documentation"],
      ["192.0.3.0", null],
      ["192.88.99.1", "reserved"],
      ["192.167.255.255", null],
      ["192.168.0.0", "private"],
      ["192.168.255.255", "private"],
      ["192.169.0.0", null],
      ["198.17.255.255", null],
      ["198.18.0.0", "benchmarking"],
      ["198.19.255.255", "benchmarking"],
      ["198.20.0.0", null],
      ["198.51.100.7", "documentation"],
      ["203.0.113.255", "documentation"],
      ["203.0.114.0", null],
      ["223.255.255.255", null],
      ["224.0.0.0", "multicast"],
      ["239.255.255.255", "multicast"],
      ["240.0.0.0", "reserved"],
      ["255.255.255.254", "reserved"],
      ["255.255.255.255", "broadcast"],
    ]);
  });

  it("leaves the public addresses of real mirrors public", () => {
    expectRanges([
      ["147.32.127.214", null],
      ["8.8.8.8", null],
      ["132.206.1.2", null],
    ]);
  });

  it("reads the short and numeric forms that inet_aton (and so a connecting client) accepts", () => {
    expectRanges([
      ["127.1", "loopback"],
      ["0x7f.1", "loopback"],
      ["2130706433", "loopback"],
    ]);
  });
});

describe("specialAddressRange over IPv6", () => {
  it("names each special range at both of its ends, and leaves the neighbours public", () => {
    expectRanges([
      ["::", "unspecified"],
      ["::1", "loopback"],
      ["::2", "reserved"],
      ["ff:ffff::", "reserved"],
      ["100::", "discard-only"],
      ["100::ffff:ffff:ffff:ffff", "discard-only"],
      ["100:0:0:1::", null],
      ["2001:2::1", "benchmarking"],
      ["2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", null],
      ["2001:db8::", "documentation"],
      ["2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"],
      ["2001:db9::", null],
      ["3fff::1", "documentation"],
      ["fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", null],
      ["fc00::", "unique-local"],
      ["fd12:3456::1", "unique-local"],
      ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique-local"],
      ["fe00::", null],
      ["fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", null],
      ["fe80::", "link-local"],
      ["fe80::1%eth0", "link-local"],
      ["febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link-local"],
      ["fec0::1", "site-local"],
      ["ff00::", "multicast"],
      ["ff02::1", "multicast"],
      ["2a00:1450:4001::1", null],
      ["2001:718:2::1", null],
    ]);
  });

  it("judges an IPv4-mapped address by the IPv4 range it reaches, and never as public", () => {
    expectRanges([
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["::ffff:10.0.0.1", "private"],
      ["::ffff:169.254.169.254", "cloud-metadata"],
      ["::ffff:0.0.0.0", "unspecified"],
      ["::ffff:8.8.8.8", "IPv4-mapped"],
    ]);
  });

  it("judges a NAT64 address by the IPv4 address it is translated to", () => {
    expectRanges([
      ["64:ff9b::127.0.0.1", "loopback"],
      ["64:ff9b::10.1.2.3", "private"],
      ["64:ff9b::8.8.8.8", null],
      ["64:ff9b:1::1", "reserved"],
    ]);
  });

  it("takes an address in URL brackets, as URL.hostname gives it", () => {
    expectRanges([
      ["[::1]", "loopback"],
      ["[::ffff:127.0.0.1]", "loopback"],
      ["[2a00:1450:4001::1]", null],
    ]);
  });
});

describe("what is not an address", () => {
  it("is 'invalid', never public", () => {
    for (const text of ["", "mirror.example.org", "256.1.1.1", "1.2.3.4.5", "::g", "[::1", "1::2::3"]) {
      expect(specialAddressRange(text), text).toBe("invalid");
      expect(isIpAddress(text), text).toBe(false);
    }
  });

  it("is told apart from an address literal", () => {
    expect(isIpAddress("192.0.2.1")).toBe(true);
    expect(isIpAddress("[2001:db8::1]")).toBe(true);
    expect(isIpAddress("2001:db8::1")).toBe(true);
  });
});

describe("specialNetworkRange", () => {
  it("names a special range that the network lies in or holds", () => {
    expect(specialNetworkRange("10.20.0.0/16")).toBe("private");
    expect(specialNetworkRange("100.0.0.0/8")).toBe("CGNAT");
    expect(specialNetworkRange("127.0.0.1/32")).toBe("loopback");
    expect(specialNetworkRange("192.0.2.0/25")).toBe("documentation");
    expect(specialNetworkRange("2001:db8:1::/48")).toBe("documentation");
    expect(specialNetworkRange("fd00::/8")).toBe("unique-local");
    expect(specialNetworkRange("::ffff:0:0/96")).toBe("IPv4-mapped");
    expect(specialNetworkRange("64:ff9b::/96")).toBe("NAT64");
    expect(specialNetworkRange("0.0.0.0/0")).not.toBeNull();
    expect(specialNetworkRange("::/0")).not.toBeNull();
  });

  it("leaves public networks public, up to the edge of a special range", () => {
    expect(specialNetworkRange("147.32.0.0/16")).toBeNull();
    expect(specialNetworkRange("2001:718::/32")).toBeNull();
    expect(specialNetworkRange("11.0.0.0/8")).toBeNull();
    expect(specialNetworkRange("100.128.0.0/9")).toBeNull();
    expect(specialNetworkRange("172.32.0.0/11")).toBeNull();
    expect(specialNetworkRange("2001:db9::/32")).toBeNull();
    expect(specialNetworkRange("not/a/network")).toBe("invalid");
  });
});

describe("the private opt-in", () => {
  it("covers loopback, private and unique-local ranges only, never link-local or metadata", () => {
    expect([...PRIVATE_OPT_IN_RANGES].sort()).toEqual(["loopback", "private", "unique-local"]);
    expect(PRIVATE_OPT_IN_RANGES.has(specialAddressRange("169.254.169.254") ?? "invalid")).toBe(false);
  });
});

describe("the cloud metadata services (hostile)", () => {
  const spellings = CLOUD_METADATA_ADDRESSES.flatMap(({ address }) =>
    address.includes(":") ? [address, `[${address}]`] : [address, `::ffff:${address}`, `64:ff9b::${address}`],
  );

  it("are refused by the checker even with the private opt-in, in every spelling", () => {
    expect(spellings).toContain("fd00:ec2::254");
    for (const address of [...spellings, "fd00:ec2:0:0:0:0:0:254", "FD00:EC2::254"]) {
      expect(specialAddressRange(address), address).toBe("cloud-metadata");
      expect(barredRange(address, { allowPrivate: true }), address).toBe("cloud-metadata");
    }
    // Their unique-local neighbours stay allowed with the opt-in, for the tests' own servers.
    expect(barredRange("fd00:ec2::253", { allowPrivate: true })).toBeNull();
  });

  it("are refused by the validator in every URL even with the private opt-in", () => {
    for (const { address } of CLOUD_METADATA_ADDRESSES) {
      const host = address.includes(":") ? `[${address}]` : address;
      const text = SOUND.replace("https://mirror.example.org/", `https://${host}/`);
      const { mirror, diagnostics } = checkMirrorFile("x.yml", text, { allowPrivateAddresses: true });
      expect(mirror, address).toBeNull();
      expect(
        diagnostics.map((d) => `${d.code} ${String(d.params.range)}`),
        address,
      ).toContain("special-address-url cloud-metadata");
    }
  });
});
