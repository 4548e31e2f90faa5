/**
 * Property-based tests: registry text that names what JavaScript objects inherit
 * (`constructor`, `__proto__`, `toString`, `hasOwnProperty`, `at` …) in any string field or
 * key of a mirror file, in the keys of the config and of the status file. Whatever lookup the
 * core makes with such text must find nothing (or a real entry), never a built-in: validation
 * finishes with placed diagnostics, an accepted mirror holds only data, and the site model and
 * the mirrorlist index find exactly the status entries that were written.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { checkConfigFile } from "../../src/core/config-file.ts";
import type { Diagnostic } from "../../src/core/diagnostics.ts";
import { COUNTRIES } from "../../src/core/geo/country-table.ts";
import { buildGazetteer } from "../../src/core/geo/gazetteer.ts";
import { placeLocation } from "../../src/core/geo/geocode.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import { exportIndex } from "../../src/core/mirrorlist/export-index.ts";
import { prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import { resolveRequest } from "../../src/core/mirrorlist/resolve-request.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import { mirrorTargets } from "../../src/core/status/check-targets.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";
import { continentName, countryName } from "../../src/i18n/format.ts";
import { buildSiteMirrors } from "../../src/site/model.ts";
import { expectRejectionExplained, expectWellFormed, realConfigText, withinBudget } from "../unit/property-support.ts";

/** Every name a plain object, a function, an array or a string inherits, and the prototype keys. */
const BUILTIN_NAMES = [
  ...new Set([
    ...[Object.prototype, Function.prototype, Array.prototype, String.prototype].flatMap((p) =>
      Object.getOwnPropertyNames(p),
    ),
    "__proto__",
    "constructor",
    "prototype",
  ]),
].sort();

const builtinName = fc.constantFrom(...BUILTIN_NAMES);
/** A built-in name as written, or as a lookup might normalise it (case, spaces). */
const builtinText = fc.oneof(
  { weight: 3, arbitrary: builtinName },
  { weight: 1, arbitrary: builtinName.map((n) => n.toUpperCase()) },
  { weight: 1, arbitrary: builtinName.map((n) => n.toLowerCase()) },
  { weight: 1, arbitrary: builtinName.map((n) => ` ${n} `) },
);
/** A plausible value, or a built-in name in its place. */
const orBuiltin = <T>(plausible: T) => fc.oneof(fc.constant<T | string>(plausible), builtinText);

/** A mapping (as a Map, so that `__proto__` stays a key) of the given entries and 0–2 built-in keys. */
function mapping(entries: fc.Arbitrary<[string, unknown]>[]): fc.Arbitrary<Map<string, unknown>> {
  return fc
    .tuple(
      fc.tuple(...entries.map((e) => fc.option(e, { nil: undefined, freq: 5 }))),
      fc.array(fc.tuple(builtinName, fc.oneof(builtinText, fc.jsonValue({ maxDepth: 1 }))), { maxLength: 2 }),
    )
    .map(([known, extra]) => new Map([...known.filter((e) => e !== undefined), ...extra]));
}

const entry = <T>(key: string, value: fc.Arbitrary<T>) => value.map((v): [string, unknown] => [key, v]);

const address = mapping([
  entry("http", orBuiltin("http://mirror.example.org/almalinux/")),
  entry("https", orBuiltin("https://mirror.example.org/almalinux/")),
  entry("rsync", orBuiltin("rsync://mirror.example.org/almalinux/")),
  entry("ftp", orBuiltin("ftp://mirror.example.org/almalinux/")),
]);

