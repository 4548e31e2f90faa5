/**
 * Hostile: the CSV export opened in a real spreadsheet (LibreOffice Calc, headless), read with
 * `,` and with `;` as the separator (the list separator of German, French and other locales),
 * as a user would open the file. Mirror-file text that tries to become a formula (at a field's
 * start, after a `;` or `,` inside it, after a line break, behind a quote) leaves no formula
 * cell. A control file, written without defusing, shows that the reader does evaluate formulas
 * here. `scripts/ensure-libreoffice.ts` (run by `npm run test:integration`) installs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type MirrorExportRow, serializeExportCsv } from "../../src/core/exports/mirror-exports.ts";

/** Text a sponsor could write in the free-text fields the export carries. */
const HOSTILE = [
  "Semi Hosting;=HYPERLINK(F1);",
  "Berlin;=2+5;",
  "=1+1",
  "+3+4",
  "-5+6",
  "@SUM(1;2)",
  "Acme, =7+8",
  'Quote;"=9+1',
  "Line\n=3*3",
  "Tab;\t=4*4",
];

function row(index: number, sponsor: string, city: string): MirrorExportRow {
  return {
    name: `m${index}.example.org`,
    sponsor,
    sponsor_url: "https://example.org/",
    country: "DE",
    city,
    protocols: ["https"],
    urls: { https: `https://m${index}.example.org/almalinux/` },
    ipv4: [],
    ipv6: [],
    state: null,
    lag_seconds: null,
    availability_30d: null,
  };
}

const rows = HOSTILE.map((text, i) => row(i, text, HOSTILE[(i + 1) % HOSTILE.length] ?? ""));
/** The same values as a naive writer puts them: quoted only when they hold `,`, `"` or a line break. */
const naive = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const CONTROL = `name,sponsor,city\r\n${rows.map((r) => [r.name, r.sponsor, r.city ?? ""].map(naive).join(",")).join("\r\n")}\r\n`;

const work = mkdtempSync(join(tmpdir(), "csv-spreadsheet-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts `files` with LibreOffice reading `separator`; returns each one's flat ODS text. */
function openInCalc(separator: "," | ";", files: Record<string, string>): Record<string, string> {
  const dir = join(work, separator === "," ? "comma" : "semicolon");
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(work, `${name}.csv`);
    writeFileSync(path, text);
    return path;
  });
  // CSV import options: separator, text delimiter `"`, UTF-8 (76), from line 1; formulas evaluated as usual.
  const filter = `CSV:${separator.charCodeAt(0)},34,76,1`;
  const run = spawnSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${join(work, "profile")}`,
      `--infilter=${filter}`,
      "--convert-to",
      "fods",
      "--outdir",
      dir,
      ...paths,
    ],
    { encoding: "utf8", timeout: 170_000 },
  );
  expect(run.error, "soffice is missing: run node scripts/ensure-libreoffice.ts").toBeUndefined();
  return Object.fromEntries(
    Object.keys(files).map((name) => {
      const out = join(dir, `${name}.fods`);
      expect(existsSync(out), `${run.stdout}\n${run.stderr}`).toBe(true);
      return [name, readFileSync(out, "utf8")];
    }),
  );
}

const formulaCells = (fods: string) => fods.match(/table:formula="[^"]*"/g) ?? [];

describe("the CSV export in a real spreadsheet", () => {
  const csv = serializeExportCsv({ checked_at: null, mirrors: rows });

  it.each([",", ";"] as const)(
    "has no formula cell when read with %j as the separator",
    (separator) => {
      const { export: opened = "", control = "" } = openInCalc(separator, { export: csv, control: CONTROL });
      expect(formulaCells(control).length, "the control file must show formulas being evaluated").toBeGreaterThan(0);
      expect(formulaCells(opened)).toEqual([]);
      // The text is still there, as text.
      expect(opened).toContain("Semi Hosting");
    },
    180_000,
  );
});
