/**
 * Which addresses the checker connects to: public ones only. A registry file or a mirror's
 * DNS must not be able to point it at the machine it runs on, its network, or its cloud's
 * metadata services (169.254.169.254 and the others of `CLOUD_METADATA_ADDRESSES`).
 * `allowPrivate` (`MIRRORS_ALLOW_PRIVATE_ADDRESSES=1`, for tests on loopback servers) lets
 * loopback, private and unique-local addresses through, never a metadata service, nothing
 * else. Pure: the checker asks before every connection.
 */
import { PRIVATE_OPT_IN_RANGES, specialAddressRange } from "../net/special-addresses.ts";
import type { RefusedAddress } from "./request-outcome.ts";

/** What the checker may connect to. */
export interface AddressPolicy {
  /** Loopback, private and unique-local addresses too (tests only). */
  allowPrivate: boolean;
}

/** The range that bars the checker from `address` ("private", "link-local" …), or null when it may connect. */
export function barredRange(address: string, policy: AddressPolicy): string | null {
  const range = specialAddressRange(address);
  if (range === null || (policy.allowPrivate && PRIVATE_OPT_IN_RANGES.has(range))) return null;
  return range;
}

/** Resolved addresses split into those the checker may connect to and those it refuses, in order. */
export function sortAddresses(
  addresses: readonly string[],
  policy: AddressPolicy,
): { allowed: string[]; refused: RefusedAddress[] } {
  const allowed: string[] = [];
  const refused: RefusedAddress[] = [];
  for (const address of addresses) {
    const range = barredRange(address, policy);
    if (range === null) allowed.push(address);
    else refused.push({ address, range });
  }
  return { allowed, refused };
}