/** Mirror files with built-in names in their string fields, lists and keys. */
const mirrorFileText = mapping([
  entry("name", orBuiltin("mirror.example.org")),
  entry("address", address),
  entry(
    "address_optional",
    fc.oneof(
      address.map((a) => new Map([["kitten", a]])),
      address,
    ),
  ),
  entry("update_frequency", orBuiltin("3h")),
  entry("sponsor", orBuiltin("Example Hosting")),
  entry("sponsor_url", orBuiltin("https://example.org")),
  entry("email", orBuiltin("noc@example.org")),
  entry(
    "geolocation",
    mapping([
      entry("country", fc.oneof(orBuiltin("DE"), orBuiltin("US"))),
      entry("state_province", fc.oneof(orBuiltin("Illinois"), orBuiltin("IL"))),
      entry("city", orBuiltin("Springfield")),
    ]),
  ),
  entry("private", orBuiltin(true)),
  entry("monopoly", orBuiltin(false)),
  entry("subnets", fc.oneof(orBuiltin("192.0.2.0/24"), fc.array(orBuiltin("192.0.2.0/24"), { maxLength: 2 }))),
  entry("asn", orBuiltin(64500)),
  entry("cloud_type", orBuiltin("aws")),
  entry("cloud_regions", fc.array(orBuiltin("us-east-1"), { minLength: 1, maxLength: 2 })),
]).map((m) => `---\n${stringify(m, { lineWidth: 0 })}`);

/** A small gazetteer: one place in Illinois and one in Germany. */
const gazetteer = buildGazetteer([
  {
    name: "Springfield",
    altName: "Springfield",
    country: "US",
    adminCode: "IL",
    population: 1000,
    latitude: 39.8,
    longitude: -89.64,
  },
  {
    name: "Frankfurt am Main",
    altName: "Frankfurt",
    country: "DE",
    adminCode: "05",
    population: 1000,
    latitude: 50.11,
    longitude: 8.68,
  },
]);

/** No message quotes a built-in function instead of the text it is about. */
function expectNoBuiltinLeak(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) expect(d.message, d.code).not.toMatch(/\[native code\]|function \w*\(/);
}

const FILE = "mirrors.d/x.yml";

