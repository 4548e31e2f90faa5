/**
 * A mirror file being written by hand or in the join form: the draft's fields, the YAML they
 * give (in the registry's key order and style), and the draft that re-creates a listed mirror
 * so its owner can edit it. Pure: runs in the browser as well as in Node.
 */
import { stringify } from "yaml";
import { type Mirror, PROTOCOLS, type Protocol, type ProtocolUrls } from "./types.ts";

/** What the join form holds; empty strings and lists mean "not given". */
export interface MirrorDraft {
  name: string;
  urls: Partial<Record<Protocol, string>>;
  kittenUrls: Partial<Record<Protocol, string>>;
  updateFrequency: string;
  sponsor: string;
  sponsorUrl: string;
  email: string;
  country: string;
  region: string;
  city: string;
  private: boolean;
  monopoly: boolean;
  subnets: string[];
  asns: number[];
  cloudType: string;
  cloudRegions: string[];
}

export function emptyDraft(): MirrorDraft {
  return {
    name: "",
    urls: {},
    kittenUrls: {},
    updateFrequency: "3h",
    sponsor: "",
    sponsorUrl: "",
    email: "",
    country: "",
    region: "",
    city: "",
    private: false,
    monopoly: false,
    subnets: [],
    asns: [],
    cloudType: "",
    cloudRegions: [],
  };
}

/** The draft of a listed mirror. The e-mail is never published, so its owner types it again. */
export function draftFromMirror(mirror: Mirror): MirrorDraft {
  return {
    ...emptyDraft(),
    name: mirror.name,
    urls: { ...mirror.urls },
    kittenUrls: { ...(mirror.kittenUrls ?? {}) },
    updateFrequency: mirror.updateFrequency,
    sponsor: mirror.sponsor,
    sponsorUrl: mirror.sponsorUrl,
    country: mirror.location?.country ?? "",
    region: mirror.location?.region ?? "",
    city: mirror.location?.city ?? "",
    private: mirror.private,
    monopoly: mirror.monopoly,
    subnets: mirror.subnetsUrl ? [mirror.subnetsUrl] : [...mirror.subnets],
    asns: [...mirror.asns],
    cloudType: mirror.cloud?.type ?? "",
    cloudRegions: [...(mirror.cloud?.regions ?? [])],
  };
}

/** The mirror file for a draft, in the key order and document markers of the registry's files. */
export function draftToYaml(draft: MirrorDraft): string {
  const file: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value === "" || value === false || (Array.isArray(value) && value.length === 0)) return;
    if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return;
    file[key] = value;
  };
  put("name", draft.name.trim());
  put("address", urlsOf(draft.urls));
  put("address_optional", Object.keys(urlsOf(draft.kittenUrls)).length ? { kitten: urlsOf(draft.kittenUrls) } : {});
  put("update_frequency", draft.updateFrequency.trim());
  put("sponsor", draft.sponsor.trim());
  put("sponsor_url", draft.sponsorUrl.trim());
  put("email", draft.email.trim());
  const geolocation: Record<string, string> = {};
  if (draft.country.trim()) geolocation.country = draft.country.trim().toUpperCase();
  if (draft.region.trim()) geolocation.state_province = draft.region.trim();
  if (draft.city.trim()) geolocation.city = draft.city.trim();
  put("geolocation", geolocation);
  put("private", draft.private);
  put("monopoly", draft.monopoly);
  const subnets = draft.subnets.map((s) => s.trim()).filter(Boolean);
  put("subnets", subnets.length === 1 && subnets[0]?.startsWith("https://") ? subnets[0] : subnets);
  put("asn", draft.asns.length === 1 ? draft.asns[0] : draft.asns);
  put("cloud_type", draft.cloudType.trim());
  put("cloud_regions", draft.cloudRegions.map((r) => r.trim()).filter(Boolean));
  return `---\n${stringify(file, { lineWidth: 0 })}...\n`;
}

function urlsOf(urls: ProtocolUrls): ProtocolUrls {
  const out: ProtocolUrls = {};
  for (const protocol of PROTOCOLS) {
    const url = urls[protocol]?.trim();
    if (url) out[protocol] = url;
  }
  return out;
}
