/**
 * The mirror file schema (JSON Schema 2020-12). It accepts every sound file that upstream's
 * `mirror_config/v1` accepts and closes its gaps (monopoly without private, cloud_type without
 * regions, a URL as name, an address without http/https). Unknown keys are left to the
 * `unknown-keys` rule, which warns with a suggestion instead of failing.
 */

/** Cloud providers the upstream mirror service knows how to route to. */
export const CLOUD_TYPES = ["aws", "azure", "gcp"] as const;

/** Largest 32-bit AS number (RFC 6793). */
export const MAX_ASN = 4_294_967_295;

/** A DNS host name: labels of letters, digits and inner hyphens, no scheme, no path. */
export const HOST_NAME_PATTERN =
  "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

const urlString = { type: "string", minLength: 1 } as const;

const addresses = {
  type: "object",
  description: "Base URLs of the tree, one per protocol; http or https is required.",
  properties: { http: urlString, https: urlString, rsync: urlString, ftp: urlString },
  anyOf: [{ required: ["http"] }, { required: ["https"] }],
} as const;

export const mirrorSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://github.com/mirrorsite/mirrorsite/schemas/mirror/v1.json",
  title: "Mirror",
  type: "object",
  required: ["name", "address", "update_frequency", "sponsor", "sponsor_url"],
  properties: {
    name: { type: "string", description: "The mirror's host name.", pattern: HOST_NAME_PATTERN },
    address: addresses,
    address_optional: {
      type: "object",
      description: "Trees of optional modules; today only Kitten.",
      properties: { kitten: addresses },
    },
    geolocation: {
      type: "object",
      properties: {
        continent: {
          type: ["string", "null"],
          description: "Optional, as upstream documents it: a continent's name or code; the country decides.",
        },
        country: { type: "string", minLength: 1 },
        state_province: { type: ["string", "null"] },
        city: { type: ["string", "null"] },
        latitude: { type: "number", minimum: -90, maximum: 90 },
        longitude: { type: "number", minimum: -180, maximum: 180 },
      },
      required: ["country"],
      dependentRequired: { latitude: ["longitude"], longitude: ["latitude"] },
    },
    update_frequency: { type: "string", minLength: 1 },
    sponsor: { type: "string", minLength: 1 },
    sponsor_url: urlString,
    email: { type: "string" },
    asn: {
      type: ["integer", "array"],
      minimum: 1,
      maximum: MAX_ASN,
      items: { type: "integer", minimum: 1, maximum: MAX_ASN },
    },
    subnets: { type: ["string", "array"], items: { type: "string" } },
    private: { type: "boolean" },
    monopoly: { type: "boolean" },
    cloud_type: { enum: [...CLOUD_TYPES] },
    cloud_regions: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
  },
  dependentRequired: { cloud_type: ["cloud_regions"] },
  if: { properties: { monopoly: { const: true } }, required: ["monopoly"] },
  then: { properties: { private: { const: true } }, required: ["private"] },
} as const;

/** Keys the schema defines, per mapping, for the unknown-key rule. */
export const KNOWN_KEYS = {
  root: Object.keys(mirrorSchema.properties),
  address: Object.keys(addresses.properties),
  address_optional: Object.keys(mirrorSchema.properties.address_optional.properties),
  geolocation: Object.keys(mirrorSchema.properties.geolocation.properties),
} as const;
