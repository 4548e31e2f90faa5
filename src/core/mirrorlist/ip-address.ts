/**
 * IP addresses as fixed-width hexadecimal strings: 8 digits for IPv4, 32 for IPv6. Two
 * addresses of the same family then compare as strings exactly as they compare as numbers,
 * which keeps subnet ranges plain JSON and the lookup free of BigInt. Pure, no I/O.
 */

/** An address in one family, as fixed-width lower-case hex. */
export interface HexAddress {
  family: 4 | 6;
  hex: string;
}

/** An inclusive address range `[first, last]` of one subnet, both in fixed-width hex. */
export type HexRange = readonly [first: string, last: string];

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** The IPv4 address as 8 hex digits, or null when `text` is not a dotted quad. */
export function parseIPv4(text: string): string | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  let hex = "";
  for (let i = 1; i <= 4; i++) {
    const octet = Number(match[i]);
    if (octet > 255) return null;
    hex += octet.toString(16).padStart(2, "0");
  }
  return hex;
}

/** The IPv6 address (with `::` and a trailing dotted quad allowed) as 32 hex digits, or null. */
export function parseIPv6(text: string): string | null {
  if (text.length > 45 || !text.includes(":")) return null;
  let body = text.toLowerCase();
  let tail = "";
  const lastColon = body.lastIndexOf(":");
  if (body.includes(".", lastColon)) {
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = v4;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const head = splitHextets(halves[0] ?? "");
  const rest = halves.length === 2 ? splitHextets(halves[1] ?? "") : [];
  if (head === null || rest === null) return null;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(missing).fill("0"), ...rest];
  const hex = groups.map((g) => g.padStart(4, "0")).join("");
  return tail ? hex.slice(0, 24) + tail : hex;
}

function splitHextets(part: string): string[] | null {
  if (part === "") return [];
  const groups = part.split(":");
  return groups.every((g) => HEXTET.test(g)) ? groups : null;
}

/**
 * Any textual address; an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) counts as the IPv4
 * address it carries, since that is the network the client really sits in.
 */
export function parseAddress(text: string): HexAddress | null {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { family: 4, hex: v4 };
  const v6 = parseIPv6(text);
  if (v6 === null) return null;
  if (v6.startsWith("00000000000000000000ffff")) return { family: 4, hex: v6.slice(24) };
  return { family: 6, hex: v6 };
}

/** The first and last address of a CIDR block (`192.0.2.0/24`, `2001:db8::/32`), or null. */
export function cidrRange(cidr: string): HexRange | null {
  const slash = cidr.indexOf("/");
  if (slash < 0) return null;
  const address = parseAddress(cidr.slice(0, slash));
  const bitsText = cidr.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(bitsText)) return null;
  const width = address.family === 4 ? 32 : 128;
  const bits = Number(bitsText);
  if (bits > width) return null;
  return [maskHex(address.hex, bits, "0"), maskHex(address.hex, bits, "f")];
}

/** Keeps the first `bits` bits of `hex` and sets every later bit to 0 (`fill` "0") or 1 ("f"). */
function maskHex(hex: string, bits: number, fill: "0" | "f"): string {
  const whole = Math.floor(bits / 4);
  const partialBits = bits % 4;
  let out = hex.slice(0, whole);
  if (whole < hex.length) {
    const nibble = Number.parseInt(hex[whole] ?? "0", 16);
    const keep = (0xf << (4 - partialBits)) & 0xf;
    const value = fill === "0" ? nibble & keep : (nibble & keep) | (~keep & 0xf);
    out += partialBits === 0 ? fill : value.toString(16);
    out += fill.repeat(hex.length - whole - 1);
  }
  return out;
}

/**
 * The network a client is counted in for its stable random order: the /24 of an IPv4 address,
 * the /48 of an IPv6 one (one site, as RFC 6177 assigns them), in CIDR notation.
 */
export function clientNetwork(address: HexAddress): string {
  if (address.family === 4) {
    const octets = [0, 2, 4].map((i) => Number.parseInt(address.hex.slice(i, i + 2), 16));
    return `${octets.join(".")}.0/24`;
  }
  const groups = [0, 4, 8].map((i) => address.hex.slice(i, i + 4).replace(/^0+(?=.)/, ""));
  return `${groups.join(":")}::/48`;
}
