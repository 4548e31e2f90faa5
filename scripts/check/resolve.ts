/**
 * DNS for the checker: A and AAAA records asked separately (`node:dns`, c-ares, so a slow
 * name server does not hold the libuv thread pool), with the system's `getaddrinfo` as a
 * fallback for names only it knows (`/etc/hosts`). A literal address needs no lookup. Every
 * lookup has a time limit, and callers also race it against their request's deadline
 * (`resolveWithin`): a name server that never answers costs a check no more than that.
 */
import { promises as dns, type LookupAddress } from "node:dns";
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

/** `dns.lookup` with `all: true`, the system's `getaddrinfo`. */
export type SystemLookup = (hostname: string, options: { family: 4 | 6; all: true }) => Promise<LookupAddress[]>;

/** Test hooks: name servers to ask instead of the system's, and a stand-in for `getaddrinfo`. */
export interface SystemResolverOptions {
  servers?: string[];
  lookup?: SystemLookup;
}

/**
 * The system resolver, with a time limit per query; answers are cached for the run, so a host
 * resolves to the same addresses for every request of the run (no rebinding between the
 * address check and the connection).
 */
export function systemResolver(timeoutMs: number, options: SystemResolverOptions = {}): ResolveHost {
  const resolver = new dns.Resolver({ timeout: Math.max(500, Math.floor(timeoutMs / 2)), tries: 2 });
  if (options.servers) resolver.setServers(options.servers);
  const lookup = options.lookup ?? ((hostname, o) => dns.lookup(hostname, o));
  const cache = new Map<string, Promise<HostAddresses>>();
  const query = async (hostname: string): Promise<HostAddresses> => {
    const [a, aaaa] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const ipv4 = a.status === "fulfilled" ? a.value.filter((x) => isIP(x) === 4) : [];
    const ipv6 = aaaa.status === "fulfilled" ? aaaa.value.filter((x) => isIP(x) === 6) : [];
    if (ipv4.length > 0 || ipv6.length > 0) return { ipv4, ipv6, failure: null };
    const fromHosts = await lookupFallback(lookup, hostname, timeoutMs);
    if (fromHosts === "timeout") return { ipv4, ipv6, failure: { type: "dns-timeout", seconds: timeoutMs / 1000 } };
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

/**
 * A lookup raced against the request's deadline (`ms`) and the mirror's (`signal`). The
 * lookup itself may go on (a `getaddrinfo` call cannot be cancelled); its answer is dropped.
 */
export async function resolveWithin(
  resolve: ResolveHost,
  hostname: string,
  ms: number,
  signal?: AbortSignal,
): Promise<HostAddresses | "timeout" | "aborted"> {
  if (signal?.aborted) return "aborted";
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<"aborted">((settle) => {
    onAbort = () => settle("aborted");
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([withinMs(resolve(hostname), ms), aborted]);
  } finally {
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

/** `work`, or "timeout" when it has not settled after `ms`. */
async function withinMs<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((settle) => {
    timer = setTimeout(() => settle("timeout"), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `getaddrinfo` for both families, given up on after `timeoutMs` (it cannot be cancelled). */
async function lookupFallback(
  lookup: SystemLookup,
  hostname: string,
  timeoutMs: number,
): Promise<HostAddresses | "timeout"> {
  const family = async (f: 4 | 6) => {
    try {
      return (await lookup(hostname, { family: f, all: true })).map((r) => r.address).filter((x) => isIP(x) === f);
    } catch {
      return [];
    }
  };
  const both = Promise.all([family(4), family(6)]).then(([ipv4, ipv6]) => ({ ipv4, ipv6, failure: null }));
  return withinMs(both, timeoutMs);
}

function errorCode(reason: unknown): string {
  const code = (reason as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "ENOTFOUND";
}
