/**
 * Rule: a URL's host is a name, not an IP address. An address in a special-purpose range
 * (loopback, private, link-local with the cloud metadata service, documentation …), or the
 * name `localhost`, is an error:
 * no client can use it, and the checker would be sent into its own network. Any other address
 * literal is a warning. With the private opt-in, the ranges it covers pass without a word.
 */
import type { CheckOptions } from "../check-options.ts";
import { isIpAddress, PRIVATE_OPT_IN_RANGES, specialAddressRange } from "../net/special-addresses.ts";
import type { ValuePath } from "../value-path.ts";
import type { FileReporter } from "./reporter.ts";

/** Reports on the host of `href` (a parsed URL) found at `path`. */
export function checkUrlHost(r: FileReporter, path: ValuePath, href: string, options: CheckOptions): void {
  // A trailing dot is the DNS root: `127.0.0.1.` is still that address where a resolver reads it.
  const host = (URL.parse(href)?.hostname ?? "").toLowerCase().replace(/\.$/, "");
  // RFC 6761: `localhost` and every name under it always mean this very machine.
  const localName = host === "localhost" || host.endsWith(".localhost");
  if (!localName && !isIpAddress(host)) return;
  const range = localName ? "loopback" : specialAddressRange(host);
  if (range !== null && options.allowPrivateAddresses && PRIVATE_OPT_IN_RANGES.has(range)) return;
  if (range !== null) {
    r.report("error", "special-address-url", path, { path: path.join("."), host, range });
    return;
  }
  r.report("warning", "ip-address-url", path, { path: path.join("."), host });
}
