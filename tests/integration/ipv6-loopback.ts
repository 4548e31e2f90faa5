/**
 * Whether this machine has an IPv6 loopback to listen on. Containers and CI runners often have
 * none (IPv6 disabled, or `lo` without `::1`); a test that needs `::1` asks here once and skips
 * only that case, saying why (`NO_IPV6_LOOPBACK`), instead of failing.
 */
import { createServer } from "node:net";

/** The skip note of a case that needs `::1`. */
export const NO_IPV6_LOOPBACK = "this machine cannot listen on the IPv6 loopback (::1)";

/** Tries one listen on `[::1]:0`; true when it works. */
export function hasIpv6Loopback(): Promise<boolean> {
  return new Promise((settle) => {
    const probe = createServer();
    probe.once("error", () => settle(false));
    probe.listen(0, "::1", () => probe.close(() => settle(true)));
  });
}
