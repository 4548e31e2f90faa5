/**
 * DNS for the checker: A and AAAA records asked separately (`node:dns`, c-ares, so a slow
 * name server does not hold the libuv thread pool), with the system's `getaddrinfo` as a
 * fallback for names only it knows (`/etc/hosts`). A literal address needs no lookup.
 */
import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { failureFromErrorCode, type NetworkFailure } from "../../src/core/status/request-outcome.ts";

/** The addresses of one host, by family; `failure` is set when it has none at all. */
export interface HostAddresses {
  ipv4: string[];
  ipv6: string[];
  failure: NetworkFailure | null;
}

/** Looks up a host name; never throws. */
export type ResolveHost = (hostname: string) => Promise<HostAddresses>;

/** The literal address of a URL host (`127.0.0.1`, `[::1]`), or null for a name. */
export function literalAddresses(hostname: string): HostAddresses | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 4) return { ipv4: [bare], ipv6: [], failure: null };
  if (family === 6) return { ipv4: [], ipv6: [bare], failure: null };
  return null;
}

/** The system resolver, with a time limit per query; answers are cached for the run. */
export function systemResolver(timeoutMs: number): ResolveHost {
  const resolver = new dns.Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  const cache = new Map<string, Promise<HostAddresses>>();
  const query = async (hostname: string): Promise<HostAddresses> => {
    const [a, aaaa] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const ipv4 = a.status === "fulfilled" ? a.value : [];
    const ipv6 = aaaa.status === "fulfilled" ? aaaa.value : [];
    if (ipv4.length > 0 || ipv6.length > 0) return { ipv4, ipv6, failure: null };
    const fromHosts = await lookupFallback(hostname);
    if (fromHosts.ipv4.length > 0 || fromHosts.ipv6.length > 0) return fromHosts;
    const code = a.status === "rejected" ? errorCode(a.reason) : "ENODATA";
    return { ipv4, ipv6, failure: failureFromErrorCode(code) };
  };
  return (hostname) => {
    const literal = literalAddresses(hostname);
    if (literal) return Promise.resolve(literal);
    let answer = cache.get(hostname);
    if (!answer) {
      answer = query(hostname);
      cache.set(hostname, answer);
    }
    return answer;
  };
}

/** A fixed table of names (tests and benchmarks), falling back to literal addresses. */
export function tableResolver(table: Record<string, HostAddresses>): ResolveHost {
  return async (hostname) =>
    literalAddresses(hostname) ?? table[hostname] ?? { ipv4: [], ipv6: [], failure: failureFromErrorCode("ENOTFOUND") };
}

async function lookupFallback(hostname: string): Promise<HostAddresses> {
  const family = async (f: 4 | 6) => {
    try {
      return (await dns.lookup(hostname, { family: f, all: true })).map((r) => r.address);
    } catch {
      return [];
    }
  };
  const [ipv4, ipv6] = await Promise.all([family(4), family(6)]);
  return { ipv4, ipv6, failure: null };
}

function errorCode(reason: unknown): string {
  const code = (reason as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "ENOTFOUND";
}
