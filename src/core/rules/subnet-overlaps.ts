/**
 * Rule: a network is claimed by one mirror. Two mirrors whose subnets overlap split its
 * clients between them (a warning on both files); when either is a `monopoly`, which must be the
 * only mirror of its networks, the claims contradict each other (an error on both, and neither
 * is listed, so that no file can take another mirror's clients by claiming its network).
 *
 * Two CIDR networks either nest or are disjoint, so one pass over them sorted by first address
 * (widest first on a tie) with a stack of the networks still open finds every overlap:
 * whatever is on the stack holds the network at hand.
 */
import { type Diagnostic, makeDiagnostic } from "../diagnostics.ts";
import { cidrRange } from "../mirrorlist/ip-address.ts";
import type { Mirror } from "../types.ts";
import { isRecord } from "../value-path.ts";
import { canonicalCidr } from "./network.ts";
import type { SourcePlaces } from "./source-places.ts";

/** One subnet of one mirror, as an inclusive range of fixed-width hex addresses. */
interface Claim {
  mirror: Mirror;
  subnet: string;
  /** `4:` or `6:` before the hex, so that the two families sort apart. */
  first: string;
  last: string;
}

/** Pairs of claims by different mirrors where `outer` holds (or equals) `inner`. */
export function subnetOverlaps(mirrors: readonly Mirror[]): { outer: Claim; inner: Claim }[] {
  const claims: Claim[] = [];
  for (const mirror of mirrors) {
    for (const subnet of new Set(mirror.subnets)) {
      const range = cidrRange(subnet);
      const family = subnet.includes(":") ? "6:" : "4:";
      if (range) claims.push({ mirror, subnet, first: family + range[0], last: family + range[1] });
    }
  }
  claims.sort((a, b) => compare(a.first, b.first) || compare(b.last, a.last));
  const pairs: { outer: Claim; inner: Claim }[] = [];
  const open: Claim[] = [];
  for (const claim of claims) {
    while (open.length > 0 && (open.at(-1) as Claim).last < claim.first) open.pop();
    for (const outer of open) if (outer.mirror !== claim.mirror) pairs.push({ outer, inner: claim });
    open.push(claim);
  }
  return pairs;
}

/** Diagnostics on both files of every overlap, and the mirrors a monopoly conflict unlists. */
export function checkSubnetOverlaps(
  mirrors: readonly Mirror[],
  places: SourcePlaces,
): { diagnostics: Diagnostic[]; unlisted: Set<Mirror> } {
  const diagnostics: Diagnostic[] = [];
  const unlisted = new Set<Mirror>();
  for (const { outer, inner } of subnetOverlaps(mirrors)) {
    const monopoly = [outer, inner].find((c) => c.mirror.monopoly)?.mirror;
    if (monopoly) {
      unlisted.add(outer.mirror);
      unlisted.add(inner.mirror);
    }
    for (const [here, there] of [
      [outer, inner],
      [inner, outer],
    ] as const) {
      const path = subnetPath(places, here);
      const consequence = monopoly ? { variant: "monopoly", monopolyFile: monopoly.file } : { variant: "shared" };
      diagnostics.push(
        makeDiagnostic(
          here.mirror.file,
          places.positionOf(here.mirror.file, path),
          monopoly ? "error" : "warning",
          "subnet-overlap",
          path,
          {
            subnet: here.subnet,
            otherSubnet: there.subnet,
            otherFile: there.mirror.file,
            otherName: there.mirror.name,
            ...consequence,
          },
        ),
      );
    }
  }
  return { diagnostics, unlisted };
}

/** The path of the `subnets` item that reads as `claim.subnet` once made canonical. */
function subnetPath(places: SourcePlaces, claim: Claim): (string | number)[] {
  const value = places.source(claim.mirror.file)?.value;
  const raw = isRecord(value) ? value.subnets : undefined;
  if (!Array.isArray(raw)) return ["subnets"];
  const index = raw.findIndex((item) => typeof item === "string" && canonicalCidr(item) === claim.subnet);
  return index < 0 ? ["subnets"] : ["subnets", index];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
