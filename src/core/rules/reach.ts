/** Rule: a private mirror with neither subnets nor an ASN can never be handed to any client. */
import type { Networks } from "./network.ts";
import type { FileReporter } from "./reporter.ts";

export function checkPrivateReach(r: FileReporter, networks: Networks): void {
  if (r.source.value.private !== true) return;
  if (networks.subnets.length > 0 || networks.subnetsUrl !== null || networks.asns.length > 0) return;
  r.report("warning", "private-unreachable", ["private"], {}, { at: "key" });
}