describe("built-in property names in registry text", () => {
  it("are errors or plain values in every field and key of a mirror file", () => {
    fc.assert(
      fc.property(mirrorFileText, (text) => {
        const { mirror, diagnostics } = withinBudget(() => checkMirrorFile(FILE, text));
        expectWellFormed(diagnostics, FILE, text);
        expectRejectionExplained(mirror !== null, diagnostics);
        expectNoBuiltinLeak(diagnostics);
        if (mirror === null) return;
        // Only data: JSON keeps every field (a function or a prototype would be lost).
        expect(JSON.parse(JSON.stringify(mirror))).toEqual(mirror);
        if (mirror.location) {
          expect(Object.hasOwn(COUNTRIES, mirror.location.country), mirror.location.country).toBe(true);
          expect(() => countryName("en", mirror.location?.country ?? "")).not.toThrow();
          expect(() => continentName("en", mirror.location?.continent ?? "EU")).not.toThrow();
        }
        const placement = placeLocation(mirror.location, gazetteer);
        if (placement) expect([placement.latitude, placement.longitude].every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it("are never a country: an unknown-country error, or a real ISO code read from them", () => {
    fc.assert(
      fc.property(builtinText, (country) => {
        const text = `---\nname: m.example.org\naddress:\n  https: https://m.example.org/\nupdate_frequency: 3h\nsponsor: S\nsponsor_url: https://example.org\ngeolocation:\n  country: "${country}"\n`;
        const { mirror, diagnostics } = checkMirrorFile(FILE, text);
        const code = mirror?.location?.country;
        if (code === undefined) expect(diagnostics.map((d) => d.code)).toContain("unknown-country");
        else expect([code, Object.hasOwn(COUNTRIES, code)]).toEqual([country.trim().toUpperCase(), true]);
      }),
      { numRuns: 200 },
    );
  });

  it("are checked, not looked up, as keys and values of the config", () => {
    const spots: fc.Arbitrary<(string | number)[]>[] = [
      fc.constant([]),
      fc.constantFrom(["arches"], ["duplicated_versions"], ["optional_module_versions"]),
    ];
    const edit = fc.tuple(fc.oneof(...spots), builtinName, fc.constantFrom<unknown>(["x86_64"], "9.8", ["10"], "x"));
    const renamedRepo = fc.option(
      builtinName.map((n) => n.toLowerCase()),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), renamedRepo, (edits, repoName) => {
        const doc = parseDocument(realConfigText);
        for (const [at, key, value] of edits) doc.setIn([...at, key], value);
        if (repoName) doc.setIn(["repos", 0, "name"], repoName);
        const text = doc.toString();
        const { config, diagnostics } = withinBudget(() => checkConfigFile("config.yml", text));
        expectWellFormed(diagnostics, "config.yml", text);
        expectRejectionExplained(config !== null, diagnostics);
        expectNoBuiltinLeak(diagnostics);
        if (config === null) return;
        // Accepted: the check targets and the mirrorlist answers still hold only strings.
        const registry = buildRegistry([{ file: FILE, text: SOUND_US }], { file: "config.yml", text });
        const [mirror] = registry.mirrors;
        if (!mirror) throw new Error("the sound mirror was refused");
        const targets = mirrorTargets(mirror, config);
        for (const t of [...(targets?.repodata ?? []), ...(targets?.isos ?? [])]) expect(typeof t.url).toBe("string");
        const prepared = prepareIndex(exportIndex(registry));
        for (const version of [...config.versions, "constructor", "__proto__"]) {
          for (const repo of [repoName ?? "baseos", ...edits.map(([, key]) => key)]) {
            const answer = resolveRequest(prepared, `/mirrorlist/${version}/${repo}`, "?arch=x86_64");
            expect(typeof ("status" in answer ? answer.reason : answer.version)).toBe("string");
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it("as status entry keys, give each mirror exactly the entry written for its name", () => {
    const mirrorName = fc.oneof(
      builtinName.filter((n) => /^[a-z]\w*$/i.test(n)),
      fc.constant("m.example.org"),
    );
    const statusEntry = fc.oneof(
      fc.constantFrom("ok", "broken").map((state) => ({ state, reason: "r", checked_at: "2026-11-28T06:00:00Z" })),
      fc.jsonValue({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(mirrorName, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.oneof(builtinName, mirrorName), statusEntry), { maxLength: 6 }),
        (names, written) => {
          const files = names.map((name, i) => ({
            file: `mirrors.d/m${i}.yml`,
            text: SOUND_US.replaceAll("m.example.org", name),
          }));
          const statusText = `{"checked_at": "2026-11-28T06:00:00Z", "mirrors": {${written
            .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
            .join(", ")}}}`;
          const { status, diagnostics } = withinBudget(() => parseStatusFile("status.json", statusText));
          expectWellFormed(diagnostics, "status.json", statusText);
          const registry = { ...buildRegistry(files, { file: "config.yml", text: realConfigText }), status };
          const lastWritten = new Map(written);
          for (const site of buildSiteMirrors(registry, gazetteer)) {
            const wrote = lastWritten.get(site.mirror.name);
            if (site.status === null) expect(isWrittenEntry(wrote) && status !== null, site.mirror.name).toBe(false);
            else expect(site.status, site.mirror.name).toEqual(wrote);
          }
          const index = exportIndex(registry);
          for (const m of index.mirrors) {
            expect(status === null || (lastWritten.get(m.name) as { state?: unknown })?.state === "ok").toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

/** A sound mirror in the US, named `m.example.org`. */
const SOUND_US = `---
name: m.example.org
address:
  http: http://m.example.org/almalinux/
  https: https://m.example.org/almalinux/
update_frequency: 3h
sponsor: Example Hosting
sponsor_url: https://example.org
geolocation:
  country: US
  state_province: constructor
  city: toString
`;

/** Whether `value` is one of the sound entries this test writes. */
function isWrittenEntry(value: unknown): boolean {
  const entry = value as { state?: unknown; reason?: unknown } | null | undefined;
  return (entry?.state === "ok" || entry?.state === "broken") && entry.reason === "r";
}
