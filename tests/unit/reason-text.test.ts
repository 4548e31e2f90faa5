/**
 * Checker reasons in every language: the English catalogue is the English locale's wording,
 * every code has a wording, and every reason the checker's judges give (each code, each kind of
 * network failure) renders in full in every locale, status file text kept as plain text.
 */
import { describe, expect, it } from "vitest";
import { segmentsToText } from "../../src/core/diagnostic-text.ts";
import type { CheckTarget } from "../../src/core/status/check-targets.ts";
import {
  judgeBase,
  judgeFile,
  judgeMirrorDeadline,
  judgeRepodata,
  judgeTime,
  okVerdict,
} from "../../src/core/status/classify.ts";
import { classifyMirror, noWebUrlStatus, uncheckedStatus } from "../../src/core/status/mirror-status.ts";
import { REASON_CODES, REASON_MESSAGES } from "../../src/core/status/reason-catalogue.ts";
import { knownReasonSegments, type ReasonRef, reasonSegments } from "../../src/core/status/reason-text.ts";
import { failureParams, type NetworkFailure, type RequestOutcome } from "../../src/core/status/request-outcome.ts";
import { ALL_LOCALES, DEFAULT_LOCALE, RESOURCES } from "../../src/i18n/index.ts";

const reasonKeys = (strings: Record<string, string>) =>
  Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith("reason.")));

const URL = "https://mirror.example.org/almalinux/";
const target: CheckTarget = { url: `${URL}9.8/BaseOS/x86_64/os/repodata/repomd.xml`, label: "9.8/BaseOS/x86_64" };
const answer = (status: number, body: string | null = null): RequestOutcome => ({
  kind: "response",
  url: target.url,
  status,
  body,
  ms: 1,
});
const FOLDER = "9.8/isos/x86_64/";
const CHECKSUM = `${URL}${FOLDER}CHECKSUM`;
const failed = (failure: NetworkFailure): RequestOutcome => ({ kind: "failure", url: target.url, failure, ms: 1 });

/** Every kind of network failure, each wording of it. */
const FAILURES: NetworkFailure[] = [
  { type: "dns", code: "ENOTFOUND" },
  { type: "dns-timeout", seconds: 2.5 },
  { type: "address-refused", host: "mirror.example.org", refused: [{ address: "10.0.0.5", range: "private" }] },
  { type: "address-refused", host: "[::1]", refused: [{ address: "::1", range: "loopback" }] },
  { type: "redirect-away", away: { to: "host", host: "cdn.example.net" } },
  { type: "redirect-away", away: { to: "host", host: null } },
  { type: "redirect-away", away: { to: "port", host: "mirror.example.org:8443" } },
  { type: "redirect-away", away: { to: "http" } },
  { type: "refused" },
  { type: "reset", code: "ECONNRESET" },
  { type: "tls", code: "ERR_TLS_CERT_ALTNAME_INVALID" },
  { type: "timeout", seconds: 15 },
  { type: "redirects", limit: 5 },
  { type: "body-too-large", limitBytes: 524_288 },
  { type: "bad-status" },
  { type: "unreachable-network", code: "ENETUNREACH" },
  { type: "other", code: "EUNKNOWN" },
];

const asRef = (s: { reason_code?: string; reason_params?: Record<string, string | number> }): ReasonRef =>
  ({ code: s.reason_code, params: s.reason_params ?? {} }) as ReasonRef;

