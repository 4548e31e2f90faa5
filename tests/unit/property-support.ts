/**
 * Shared pieces of the property-based tests (`property-*.test.ts`): arbitraries of hostile
 * input (random text, random YAML documents, mutations of real registry files) and the
 * invariants every result of the core must keep, whatever it was given.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { stringify } from "yaml";
import type { Diagnostic } from "../../src/core/diagnostics.ts";
import type { Mirror } from "../../src/core/types.ts";
import { registryConfigText, registryMirrorFiles } from "./registry-files.ts";

/** Each call of the core on one file (or one small registry) must return within this. */
export const TIME_BUDGET_MS = 200;

/** Every real mirror file, sorted by name, and the real config. */
export const realMirrorTexts: readonly string[] = registryMirrorFiles().map((f) => f.text);
export const realConfigText = registryConfigText();

/** Characters that mean something to YAML or to a browser, and a few that confuse text handling. */
const HOSTILE_CHARS = [
  ..."-:?&*!|>'\"%@`#{}[],\\/<>=;~ \t\n\r",
  "\u0000",
  "\u00a0",
  "\u202e", // right-to-left override
  "\u2028", // line separator
  "\ufeff", // byte order mark
  "\ud83d\ude00", // an emoji (a surrogate pair)
  "\ud800", // a lone surrogate
];

/** Short strings of YAML-significant and odd characters. */
export const hostileString = fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength: 40 });

/** Any text at all: arbitrary code units, printable text, or YAML-significant characters. */
export const randomText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ maxLength: 400 }),
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 4 })), { maxLength: 150 })
    .map((parts) => parts.join("")),
);

/** A random value dumped as YAML by the `yaml` package (any shape, not only mappings). */
export const randomYamlDocument = fc
  .oneof(fc.jsonValue(), fc.anything({ maxDepth: 4 }))
  .map((value) => stringify(value ?? null, { lineWidth: 0 }));

/** A value of any JSON type, or a plausible one, for a field of a shaped document. */
const fieldValue = (...plausible: unknown[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: hostileString },
  );

/** Mirror-shaped documents: the real keys, each absent, plausible, or of a random type. */
export const mirrorShapedDocument = fc
  .record(
    {
      name: fieldValue("mirror.example.org", "https://mirror.example.org/", "a..b", "-x.org"),
      address: fc.oneof(
        fc.record(
          {
            http: fieldValue("http://mirror.example.org/almalinux/", "javascript:alert(1)", "mirror.example.org::alma"),
            https: fieldValue("https://mirror.example.org/almalinux/", "data:text/html,<b>", "https://u:p@h.org/"),
            rsync: fieldValue("rsync://mirror.example.org/almalinux/", "rsync://h.org::alma", "h.org::alma"),
            ftp: fieldValue("ftp://mirror.example.org/almalinux/", "file:///etc/passwd", "http://h.org/"),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      address_optional: fieldValue({ kitten: { https: "https://mirror.example.org/kitten/" } }, { kitten: null }),
      update_frequency: fieldValue("3h", "", 4),
      sponsor: fieldValue("Example Hosting", "<script>alert(1)</script>"),
      sponsor_url: fieldValue("https://example.org", "example.org", "javascript:alert(1)", "//example.org"),
      email: fieldValue("noc@example.org"),
      geolocation: fc.oneof(
        fc.record(
          {
            country: fieldValue("DE", "UK", "Germany", "ZZ", "de"),
            state_province: fieldValue("Hesse", null),
            city: fieldValue("Frankfurt", null),
            latitude: fieldValue(50.11, 91, "50"),
            longitude: fieldValue(8.68, -181),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      asn: fieldValue(64500, [64500, 64501], 0, "AS64500", 4_294_967_296),
      subnets: fieldValue(
        ["192.0.2.0/24"],
        "192.0.2.0/24",
        ["::1/200"],
        "https://example.org/nets.txt",
        "https://",
        "https://h.org/n?<script>",
        ["x"],
      ),
      private: fieldValue(true, false, "no"),
      monopoly: fieldValue(true, false),
      cloud_type: fieldValue("aws", "azure", "ibm"),
      cloud_regions: fieldValue(["us-east-1"], [], "all"),
    },
    { requiredKeys: [] },
  )
  .map((value) => `---\n${stringify(value, { lineWidth: 0 })}`);

/** One edit of a file's text, kept as data so that a failing case prints readably. */
export type Mutation =
  | { kind: "delete-line" | "duplicate-line" | "truncate-line"; at: number }
  | { kind: "swap-lines"; at: number; other: number }
  | { kind: "indent"; at: number; by: string }
  | { kind: "insert"; at: number; text: string }
  | { kind: "truncate"; at: number }
  | { kind: "anchor-alias"; at: number; other: number; anchor: string }
  | { kind: "alias-bomb" }
  | { kind: "replace-value"; at: number; value: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete-line", "duplicate-line", "truncate-line"), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines"), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("indent"), at: fc.nat(), by: fc.constantFrom(" ", "  ", "    ", "\t", "-") }),
  fc.record({ kind: fc.constant("insert"), at: fc.nat(), text: fc.oneof(hostileString, fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant("truncate"), at: fc.nat() }),
  fc.record({
    kind: fc.constant("anchor-alias"),
    at: fc.nat(),
    other: fc.nat(),
    anchor: fc.constantFrom("a", "b", "x y", ""),
  }),
  fc.constant({ kind: "alias-bomb" } as const),
  fc.record({
    kind: fc.constant("replace-value"),
    at: fc.nat(),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "null"),
      hostileString,
      fc.constantFrom("", "~", "null", "yes", "&a", "*a", "!!binary aGk=", "|", ">-", "[", "{"),
    ),
  }),
);

const ALIAS_BOMB = [
  "bomb0: &b0 [x, x, x, x, x, x, x, x, x]",
  "bomb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]",
  "bomb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]",
  "bomb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]",
  "bomb4: [*b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3]",
];

/** Applies one mutation; positions wrap around the text's lines or characters. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const i = "at" in m ? m.at % lines.length : 0;
  const line = lines[i] ?? "";
  switch (m.kind) {
    case "delete-line":
      lines.splice(i, 1);
      break;
    case "duplicate-line":
      lines.splice(i, 0, line);
      break;
    case "truncate-line":
      lines[i] = line.slice(0, Math.floor(line.length / 2));
      break;
    case "swap-lines": {
      const j = m.other % lines.length;
      lines[i] = lines[j] ?? "";
      lines[j] = line;
      break;
    }
    case "indent":
      lines[i] = `${m.by}${line}`;
      break;
    case "insert": {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}${m.text}${text.slice(at)}`;
    }
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "anchor-alias": {
      // Anchor one line's value and point another line's value at it (or at a missing anchor).
      const j = m.other % lines.length;
      lines[i] = line.replace(/:\s*/, `: &${m.anchor} `);
      lines[j] = (lines[j] ?? "").replace(/:\s.*$/, `: *${m.anchor}`);
      break;
    }
    case "alias-bomb":
      lines.push(...ALIAS_BOMB);
      break;
    case "replace-value":
      lines[i] = line.replace(/:(\s.*)?$/, `: ${m.value}`);
      break;
  }
  return lines.join("\n");
}

