import { describe, expect, it } from "vitest";
import { type FolderVerdict, folderVerdict } from "../../src/core/images/folder-state.ts";
import type { CheckTarget, MirrorTargets } from "../../src/core/status/check-targets.ts";
import { judgeBase, judgeRepodata, judgeTime, parseTimeFile } from "../../src/core/status/classify.ts";
import { classifyMirror, type MirrorObservations, uncheckedStatus } from "../../src/core/status/mirror-status.ts";
import { englishReason } from "../../src/core/status/reason-text.ts";
import {
  answerOutcome,
  failureFromErrorCode,
  HTTP_STATUS_RANGE,
  type RequestOutcome,
} from "../../src/core/status/request-outcome.ts";
import { mirrorStatusSchema } from "../../src/core/status/status-schema.ts";

const NOW = 1_784_203_200; // 2026-07-16T12:00:00Z
const BASE = "https://mirror.example.org/almalinux/";
const target: CheckTarget = {
  url: `${BASE}9.8/AppStream/aarch64/os/repodata/repomd.xml`,
  label: "9.8/AppStream/aarch64",
};
const answer = (url: string, status: number, body: string | null = null): RequestOutcome => ({
  kind: "response",
  url,
  status,
  body,
  ms: 3,
});
const failed = (url: string, code: string): RequestOutcome => ({
  kind: "failure",
  url,
  failure: failureFromErrorCode(code),
  ms: 3,
});

describe("single steps", () => {
  it("reads TIME files as upstream writes them, and nothing else", () => {
    expect(parseTimeFile("1784203201\n")).toBe(1_784_203_201);
    expect(parseTimeFile(" 1784203201.52 ")).toBe(1_784_203_201.52);
    expect(parseTimeFile("<html>")).toBeNull();
    expect(parseTimeFile("")).toBeNull();
    expect(parseTimeFile("12")).toBeNull();
  });

  it("says how old TIME is, against allowed_outdate", () => {
    const stale = judgeTime(answer(`${BASE}TIME`, 200, `${NOW - 3 * 86_400 - 60}\n`), NOW, 43_200, "12h");
    expect(stale).toMatchObject({ state: "outdated", reason: "TIME is 3 days old (allowed: 12h)" });
    const fresh = judgeTime(answer(`${BASE}TIME`, 200, `${NOW - 7300}`), NOW, 43_200, "12h");
    expect(fresh).toMatchObject({ state: "ok", ageSeconds: 7300 });
    expect(judgeTime(answer(`${BASE}TIME`, 200, `${NOW + 50}`), NOW, 43_200, "12h").state).toBe("ok");
    expect(judgeTime(answer(`${BASE}TIME`, 404), NOW, 43_200, "12h")).toMatchObject({
      state: "broken",
      reason: `TIME missing: ${BASE}TIME answered 404`,
      http_status: 404,
    });
    // Not a byte of what it holds is quoted.
    expect(judgeTime(answer(`${BASE}TIME`, 200, "<!doctype html>"), NOW, 43_200, "12h").reason).toBe(
      `TIME holds no epoch time: ${BASE}TIME`,
    );
  });

  it("names the first missing repodata file with its URL and status", () => {
    expect(judgeRepodata(target, answer(target.url, 404)).reason).toBe(
      `repodata/repomd.xml missing for 9.8/AppStream/aarch64: ${target.url} answered 404`,
    );
    expect(judgeRepodata(target, answer(target.url, 500)).reason).toBe(
      `repodata/repomd.xml failed for 9.8/AppStream/aarch64: ${target.url} answered 500`,
    );
    expect(judgeRepodata(target, answer(target.url, 200, "<html>captive portal</html>")).state).toBe("broken");
    expect(judgeRepodata(target, answer(target.url, 200, '<?xml version="1.0"?><repomd>')).state).toBe("ok");
    expect(judgeRepodata(target, failed(target.url, "ECONNRESET")).reason).toMatch(/connection closed/);
    expect(judgeRepodata(target, answer(target.url, 404))).toMatchObject({
      code: "repodata-missing",
      params: { label: target.label, url: target.url, status: 404 },
    });
  });

  it("tells network failures apart", () => {
    const reason = (code: string) => judgeBase(failed(BASE, code));
    expect(reason("ECONNREFUSED")).toMatchObject({
      state: "unreachable",
      reason: `The base URL ${BASE} failed: connection refused`,
      code: "base-failed",
      params: { url: BASE, failure: "refused" },
    });
    expect(reason("ERR_TLS_CERT_ALTNAME_INVALID").reason).toBe(
      `The base URL ${BASE} failed: TLS handshake failed (ERR_TLS_CERT_ALTNAME_INVALID)`,
    );
    expect(reason("CERT_HAS_EXPIRED").reason).toMatch(/: TLS handshake failed/);
    expect(reason("ENOTFOUND").reason).toMatch(/: DNS lookup failed \(ENOTFOUND\)$/);
    expect(reason("EHOSTUNREACH").reason).toMatch(/: network unreachable \(EHOSTUNREACH\)$/);
    expect(
      judgeBase({ kind: "failure", url: BASE, failure: { type: "timeout", seconds: 15 }, ms: 15_000 }).reason,
    ).toBe(`The base URL ${BASE} failed: timed out after 15 s`);
    expect(judgeBase({ kind: "failure", url: BASE, failure: { type: "redirects", limit: 5 }, ms: 1 })).toMatchObject({
      state: "broken",
      reason: `The base URL ${BASE} failed: more than 5 redirects`,
    });
    expect(judgeBase(answer(BASE, 403))).toMatchObject({ state: "broken", http_status: 403 });
  });

  it("writes ages in their largest whole unit", () => {
    const age = (seconds: number) => englishReason("time-age", { age: seconds, allowed: "12h" });
    expect(age(59)).toBe("TIME is 59 seconds old (allowed: 12h)");
    expect(age(60)).toBe("TIME is 1 minute old (allowed: 12h)");
    expect(age(7300)).toBe("TIME is 2 hours old (allowed: 12h)");
    expect(age(86_400 * 3 + 5)).toBe("TIME is 3 days old (allowed: 12h)");
    expect(age(-5)).toBe("TIME is 0 seconds old (allowed: 12h)");
  });

  it("words every reason from the catalogue: the English is the code and params rendered", () => {
    for (const v of [
      judgeBase(failed(BASE, "ECONNRESET")),
      judgeTime(answer(`${BASE}TIME`, 500), NOW, 43_200, "12h"),
      judgeRepodata(target, answer(target.url, 200, "<html>")),
    ]) {
      expect(v.reason).toBe(englishReason(v.code, v.params));
    }
  });
});