/** Reasons from the checker's own judges: every code, and every failure in each place it can be. */
function sampleReasons(): ReasonRef[] {
  const verdicts = [
    ...FAILURES.flatMap((f) => [
      judgeBase(failed(f)),
      judgeTime(failed(f), 0, 1, "12h"),
      judgeRepodata(target, failed(f)),
    ]),
    judgeFile(target, failed({ type: "refused" })),
    judgeBase(answer(503)),
    judgeBase(answer(200)),
    judgeTime(answer(404), 0, 1, "12h"),
    judgeTime(answer(500), 0, 1, "12h"),
    judgeTime(answer(200, "<html>"), 0, 1, "12h"),
    judgeTime(answer(200, "1784203201.5"), 1784203201.5 + 3 * 86_400, 43_200, "12h"),
    judgeRepodata(target, answer(404)),
    judgeRepodata(target, answer(500)),
    judgeRepodata(target, answer(200, "<html>")),
    judgeRepodata(target, answer(200, "<repomd>")),
    judgeFile(target, answer(404)),
    judgeFile(target, answer(403)),
    judgeFile(target, answer(200)),
    judgeMirrorDeadline(30, 0, 1, "time"),
    judgeMirrorDeadline(30, 3, 12, "repodata"),
    judgeMirrorDeadline(30, 3, 15, "kitten"),
    judgeMirrorDeadline(30, 40, 91, "isos"),
    okVerdict(3600, "12h", 12),
  ].map((v) => ({ code: v.code, params: v.params }));
  const statuses = [uncheckedStatus("2026-07-16T12:00:00Z", URL), noWebUrlStatus("2026-07-16T12:00:00Z")];
  const observe = (dnsFailure: NetworkFailure | null) =>
    classifyMirror({
      checkedAt: "2026-07-16T12:00:00Z",
      nowSeconds: 0,
      allowedSeconds: 1,
      allowedLabel: "12h",
      mirrorTimeoutSeconds: 60,
      targets: { baseUrl: URL, timeUrl: `${URL}TIME`, repodata: [], kitten: [], isos: [], images: [] },
      reference: null,
      dnsFailure,
      addresses: { ipv4: [], ipv6: [] },
      refusedAddresses: null,
      reach: { ipv4: null, ipv6: null },
      base: null,
      time: null,
      repodata: null,
      kitten: null,
      isos: { total: 2, passed: 2, failure: null, stopped: false, behind: [] },
      images: null,
      timings: { total_ms: 1 },
    });
  const observed = observe({ type: "dns", code: "ENOTFOUND" });
  statuses.push(observed, observe(null));
  const sets = observed.isos ? [observed.isos] : [];
  return [
    ...verdicts,
    ...statuses.map(asRef),
    ...sets.map(asRef),
    // The content judge's codes, with the params it gives them (its history needs a reference).
    { code: "repomd-in-sync", params: { label: target.label } },
    { code: "repomd-behind", params: { label: target.label, lag: 7200 } },
    {
      code: "repomd-stale",
      params: { label: target.label, url: target.url, allowed: 86_400, variant: "revision", revision: "1700000000" },
    },
    { code: "repomd-stale", params: { label: target.label, url: target.url, allowed: 86_400, variant: "no-revision" } },
    // Each image folder's codes, with the params the folder judge gives them (checksum-file.test.ts).
    ...FAILURES.map((f) => ({ code: "folder-failed", params: { url: CHECKSUM, ...failureParams(f) } }) as const),
    { code: "folder-missing", params: { url: CHECKSUM, folder: FOLDER } },
    { code: "folder-status", params: { url: CHECKSUM, status: 503 } },
    { code: "folder-behind", params: { folder: FOLDER, lag: 7200 } },
    ...["empty", "same-sums"].map(
      (variant) => ({ code: "folder-mismatch", params: { url: CHECKSUM, folder: FOLDER, variant } }) as const,
    ),
    ...["other-sum", "unlisted"].map(
      (variant) =>
        ({
          code: "folder-mismatch",
          params: { url: CHECKSUM, folder: FOLDER, variant, file: "AlmaLinux-9.8-x86_64-dvd.iso" },
        }) as const,
    ),
    { code: "folder-absent", params: { url: CHECKSUM } },
    { code: "iso-folders-ok", params: { total: 6 } },
  ];
}

