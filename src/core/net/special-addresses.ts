/**
 * Special-purpose IP ranges (IANA's registries, RFC 6890 and successors): addresses a public
 * mirror never has and that a client is never sent to or from. The validator refuses URLs
 * whose host is such a literal and warns about subnets in them; the checker refuses to
 * connect to them, so that a registry file cannot point it at the machine it runs on or at
 * its cloud's metadata service. Pure: text in, a range name out.
 */
import ipaddr from "ipaddr.js";

/** Short English name of a special-purpose range, fit for "a … address". */
export type SpecialRange =
  | "unspecified"
  | "loopback"
  | "private"
  | "CGNAT"
  | "link-local"
  | "unique-local"
  | "site-local"
  | "documentation"
  | "benchmarking"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "discard-only"
  | "IPv4-mapped"
  | "NAT64"
  | "cloud-metadata"
  | "invalid";

/**
 * The cloud metadata services, as their providers document them: the checker must never be
 * steered at one, even with `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` (several sit in the unique-local
 * range the opt-in lets through, one in public space). Each is named `cloud-metadata`, before
 * its range; docs/SECURITY.md lists them.
 */
export const CLOUD_METADATA_ADDRESSES: readonly { address: string; service: string }[] = [
  { address: "169.254.169.254", service: "AWS, Azure, Google Cloud, Oracle Cloud, OpenStack, DigitalOcean, Hetzner" },
  { address: "fd00:ec2::254", service: "AWS instance metadata over IPv6" },
  { address: "169.254.170.2", service: "AWS ECS task metadata and credentials" },
  { address: "169.254.170.23", service: "AWS EKS Pod Identity credentials" },
  { address: "fd00:ec2::23", service: "AWS EKS Pod Identity credentials over IPv6" },
  { address: "fd20:ce::254", service: "Google Compute Engine metadata over IPv6" },
  { address: "fd00:c1::a9fe:a9fe", service: "Oracle Cloud instance metadata over IPv6" },
  { address: "168.63.129.16", service: "Azure WireServer (host agent, a public address)" },
  { address: "100.100.100.200", service: "Alibaba Cloud instance metadata" },
  { address: "169.254.0.23", service: "Tencent Cloud instance metadata" },
];

const METADATA = new Set(CLOUD_METADATA_ADDRESSES.map(({ address }) => ipaddr.parse(address).toNormalizedString()));

/** The ranges `MIRRORS_ALLOW_PRIVATE_ADDRESSES=1` lets through, for tests on this machine only. */
export const PRIVATE_OPT_IN_RANGES: ReadonlySet<SpecialRange> = new Set(["loopback", "private", "unique-local"]);

type Kind = "ipv4" | "ipv6";

interface RangeEntry {
  kind: Kind;
  network: ipaddr.IPv4 | ipaddr.IPv6;
  bits: number;
  name: SpecialRange;
}

/** Most specific first: the first range that holds an address names it. */
const TABLE: readonly RangeEntry[] = [
  ["255.255.255.255/32", "broadcast"],
  ["0.0.0.0/8", "unspecified"], // "this network"; Linux connects 0.0.0.0 to itself
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "CGNAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"], // holds the cloud metadata service, 169.254.169.254
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"], // IETF protocol assignments
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"], // the retired 6to4 relay anycast
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::ffff:0:0/96", "IPv4-mapped"],
  ["64:ff9b::/96", "NAT64"],
  ["64:ff9b:1::/48", "reserved"], // local-use translation (RFC 8215), to wherever the operator chose
  ["::/8", "reserved"], // holds the deprecated IPv4-compatible ::/96; after NAT64, which it holds too
  ["100::/64", "discard-only"],
  ["2001:2::/48", "benchmarking"],
  ["2001:db8::/32", "documentation"],
  ["3fff::/20", "documentation"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local"],
  ["ff00::/8", "multicast"],
].map(([cidr, name]) => {
  const [network, bits] = ipaddr.parseCIDR(cidr as string);
  return { kind: network.kind(), network, bits, name: name as SpecialRange };
});

/** True for an IPv4 or IPv6 address literal (an IPv6 one may be in URL brackets). */
export function isIpAddress(text: string): boolean {
  return ipaddr.isValid(unbracket(text));
}

/**
 * The special-purpose range that holds `address` (`"127.0.0.1"`, `"[::1]"`,
 * `"::ffff:10.0.0.1"`), or null when it is an ordinary public unicast address. An IPv4 address
 * carried in IPv6 is judged as what it reaches: an IPv4-mapped one by its IPv4 range (and is
 * `"IPv4-mapped"` even when that is public, since no host has one), a NAT64 one (`64:ff9b::/96`)
 * by its IPv4 address alone. A cloud metadata service's address is `"cloud-metadata"`. Text that
 * is not an IP address is `"invalid"`, so a caller that refuses every non-null answer refuses it too.
 */
export function specialAddressRange(address: string): SpecialRange | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(unbracket(address));
  } catch {
    return "invalid";
  }
  const name = rangeHolding(parsed);
  if (parsed.kind() === "ipv4" || (name !== "IPv4-mapped" && name !== "NAT64")) return name;
  const inner = rangeHolding(new ipaddr.IPv4(parsed.toByteArray().slice(12)));
  return name === "IPv4-mapped" ? (inner ?? name) : inner;
}

/**
 * The special-purpose range a network (`"10.0.0.0/8"`, `"2001:db8::/48"`) overlaps, or null
 * when it lies wholly in public address space. A network wider than a special range that it
 * contains counts too: `100.0.0.0/8` overlaps CGNAT. Text that is not a network is `"invalid"`.
 */
export function specialNetworkRange(cidr: string): SpecialRange | null {
  let network: ipaddr.IPv4 | ipaddr.IPv6;
  let bits: number;
  try {
    [network, bits] = ipaddr.parseCIDR(cidr.trim());
  } catch {
    return "invalid";
  }
  for (const entry of TABLE) {
    if (entry.kind === network.kind() && network.match(entry.network, Math.min(bits, entry.bits))) return entry.name;
  }
  return null;
}

function rangeHolding(address: ipaddr.IPv4 | ipaddr.IPv6): SpecialRange | null {
  if (METADATA.has(address.toNormalizedString())) return "cloud-metadata";
  for (const entry of TABLE) {
    if (entry.kind === address.kind() && address.match(entry.network, entry.bits)) return entry.name;
  }
  return null;
}

function unbracket(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}
