/**
 * Synthetic registries for scale tests: N mirror files whose mix of countries, cities,
 * protocols, Kitten trees, private and on-net mirrors follows the real registry's (each synthetic
 * mirror is modelled on a real one drawn at random), under made-up host names. Deterministic:
 * the same count and seed give the same files.
 */
import { stringify } from "yaml";
import { seededRandom } from "../../src/core/mirrorlist/seeded-random.ts";
import type { Mirror } from "../../src/core/types.ts";

export interface SyntheticFile {
  name: string;
  text: string;
}

/** `count` mirror files modelled on `models` (the real registry's mirrors). */
export function syntheticMirrors(models: readonly Mirror[], count: number, seed = 1): SyntheticFile[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const files: SyntheticFile[] = [];
  for (let i = 0; i < count; i++) {
    const model = pick(models);
    const host = `m${i}.${(model.location?.country ?? "xx").toLowerCase()}.mirrors.example.net`;
    const rehost = (url: string) => url.replace(/^(\w+:\/\/)[^/]+/, `$1${host}`);
    const address = Object.fromEntries(Object.entries(model.urls).map(([p, url]) => [p, rehost(url)]));
    const file: Record<string, unknown> = { name: host, address };
    if (model.kittenUrls) {
      file.address_optional = {
        kitten: Object.fromEntries(Object.entries(model.kittenUrls).map(([p, url]) => [p, rehost(url)])),
      };
    }
    Object.assign(file, {
      update_frequency: model.updateFrequency,
      sponsor: `Sponsor ${i % 997}`,
      sponsor_url: `https://sponsor${i % 997}.example.org/`,
      email: `noc@${host}`,
    });
    if (model.location) {
      const geo: Record<string, string> = { country: model.location.country };
      if (model.location.region) geo.state_province = model.location.region;
      if (model.location.city) geo.city = model.location.city;
      file.geolocation = geo;
    }
    if (model.private) file.private = true;
    if (model.private && model.monopoly) file.monopoly = true;
    if (model.subnets.length > 0 || model.private) {
      // Documentation-sized networks spread over 100.64.0.0/10, unique per mirror.
      file.subnets = [`100.${64 + ((i >> 8) % 64)}.${i % 256}.0/24`];
    }
    if (model.asns.length > 0) file.asn = 64512 + (i % 1000);
    if (model.cloud) Object.assign(file, { cloud_type: model.cloud.type, cloud_regions: model.cloud.regions });
    files.push({ name: `${host}.yml`, text: `---\n${stringify(file, { lineWidth: 0 })}...\n` });
  }
  return files;
}