describe("the English reason catalogue", () => {
  it("is the English locale's reason wording, key for key", () => {
    expect(reasonKeys(RESOURCES[DEFAULT_LOCALE])).toEqual(REASON_MESSAGES);
  });

  it("words every code, and words nothing that is not a code or a shared part", () => {
    const codeOf = (key: string) => REASON_CODES.find((c) => key === `reason.${c}` || key.startsWith(`reason.${c}.`));
    expect(REASON_CODES.filter((code) => !Object.keys(REASON_MESSAGES).some((k) => codeOf(k) === code))).toEqual([]);
    expect(Object.keys(REASON_MESSAGES).filter((k) => !k.startsWith("reason.part.") && !codeOf(k))).toEqual([]);
  });

  it("is matched by the samples: each code the checker gives is among them", () => {
    const sampled = new Set(sampleReasons().map((s) => s.code));
    expect(REASON_CODES.filter((c) => !sampled.has(c))).toEqual([]);
  });
});

describe.each(ALL_LOCALES)("%s", (locale) => {
  const strings = reasonKeys(RESOURCES[locale]);

  it("renders every sample reason in full, in its own words", () => {
    for (const ref of sampleReasons()) {
      const text = segmentsToText(reasonSegments(ref.code, ref.params, strings, locale));
      expect(text, `${ref.code} ${JSON.stringify(ref.params)}`).not.toMatch(/\{\{|\$t\(|reason\./);
      expect(text.length).toBeGreaterThan(5);
      if (locale !== DEFAULT_LOCALE) {
        const english = segmentsToText(reasonSegments(ref.code, ref.params));
        expect(text, `${ref.code} is not translated`).not.toBe(english);
      }
    }
  });
});

describe("a reason's segments", () => {
  it("are German on a German page, the URL and the failure's code as code spans", () => {
    const v = judgeBase(failed({ type: "tls", code: "ERR_TLS_CERT_ALTNAME_INVALID" }));
    expect(reasonSegments(v.code, v.params, RESOURCES.de, "de")).toEqual([
      { text: "Die Basis-URL ", code: false },
      { text: target.url, code: true },
      { text: " schlug fehl: TLS-Handshake fehlgeschlagen (", code: false },
      { text: "ERR_TLS_CERT_ALTNAME_INVALID", code: true },
      { text: ")", code: false },
    ]);
  });

  it("say a duration in the reader's units and numbers", () => {
    const v = okVerdict(2 * 86_400 + 5, "12h", 1200);
    expect(segmentsToText(reasonSegments(v.code, v.params, RESOURCES.de, "de"))).toBe(
      "Alle 1.200 Repodata-Dateien antworten; die Synchronisation ist 2 Tage her (erlaubt: `12h`)",
    );
  });

  it("keep status file text as text: backticks, placeholders and nesting in a value are not read", () => {
    const params = { url: "`x` {{status}} $t(reason.base-ok) <b>", status: 404 };
    expect(reasonSegments("base-status", params)).toEqual([
      { text: "The base URL ", code: false },
      { text: "`x` {{status}} $t(reason.base-ok) <b>", code: true },
      { text: " answered 404", code: false },
    ]);
  });

  it("are not given for what this build cannot word whole, so the page shows the stored English", () => {
    const de = reasonKeys(RESOURCES.de);
    const v = judgeBase(failed({ type: "tls", code: "ERR_TLS_CERT_ALTNAME_INVALID" }));
    expect(knownReasonSegments(v.code, v.params, de, "de")).toEqual(reasonSegments(v.code, v.params, de, "de"));
    for (const [code, params] of [
      ["no-such-code", {}],
      ["__proto__", {}],
      ["constructor", {}],
      [v.code, undefined],
      [v.code, { ...v.params, failure: "__proto__" }],
      [v.code, { ...v.params, failure: "made-up" }],
      ["time-age", { variant: "constructor" }],
      ["base-status", {}],
    ] as const) {
      expect(knownReasonSegments(code, params, de, "de"), `${code} ${JSON.stringify(params)}`).toBeNull();
    }
  });
});
