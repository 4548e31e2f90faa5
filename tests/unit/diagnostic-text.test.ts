/**
 * Diagnostics in every language: the English catalogue is the English locale's wording, every
 * code has a wording, every locale's templates resolve, and a message renders as text and code
 * spans with registry text kept as plain text.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGLISH_LOCALE_FILE, englishLocaleText } from "../../scripts/generate-english.ts";
import { checkConfigFile } from "../../src/core/config-file.ts";
import { DIAGNOSTIC_CODES, DIAGNOSTIC_MESSAGES } from "../../src/core/diagnostic-catalogue.ts";
import { englishMessage, messageSegments, segmentsToText } from "../../src/core/diagnostic-text.ts";
import type { Diagnostic } from "../../src/core/diagnostics.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";
import { ALL_LOCALES, DEFAULT_LOCALE, RESOURCES } from "../../src/i18n/index.ts";
import { SOUND } from "./helpers.ts";

const diagnosticKeys = (strings: Record<string, string>) =>
  Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith("diagnostic.")));

/** Diagnostics of many codes, variants and params, from broken files of each kind. */
function sampleDiagnostics(): Diagnostic[] {
  const mirror = (text: string) => checkMirrorFile("x.yml", text).diagnostics;
  const config = readFileSync("config.yml", "utf8");
  return [
    ...mirror(SOUND.replace(/^sponsor: .*\n/m, "").replace("country: DE", "country: UK")),
    ...mirror(`${SOUND}private: maybe\nsubnets: [10.0.0.0/99, 0.0.0.0/0, 147.32.0.0/12, 192.168.0.0/16]\nasn: 0\n`),
    ...mirror(
      SOUND.replace("https: https://mirror", "https: ftp://mirror").replace(
        "sponsor_url: https",
        "sponsor_url: javascript",
      ),
    ),
    ...mirror(`${SOUND}address_options: {}\nzzz: 1\ncloud_type: aws\n`),
    ...mirror(SOUND.replace("https://mirror.example.org/", "https://169.254.169.254/")),
    ...mirror("name: a\naddress: [x\n"),
    ...checkConfigFile("config.yml", config.replace(/^versions:\n/m, "version_list: []\nversions:\n  - '9.x'\n"))
      .diagnostics,
    ...parseStatusFile("s.json", '{"checked_at": "2026-01-01T00:00:00Z", "mirrors": {"m": {}}}').diagnostics,
  ];
}

describe("the English catalogue", () => {
  it("is the English locale's diagnostic and reason wording, key for key, in order (`npm run generate` writes it)", () => {
    expect(diagnosticKeys(RESOURCES[DEFAULT_LOCALE])).toEqual(DIAGNOSTIC_MESSAGES);
    const committed = readFileSync(ENGLISH_LOCALE_FILE, "utf8");
    expect(englishLocaleText(committed) === committed, "en.json is stale: run `npm run generate`").toBe(true);
  });

  it("words every code, and words nothing that is not a code or a shared part", () => {
    const codeOf = (key: string) =>
      DIAGNOSTIC_CODES.find((c) => key === `diagnostic.${c}` || key.startsWith(`diagnostic.${c}.`));
    expect(
      DIAGNOSTIC_CODES.filter((code) => !Object.keys(DIAGNOSTIC_MESSAGES).some((k) => codeOf(k) === code)),
    ).toEqual([]);
    expect(Object.keys(DIAGNOSTIC_MESSAGES).filter((k) => !k.startsWith("diagnostic.part.") && !codeOf(k))).toEqual([]);
  });
});

describe.each(ALL_LOCALES)("%s", (locale) => {
  const strings = diagnosticKeys(RESOURCES[locale]);

  it("nests only parts it has", () => {
    for (const [key, template] of Object.entries(strings)) {
      for (const [, nested = ""] of template.matchAll(/\$t\(([^()]*)\)/g)) {
        const prefix = nested.split("{{")[0] ?? "";
        const found = nested.includes("{{")
          ? Object.keys(strings).some((k) => k.startsWith(prefix))
          : nested in strings;
        expect(found, `${key}: ${nested}`).toBe(true);
      }
    }
  });

  it("renders every sample diagnostic in full, in its own words", () => {
    for (const d of sampleDiagnostics()) {
      const text = segmentsToText(messageSegments(d.code, d.params, strings, locale));
      expect(text, d.code).not.toMatch(/\{\{|\$t\(|diagnostic\./);
      if (locale === DEFAULT_LOCALE) expect(text).toBe(d.message);
    }
  });
});

describe("a diagnostic's segments", () => {
  it("are German on a German page, with the key as a code span", () => {
    const [d] = checkMirrorFile("x.yml", SOUND.replace(/^sponsor: .*\n/m, "")).diagnostics;
    expect(d?.code).toBe("missing-key");
    expect(d?.path).toEqual(["sponsor"]);
    expect(messageSegments(d?.code ?? "missing-key", d?.params ?? {}, RESOURCES.de, "de")).toEqual([
      { text: "Die Datei hat keinen Schlüssel ", code: false },
      { text: "sponsor", code: true },
      { text: ". Ergänzen Sie ", code: false },
      { text: "sponsor:", code: true },
      { text: " mit dem Namen der Organisation, die den Spiegelserver betreibt.", code: false },
    ]);
  });

  it("name a country in the reader's language", () => {
    const de = messageSegments("country-alias", { value: "UK", country: "GB" }, RESOURCES.de, "de");
    expect(segmentsToText(de)).toBe(
      "`UK` wird als `GB` (Vereinigtes Königreich) gelesen. Schreiben Sie stattdessen den ISO-3166-1-alpha-2-Code `GB`.",
    );
  });

  it("keep registry text as text: backticks, placeholders and nesting in a value are not read", () => {
    const hostile = "`x` {{path}} $t(diagnostic.part.none) <b>";
    const segments = messageSegments("unknown-country", { value: hostile }, RESOURCES.de, "de");
    expect(segments[0]).toEqual({ text: hostile, code: true });
    expect(englishMessage("unknown-country", { value: hostile })).toContain(`\`${hostile}\``);
  });

  it("say where a YAML syntax error is, in words", () => {
    const [d] = checkMirrorFile("x.yml", "name: a\naddress: [x\n").diagnostics;
    expect(d?.message).toMatch(/Fix the YAML syntax at line 3, column 1\.$/);
    expect(segmentsToText(messageSegments(d?.code ?? "missing-key", d?.params ?? {}, RESOURCES.de, "de"))).toMatch(
      /in Zeile 3, Spalte 1\.$/,
    );
  });
});
