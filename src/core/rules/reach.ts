/** Rule: a private mirror with neither subnets nor an ASN can never be handed to any client. */
import type { Networks } from "./network.ts";
import type { FileReporter } from "./reporter.ts";

export function checkPrivateReach(r: FileReporter, networks: Networks): void {
  if (r.source.value.private !== true) return;
  if (networks.subnets.length > 0 || networks.subnetsUrl !== null || networks.asns.length > 0) return;
  r.report(
    "warning",
    "private-unreachable",
    ["private"],
    "The mirror is private but lists neither `subnets` nor `asn`, so no client will ever be sent to it. Add the networks it serves, or remove the file if the mirror is retired.",
    "key",
  );
}
