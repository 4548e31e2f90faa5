/**
 * The autonomous systems of the cloud providers that host cloud-only mirrors (`cloud_type`).
 * Upstream downloads each provider's published IP ranges when it refreshes its database; the
 * edge knows the client's ASN from Cloudflare instead, so the providers' ASNs do the same job
 * offline. Sources: the providers' PeeringDB records (Amazon AS16509/AS14618, Google
 * AS15169/AS396982, Microsoft AS8075).
 */
export const CLOUD_PROVIDER_ASNS: ReadonlyMap<string, readonly number[]> = new Map([
  ["aws", [14618, 16509]],
  ["azure", [8075]],
  ["gcp", [15169, 396982]],
]);