/** A real file under one to five mutations. */
export const mutatedText = (texts: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 5 }))
    .map(([text, mutations]) => mutations.reduce(mutate, text));

/**
 * Runs `call` and fails when it takes longer than the budget. A slow call is timed again, up to
 * three times, and only the fastest counts: on two shared cores a garbage collection or another
 * process can stall any one call, while an input that really hangs the core is slow every time.
 */
export function withinBudget<T>(call: () => T, budgetMs = TIME_BUDGET_MS): T {
  let started = performance.now();
  const result = call();
  let fastest = performance.now() - started;
  for (let retry = 0; retry < 3 && fastest >= budgetMs; retry++) {
    started = performance.now();
    call();
    fastest = Math.min(fastest, performance.now() - started);
  }
  expect(fastest, `took ${fastest.toFixed(1)} ms`).toBeLessThan(budgetMs);
  return result;
}

/**
 * Invariants of every diagnostic about `text` (read from `file`): placed inside the file
 * (1-based line and column, the column at most one past the line's end), a kebab-case code,
 * a message that is one or two sentences for a person, not an exception's stack.
 */
export function expectWellFormed(diagnostics: readonly Diagnostic[], file: string, text: string): void {
  const lines = text.split("\n");
  for (const d of diagnostics) {
    const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
    expect(d.file, where).toBe(file);
    expect(["error", "warning"], where).toContain(d.severity);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `${where}: line in file`).toBe(true);
    const lineLength = lines[d.line - 1]?.length ?? 0;
    expect(Number.isInteger(d.column) && d.column >= 1, `${where}: column ≥ 1`).toBe(true);
    expect(d.column <= lineLength + 1, `${where}: column inside line ${d.line}`).toBe(true);
    expect(d.code, where).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(d.message.trim(), where).not.toBe("");
    expect(d.message, `${where}: no stack trace`).not.toMatch(
      /\n\s+at |\bat (?:\S+ )?\(?(?:file|node):|\.[cm]?[jt]s:\d+:\d+/,
    );
  }
}

/** A rejected file says why: at least one error. */
export function expectRejectionExplained(accepted: boolean, diagnostics: readonly Diagnostic[]): void {
  if (!accepted) expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
}

/** Address-like words on the text's `email` lines (the contact e-mail wherever a mutation put it). */
function emailsOf(text: string): string[] {
  return text
    .split(/[\n\r]/)
    .filter((line) => /email/i.test(line))
    .flatMap((line) => line.match(/[^\s"'&*:,{}[\]]+@[^\s"',{}[\]]+/g) ?? []);
}

/**
 * A valid mirror is safe to publish: no contact e-mail anywhere in it, and only web schemes
 * in its URLs (http, https, rsync, ftp for mirror URLs; http or https for the sponsor).
 */
export function expectPublishable(mirror: Mirror, text: string): void {
  const published = JSON.stringify(mirror);
  for (const email of emailsOf(text)) expect(published).not.toContain(email);
  const urls = [...Object.values(mirror.urls), ...Object.values(mirror.kittenUrls ?? {})];
  for (const url of urls) expect(new URL(url).protocol).toMatch(/^(https?|rsync|ftp):$/);
  expect(new URL(mirror.sponsorUrl).protocol).toMatch(/^https?:$/);
  if (mirror.subnetsUrl !== null) expect(new URL(mirror.subnetsUrl).protocol).toMatch(/^https?:$/);
}
