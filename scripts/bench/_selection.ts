/** Shared by the mirrorlist and scale benchmarks: a population of clients and the time of each answer. */
import { answerRequest } from "../../src/core/mirrorlist/answer.ts";
import { clientFromRequest } from "../../src/core/mirrorlist/client.ts";
import type { PreparedIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { hashString, seededRandom } from "../../src/core/mirrorlist/seeded-random.ts";
import type { Client } from "../../src/core/mirrorlist/select-mirrors.ts";

/** What makes client `i` an on-net one (an address in a mirror's subnet, or a mirror's ASN), if anything. */
export type OnNet = (i: number) => { ip?: string; asn?: number } | null;

/** `count` clients placed near the index's mirrors (within about 2°), seeded by `seed`. */
export function benchClients(prepared: PreparedIndex, count: number, seed: string, onNet: OnNet): Client[] {
  const random = seededRandom(hashString(seed));
  const placed = prepared.publicMirrors.filter((m) => m.entry.coordinates !== undefined);
  return Array.from({ length: count }, (_, i) => {
    const near = placed[Math.floor(random() * placed.length)] ?? placed[0];
    const octets = [1, 2, 3, 4].map(() => Math.floor(random() * 223) + 1);
    const asn = 64512 + Math.floor(random() * 1000);
    const net = onNet(i);
    return clientFromRequest(net?.ip ?? octets.join("."), {
      asn: net?.asn ?? asn,
      country: near?.entry.country,
      continent: near?.entry.continent,
      latitude: ((near?.entry.coordinates?.[0] ?? 0) + (random() - 0.5) * 4).toFixed(4),
      longitude: ((near?.entry.coordinates?.[1] ?? 0) + (random() - 0.5) * 4).toFixed(4),
    });
  });
}

/** The mirrorlist bench's mix of paths. */
export const LIST_PATHS = [
  ["/mirrorlist/9/baseos", ""],
  ["/mirrorlist/9/appstream", ""],
  ["/mirrorlist/8/baseos", "?protocol=https"],
  ["/mirrorlist/10/crb", "?arch=x86_64"],
  ["/isolist/9/x86_64", ""],
] as const;

/** The same repos as metalinks (the index must carry the reference's hashes). */
export const METALINK_PATHS = [
  ["/metalink/9/baseos", "?arch=x86_64"],
  ["/metalink/9/appstream", "?arch=aarch64"],
  ["/metalink", "?repo=baseos-8&arch=x86_64&protocol=https"],
  ["/metalink/10/crb", "?arch=x86_64"],
  ["/metalink/10-kitten/baseos", "?arch=x86_64"],
] as const;

type Paths = readonly (readonly [path: string, query: string])[];

/** Microseconds of each request of `population`, answered from `prepared`, over `paths` in turn. */
export function requestMicros(
  prepared: PreparedIndex,
  population: readonly Client[],
  paths: Paths = LIST_PATHS,
): number[] {
  const now = new Date("2026-03-14T10:00:00Z");
  return population.map((client, i) => {
    const [path, query] = paths[i % paths.length] ?? ["/", ""];
    const t = performance.now();
    answerRequest(prepared, path, query, client, now);
    return (performance.now() - t) * 1000;
  });
}
