/**
 * The join form's fields: their names (which are also the query parameters of a prefilled
 * form, so a filled form's URL is its own edit link) and the mapping between them and a
 * `MirrorDraft`. Pure: used by the mirror pages at build time and by the form in the browser.
 */
import { emptyDraft, type MirrorDraft } from "./mirror-draft.ts";
import { PROTOCOLS, type Protocol } from "./types.ts";

/** The form field of a protocol's Kitten URL, like `kittenHttps`. */
export function kittenField(protocol: Protocol): string {
  return `kitten${protocol[0]?.toUpperCase()}${protocol.slice(1)}`;
}

/** Every field name of the form, in the order of the form. */
export const FIELD_NAMES: readonly string[] = [
  "name",
  ...PROTOCOLS,
  ...PROTOCOLS.map(kittenField),
  "updateFrequency",
  "sponsor",
  "sponsorUrl",
  "email",
  "country",
  "region",
  "city",
  "private",
  "monopoly",
  "subnets",
  "asns",
  "cloudType",
  "cloudRegions",
];

/** Lines of a textarea, trimmed, without blank ones. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** ASNs as typed: spaces or commas between them, an optional `AS` prefix. Anything else stays NaN for the checks to name. */
function asnList(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => Number(token.replace(/^AS/i, "")));
}

/** The draft a form (or a query string) holds; absent fields keep the empty draft's value. */
export function draftFromParams(params: URLSearchParams): MirrorDraft {
  const draft = emptyDraft();
  const text = (name: string, fallback: string) => params.get(name) ?? fallback;
  draft.name = text("name", draft.name);
  for (const protocol of PROTOCOLS) {
    const url = params.get(protocol);
    if (url) draft.urls[protocol] = url;
    const kitten = params.get(kittenField(protocol));
    if (kitten) draft.kittenUrls[protocol] = kitten;
  }
  draft.updateFrequency = text("updateFrequency", draft.updateFrequency);
  draft.sponsor = text("sponsor", draft.sponsor);
  draft.sponsorUrl = text("sponsorUrl", draft.sponsorUrl);
  draft.email = text("email", draft.email);
  draft.country = text("country", draft.country);
  draft.region = text("region", draft.region);
  draft.city = text("city", draft.city);
  draft.private = params.has("private");
  draft.monopoly = params.has("monopoly");
  draft.subnets = lines(text("subnets", ""));
  draft.asns = asnList(text("asns", ""));
  draft.cloudType = text("cloudType", draft.cloudType);
  draft.cloudRegions = lines(text("cloudRegions", ""));
  return draft;
}

/** The query string that prefills the form with `draft`; empty fields are left out. */
export function draftToParams(draft: MirrorDraft): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string) => {
    if (value.trim()) params.set(name, value);
  };
  put("name", draft.name);
  for (const protocol of PROTOCOLS) put(protocol, draft.urls[protocol] ?? "");
  for (const protocol of PROTOCOLS) put(kittenField(protocol), draft.kittenUrls[protocol] ?? "");
  put("updateFrequency", draft.updateFrequency);
  put("sponsor", draft.sponsor);
  put("sponsorUrl", draft.sponsorUrl);
  put("email", draft.email);
  put("country", draft.country);
  put("region", draft.region);
  put("city", draft.city);
  if (draft.private) params.set("private", "true");
  if (draft.monopoly) params.set("monopoly", "true");
  put("subnets", draft.subnets.join("\n"));
  put("asns", draft.asns.join(" "));
  put("cloudType", draft.cloudType);
  put("cloudRegions", draft.cloudRegions.join("\n"));
  return params;
}
