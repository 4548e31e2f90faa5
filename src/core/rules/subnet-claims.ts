/**
 * Rule: a subnet claims clients for a private mirror, so it must be a network someone can
 * really serve. Limits (see docs/DIAGNOSTICS.md): the real registry's widest claims are an
 * IPv4 /16 and an IPv6 /39. Wider than one operator's largest allocation (IPv4 /8, IPv6 /19)
 * is an error, and `0.0.0.0/0` or `::/0` would take every client on earth; wider than a
 * university's or an ISP's usual block (IPv4 /16, IPv6 /32) is a warning. A network in a
 * special-purpose range never matches a client as the mirrorlist sees it: a warning.
 */
import type { CheckOptions } from "../check-options.ts";
import { PRIVATE_OPT_IN_RANGES, specialNetworkRange } from "../net/special-addresses.ts";
import type { ValuePath } from "../value-path.ts";
import type { FileReporter } from "./reporter.ts";

/** Prefix lengths below which a subnet is an error or a warning, per family. */
export const SUBNET_LIMITS = {
  ipv4: { error: 8, warning: 16 },
  ipv6: { error: 19, warning: 32 },
} as const;

/** Reports on one canonical CIDR network (`192.0.2.0/24`) found at `path`. */
export function checkSubnetClaim(r: FileReporter, path: ValuePath, cidr: string, options: CheckOptions): void {
  const family = cidr.includes(":") ? "ipv6" : "ipv4";
  const prefix = Number(cidr.slice(cidr.indexOf("/") + 1));
  const limits = SUBNET_LIMITS[family];
  const label = family === "ipv4" ? "IPv4" : "IPv6";
  if (prefix === 0) {
    r.report("error", "subnet-too-wide", path, { variant: "all", cidr, family: label });
    return;
  }
  if (prefix < limits.error) {
    r.report("error", "subnet-too-wide", path, { variant: "limit", cidr, family: label, limit: limits.error });
    return;
  }
  if (prefix < limits.warning) {
    r.report("warning", "subnet-wide", path, { cidr, limit: limits.warning });
  }
  const range = specialNetworkRange(cidr);
  if (range === null || (options.allowPrivateAddresses && PRIVATE_OPT_IN_RANGES.has(range))) return;
  r.report("warning", "subnet-special-range", path, { cidr, range });
}