describe("a whole mirror", () => {
  const targets: MirrorTargets = {
    baseUrl: BASE,
    timeUrl: `${BASE}TIME`,
    repodata: [target, { url: `${BASE}9.8/BaseOS/x86_64/os/repodata/repomd.xml`, label: "9.8/BaseOS/x86_64" }],
    kitten: [],
    isos: [],
    images: [],
  };
  const healthy: MirrorObservations = {
    checkedAt: "2026-07-16T12:00:00.000Z",
    nowSeconds: NOW,
    allowedSeconds: 43_200,
    allowedLabel: "12h",
    mirrorTimeoutSeconds: 60,
    targets,
    reference: null,
    dnsFailure: null,
    refusedAddresses: null,
    addresses: { ipv4: ["192.0.2.1"], ipv6: ["2001:db8::1"] },
    reach: { ipv4: true, ipv6: false },
    base: answer(BASE, 200),
    time: answer(`${BASE}TIME`, 200, `${NOW - 3600}`),
    repodata: { total: 2, passed: 2, failure: null, stopped: false, behind: [] },
    kitten: null,
    isos: { total: 91, passed: 91, failure: null, stopped: false, behind: [] },
    images: null,
    timings: { total_ms: 120, dns_ms: 2, base_ms: 20 },
  };

  it("is ok with every file and a fresh TIME, and says so", () => {
    expect(classifyMirror(healthy)).toEqual({
      state: "ok",
      reason: "All 2 repodata files answer; synced 1 hour ago (allowed: 12h)",
      reason_code: "all-ok",
      reason_params: { count: 2, age: 3600, allowed: "12h" },
      checked_at: "2026-07-16T12:00:00.000Z",
      checked: true,
      base_url: BASE,
      ipv4: true,
      ipv6: false,
      addresses: healthy.addresses,
      synced_at: "2026-07-16T11:00:00.000Z",
      repodata: { checked: 2, total: 2 },
      isos: {
        complete: true,
        reason: "All 91 ISO files answer",
        reason_code: "set-ok",
        reason_params: { variant: "isos", total: 91 },
      },
      timings: healthy.timings,
    });
  });

  it("is broken rather than outdated when both hold (the worse state wins)", () => {
    const status = classifyMirror({
      ...healthy,
      time: answer(`${BASE}TIME`, 200, `${NOW - 2 * 86_400}`),
      repodata: {
        total: 2,
        passed: 0,
        failure: { target, outcome: answer(target.url, 404) },
        stopped: false,
        behind: [],
      },
    });
    expect(status).toMatchObject({ state: "broken", url: target.url, http_status: 404 });
    expect(status.reason).toMatch(/^repodata\/repomd\.xml missing for 9\.8\/AppStream\/aarch64/);
  });

  it("is outdated when only TIME is old", () => {
    const status = classifyMirror({ ...healthy, time: answer(`${BASE}TIME`, 200, `${NOW - 2 * 86_400}`) });
    expect(status).toMatchObject({ state: "outdated", reason: "TIME is 2 days old (allowed: 12h)" });
  });

  it("is unreachable when DNS has no address, or the mirror's time runs out before an answer", () => {
    expect(
      classifyMirror({ ...healthy, dnsFailure: { type: "dns", code: "ENOTFOUND" }, base: null, time: null }).reason,
    ).toBe("mirror.example.org cannot be reached: DNS lookup failed (ENOTFOUND)");
    expect(classifyMirror({ ...healthy, base: null, time: null, repodata: null })).toMatchObject({
      state: "unreachable",
      reason: `No answer within 60 s: ${BASE}`,
    });
  });

  it("says how far the check got when the mirror's time ran out", () => {
    const status = classifyMirror({
      ...healthy,
      repodata: { total: 136, passed: 40, failure: null, stopped: true, behind: [] },
    });
    expect(status).toMatchObject({
      state: "broken",
      reason: "The check stopped after 60 s with 40 of 136 repodata files checked: the mirror answers too slowly",
    });
  });

  it("reports Kitten beside the main state without changing it", () => {
    const kittenTarget = {
      url: `${BASE}10-kitten/BaseOS/x86_64/os/repodata/repomd.xml`,
      label: "10-kitten/BaseOS/x86_64",
    };
    const status = classifyMirror({
      ...healthy,
      kitten: {
        total: 15,
        passed: 3,
        failure: { target: kittenTarget, outcome: answer(kittenTarget.url, 404) },
        stopped: false,
        behind: [],
      },
    });
    expect(status.state).toBe("ok");
    expect(status.kitten).toEqual({
      state: "broken",
      reason: `repodata/repomd.xml missing for 10-kitten/BaseOS/x86_64: ${kittenTarget.url} answered 404`,
      reason_code: "repodata-missing",
      reason_params: { label: "10-kitten/BaseOS/x86_64", url: kittenTarget.url, status: 404 },
    });
  });

  it("sums up the ISO folders as the ISO set: complete with a code, or the first gap's reason", () => {
    const verified = { state: "verified" } as const;
    const missing = folderVerdict("missing", "folder-missing", {
      url: `${BASE}9.8/isos/aarch64/CHECKSUM`,
      folder: "9.8/isos/aarch64/",
    });
    const sum = (images: Record<string, FolderVerdict>) => classifyMirror({ ...healthy, isos: null, images }).isos;
    expect(sum({ "isos/x86_64/9.8": verified, "cloud/x86_64/9.8": missing })).toEqual({
      complete: true,
      reason: "All 1 ISO folders match the origin's CHECKSUM",
      reason_code: "iso-folders-ok",
      reason_params: { total: 1 },
    });
    expect(sum({ "isos/x86_64/9.8": verified, "isos/aarch64/9.8": missing })).toEqual({
      complete: false,
      reason: `No CHECKSUM at ${BASE}9.8/isos/aarch64/CHECKSUM: this mirror does not carry 9.8/isos/aarch64/`,
      reason_code: "folder-missing",
      reason_params: { url: `${BASE}9.8/isos/aarch64/CHECKSUM`, folder: "9.8/isos/aarch64/" },
    });
  });

  it("leaves private mirrors unchecked and says why", () => {
    expect(uncheckedStatus("2026-07-16T12:00:00.000Z", BASE)).toMatchObject({ state: "ok", checked: false });
  });
});

describe("an answer whose status no HTTP has", () => {
  it("is a failure worded as such, within the schema's range exactly", () => {
    expect(mirrorStatusSchema.properties.http_status).toMatchObject(HTTP_STATUS_RANGE);
    for (const status of [99, 600, 999, 0, 200.5]) {
      const outcome = answerOutcome(BASE, status, null, 1);
      expect(outcome).toMatchObject({ kind: "failure", failure: { type: "bad-status" } });
      const verdict = judgeBase(outcome);
      expect(verdict).toMatchObject({
        state: "broken",
        reason: `The base URL ${BASE} failed: answered with an invalid status line`,
      });
      expect(verdict.http_status).toBeUndefined();
    }
    expect(answerOutcome(BASE, 599, new TextEncoder().encode("\uFEFFx"), 1)).toMatchObject({
      status: 599,
      body: "\uFEFFx",
    });
  });
});
