/**
 * The mirror list for firewalls and scripts: `exports/mirrors.csv` (RFC 4180) and
 * `exports/mirrors.json` (with `exports/mirrors.schema.json`), one row per public mirror: who
 * runs it, where, its URLs, the addresses the last check resolved, its state, lag and 30-day
 * availability. Pure; never the contact e-mail (a `Mirror` holds none).
 */

import { ownValue } from "../own-property.ts";
import { availability } from "../status/history.ts";
import {
  type Mirror,
  type MirrorState,
  PROTOCOLS,
  type Protocol,
  type ProtocolUrls,
  type StatusFile,
} from "../types.ts";

/** One public mirror's row. */
export interface MirrorExportRow {
  name: string;
  sponsor: string;
  sponsor_url: string;
  /** ISO 3166-1 alpha-2; null when its file gives no place. */
  country: string | null;
  city: string | null;
  protocols: Protocol[];
  urls: ProtocolUrls;
  /** From the last check's DNS answers; empty without a status. */
  ipv4: string[];
  ipv6: string[];
  /** Null: not checked (no status, or its entry left out). */
  state: MirrorState | null;
  lag_seconds: number | null;
  /** Percent of the last 30 days' checks that found it ok, two decimals; null with no checks. */
  availability_30d: number | null;
}

export interface MirrorExport {
  /** The status's `checked_at`; null when the build had no status. */
  checked_at: string | null;
  mirrors: MirrorExportRow[];
}

/** The rows of the public (not private) mirrors, in the registry's order (by name). */
export function mirrorExport(mirrors: readonly Mirror[], status: StatusFile | null): MirrorExport {
  const rows = mirrors
    .filter((m) => !m.private)
    .map((m): MirrorExportRow => {
      const s = status ? ownValue(status.mirrors, m.name) : undefined;
      const share = availability(s?.history);
      return {
        name: m.name,
        sponsor: m.sponsor,
        sponsor_url: m.sponsorUrl,
        country: m.location?.country ?? null,
        city: m.location?.city ?? null,
        protocols: PROTOCOLS.filter((p) => m.urls[p] !== undefined),
        urls: Object.fromEntries(PROTOCOLS.flatMap((p) => (m.urls[p] ? [[p, m.urls[p]]] : []))),
        ipv4: s?.addresses?.ipv4 ?? [],
        ipv6: s?.addresses?.ipv6 ?? [],
        state: s?.state ?? null,
        lag_seconds: s?.lag_seconds ?? null,
        availability_30d: share === null ? null : Math.round(share.ratio * 10_000) / 100,
      };
    });
  return { checked_at: status?.checked_at ?? null, mirrors: rows };
}

/** `exports/mirrors.json`'s text. */
export function serializeExportJson(data: MirrorExport): string {
  return `${JSON.stringify(data, null, 1)}\n`;
}

/**
 * A row's keys, in order: the JSON schema's `required` list, and (with `urls` spread over one
 * `<protocol>_url` column each) the CSV's columns. Written as a record so that a key added to
 * `MirrorExportRow` and missing here fails the type check.
 */
const ROW_KEY_ORDER: Readonly<Record<keyof MirrorExportRow, true>> = {
  name: true,
  sponsor: true,
  sponsor_url: true,
  country: true,
  city: true,
  protocols: true,
  urls: true,
  ipv4: true,
  ipv6: true,
  state: true,
  lag_seconds: true,
  availability_30d: true,
};
type RowKey = keyof MirrorExportRow;
export const ROW_KEYS = Object.keys(ROW_KEY_ORDER) as RowKey[];

const CSV_COLUMNS = ROW_KEYS.flatMap((key) => (key === "urls" ? PROTOCOLS.map((p) => `${p}_url`) : [key]));

/** A row's cells under `key`: a list space-separated in one cell, unknown (null) empty. */
function csvCells(row: MirrorExportRow, key: RowKey): string[] {
  if (key === "urls") return PROTOCOLS.map((p) => row.urls[p] ?? "");
  const value = row[key];
  if (value === null) return [""];
  return [Array.isArray(value) ? value.join(" ") : String(value)];
}

/**
 * `exports/mirrors.csv`'s text: RFC 4180 (CRLF line ends, a header row, quotes doubled), every
 * field quoted, and every field defused for spreadsheets (see `csvField`). Lists are
 * space-separated in one field; an empty field is unknown.
 */
export function serializeExportCsv(data: MirrorExport): string {
  const lines = [CSV_COLUMNS.map(csvField).join(",")];
  for (const row of data.mirrors)
    lines.push(
      ROW_KEYS.flatMap((key) => csvCells(row, key))
        .map(csvField)
        .join(","),
    );
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Where a spreadsheet may start a cell inside a field: at its start, and after any `,`, `;`,
 * tab or line break, past any quotes. A spreadsheet in a locale whose list separator is `;`
 * (German, French …) splits there, and a quote that does not open a field does not protect
 * what follows it; a parser that misreads the quoting starts a record at a line break.
 */
const CELL_START = /(?<=^|[,;\t\r\n])("*)(?=[=+\-@\t\r])/g;

/**
 * One field, always quoted (quotes doubled). A cell that starts with `=`, `+`, `-`, `@`, tab or
 * CR would run as a formula (CSV injection), so every place where a spreadsheet, reading with
 * any usual separator, may start a cell gets a `'` before such a character, which spreadsheets
 * show as text: `=1+1` → `'=1+1`, `Berlin;=2+5` → `Berlin;'=2+5`. A script reading the CSV
 * sees the `'`s; the JSON export holds the values as they are.
 */
export function csvField(value: string): string {
  const defused = value.replace(CELL_START, "$1'");
  return `"${defused.replaceAll('"', '""')}"`;
}

/** The JSON Schema (draft-07) of `exports/mirrors.json`. */
export const mirrorExportSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://mirrorsite.invalid/exports/mirrors.schema.json",
  title: "Public mirrors, for firewalls and scripts",
  type: "object",
  required: ["checked_at", "mirrors"],
  properties: {
    checked_at: { type: ["string", "null"], description: "When the status was written; null without one." },
    mirrors: {
      type: "array",
      items: {
        type: "object",
        required: ROW_KEYS,
        additionalProperties: false,
        properties: {
          name: { type: "string", description: "The mirror's host name." },
          sponsor: { type: "string" },
          sponsor_url: { type: "string" },
          country: { type: ["string", "null"], description: "ISO 3166-1 alpha-2." },
          city: { type: ["string", "null"] },
          protocols: { type: "array", items: { enum: [...PROTOCOLS] } },
          urls: {
            type: "object",
            propertyNames: { enum: [...PROTOCOLS] },
            additionalProperties: { type: "string" },
            description: "Base URL of the main tree by protocol.",
          },
          ipv4: { type: "array", items: { type: "string" }, description: "From the last check's DNS answers." },
          ipv6: { type: "array", items: { type: "string" } },
          state: { enum: ["ok", "outdated", "broken", "unreachable", null], description: "Null: not checked." },
          lag_seconds: { type: ["integer", "null"], minimum: 0 },
          availability_30d: {
            type: ["number", "null"],
            minimum: 0,
            maximum: 100,
            description: "Percent of the last 30 days' checks that found it ok.",
          },
        },
      },
    },
  },
} as const;
