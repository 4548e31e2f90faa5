/**
 * The Metalink 4 document (RFC 5854) of one image file: its name, size and SHA-256, and up to ten
 * mirror URLs, each with its `priority` (1 the best) and `location` (the mirror's country, lower
 * case). aria2 and other clients download from several at once and check the result. Pure; any
 * input gives well-formed XML.
 */
import { xmlComment, xmlEscape } from "../xml-text.ts";

export const METALINK4_TYPE = "application/metalink4+xml";

export interface Metalink4Input {
  name: string;
  size?: number;
  sha256: string;
  /** Best first. */
  urls: ReadonlyArray<{ url: string; country?: string }>;
  /** When the origin's `CHECKSUM` was read: the document's `<published>`. */
  publishedAt: Date;
  explain?: readonly string[];
}

/** A country code as RFC 5854's `location` wants it: two letters, lower case; anything else is left out. */
function location(country: string | undefined): string {
  return country !== undefined && /^[A-Za-z]{2}$/.test(country) ? ` location="${country.toLowerCase()}"` : "";
}

export function metalink4Document(input: Metalink4Input): string {
  const published = Number.isNaN(input.publishedAt.getTime()) ? new Date(0) : input.publishedAt;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<metalink xmlns="urn:ietf:params:xml:ns:metalink">',
    `  <published>${published.toISOString().replace(/\.\d{3}Z$/, "Z")}</published>`,
    ...(input.explain ?? []).map((line) => `  ${xmlComment(line)}`),
    `  <file name="${xmlEscape(input.name)}">`,
    ...(input.size === undefined ? [] : [`    <size>${Math.max(0, Math.trunc(input.size))}</size>`]),
    `    <hash type="sha-256">${xmlEscape(input.sha256)}</hash>`,
    ...input.urls.map(
      ({ url, country }, i) => `    <url priority="${i + 1}"${location(country)}>${xmlEscape(url)}</url>`,
    ),
    "  </file>",
    "</metalink>",
  ];
  return `${lines.join("\n")}\n`;
}
