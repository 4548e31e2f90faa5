/**
 * Rule: networks a private or on-net mirror serves. Subnets are IPv4/IPv6 CIDR (or one https
 * URL to a published list); ASNs are integers in range (the schema checks the range).
 */
import ipaddr from "ipaddr.js";
import type { CheckOptions } from "../check-options.ts";
import { checkUrlHost } from "./ip-literal-hosts.ts";
import { checkPublishedUrl } from "./published-text.ts";
import type { FileReporter } from "./reporter.ts";
import { checkSubnetClaim } from "./subnet-claims.ts";

export interface Networks {
  subnets: string[];
  subnetsUrl: string | null;
  asns: number[];
}

export function normaliseNetworks(r: FileReporter, options: CheckOptions): Networks {
  const { subnets: rawSubnets, asn } = r.source.value;
  const asns = (Array.isArray(asn) ? asn : [asn]).filter((n): n is number => Number.isInteger(n));
  if (typeof rawSubnets === "string" && /^https?:/i.test(rawSubnets.trim())) {
    // Parsed, so that what is published is a well-formed, percent-encoded https URL with a host.
    const url = URL.parse(rawSubnets.trim());
    if (url?.protocol !== "https:" || url.hostname === "") {
      r.report("error", "bad-subnet", ["subnets"], { variant: "url" });
      return { subnets: [], subnetsUrl: null, asns };
    }
    if (url.username !== "" || url.password !== "") {
      r.report("error", "url-credentials", ["subnets"], { path: "subnets" });
      return { subnets: [], subnetsUrl: null, asns };
    }
    if (checkPublishedUrl(r, ["subnets"], rawSubnets, url.href)) return { subnets: [], subnetsUrl: null, asns };
    checkUrlHost(r, ["subnets"], url.href, options);
    return { subnets: [], subnetsUrl: url.href, asns };
  }
  const items = typeof rawSubnets === "string" ? [rawSubnets] : Array.isArray(rawSubnets) ? rawSubnets : [];
  const subnets: string[] = [];
  items.forEach((item, index) => {
    if (typeof item !== "string") return;
    const cidr = canonicalCidr(item);
    const path = typeof rawSubnets === "string" ? ["subnets"] : ["subnets", index];
    if (cidr === null) {
      r.report("error", "bad-subnet", path, { variant: "cidr", value: item });
      return;
    }
    checkSubnetClaim(r, path, cidr, options);
    subnets.push(cidr);
  });
  return { subnets, subnetsUrl: null, asns };
}

/** `2001:0400::/48` → `2001:400::/48`; host bits are cleared. Null when not a network. */
export function canonicalCidr(text: string): string | null {
  try {
    const [address, prefix] = ipaddr.parseCIDR(text.trim());
    const network =
      address.kind() === "ipv4"
        ? ipaddr.IPv4.networkAddressFromCIDR(text.trim())
        : ipaddr.IPv6.networkAddressFromCIDR(text.trim());
    return `${network.toString()}/${prefix}`;
  } catch {
    return null;
  }
}
