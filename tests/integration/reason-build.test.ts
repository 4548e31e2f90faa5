import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeRepodata, judgeTime, type Verdict } from "../../src/core/status/classify.ts";
import type { MirrorStatus, StatusFile } from "../../src/core/types.ts";
import { mirrorNamed } from "../unit/helpers.ts";
import { buildScratchSite, type ScratchSite } from "./site-build.ts";

const CHECKED = "2026-11-28T06:00:00Z";
const NOW = Date.parse(CHECKED) / 1000;
/** Outdated, with codes; broken, as an older checker wrote it (no codes). */
const CODED = "coded.example.org";
const OLD = "old.example.org";
const TIME_URL = `https://${CODED}/almalinux/TIME`;
const KITTEN_URL = `https://${CODED}/almalinux/10-kitten/BaseOS/x86_64/os/repodata/repomd.xml`;

const coded = (v: Verdict) => ({ reason: v.reason, reason_code: v.code, reason_params: v.params });
const time = judgeTime(
  { kind: "response", url: TIME_URL, status: 200, body: String(NOW - 3 * 86_400), ms: 5 },
  NOW,
  43_200,
  "12h",
);
const kitten = judgeRepodata(
  { url: KITTEN_URL, label: "10-kitten/BaseOS/x86_64" },
  { kind: "response", url: KITTEN_URL, status: 404, body: null, ms: 5 },
);

const status: StatusFile = {
  checked_at: CHECKED,
  mirrors: {
    [CODED]: {
      state: time.state,
      ...coded(time),
      checked_at: CHECKED,
      kitten: { state: kitten.state, ...coded(kitten) },
      history: {
        changes: [{ at: "2026-11-28T05:30:00Z", from: "ok", to: "outdated", ...coded(time) }],
        days: [{ day: "2026-11-28", checks: 2, ok: 1 }],
      },
    } satisfies MirrorStatus,
    [OLD]: {
      state: "broken",
      reason: "repodata/repomd.xml missing for 9.8/BaseOS/x86_64: answered 404",
      checked_at: CHECKED,
    },
  },
};
let site: ScratchSite;
let build: ScratchSite["build"];

beforeAll(() => {
  site = buildScratchSite(
    "reason-build",
    { [CODED]: mirrorNamed(CODED, { http: false }), [OLD]: mirrorNamed(OLD, { http: false }) },
    status,
    "en,de,ar",
  );
  build = site.build;
}, 250_000);

afterAll(() => site?.remove());

const page = (path: string) => site.page(path);

describe("a mirror page given reasons with codes", () => {
  it("words the reason in German, with TIME and the allowance as code spans", () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(time.code).toBe("time-age");
    const de = page(`de/mirrors/${CODED}/index.html`);
    expect(de).toContain('<code dir="ltr">TIME</code> ist 3 Tage alt (erlaubt: <code dir="ltr">12h</code>)');
    expect(de).not.toContain(time.reason);
  });

  it("words the Kitten report and the state change in German too, the URL left to right", () => {
    const de = page(`de/mirrors/${CODED}/index.html`);
    expect(de).toContain(
      `<code dir="ltr">repodata/repomd.xml</code> fehlt für <code dir="ltr">10-kitten/BaseOS/x86_64</code>: <code dir="ltr">${KITTEN_URL}</code> antwortete mit 404`,
    );
    expect(de.split('<code dir="ltr">TIME</code> ist 3 Tage alt').length - 1).toBe(2);
  });

  it("words it in Arabic on the Arabic page, and in English on the English one", () => {
    expect(page(`ar/mirrors/${CODED}/index.html`)).toContain('عمر <code dir="ltr">TIME</code>');
    expect(page(`mirrors/${CODED}/index.html`)).toContain(
      '<code dir="ltr">TIME</code> is 3 days old (allowed: <code dir="ltr">12h</code>)',
    );
  });
});

describe("a mirror page given a status file written before reasons had codes", () => {
  it("shows the stored English reason, in every language", () => {
    for (const prefix of ["", "de/", "ar/"]) {
      expect(page(`${prefix}mirrors/${OLD}/index.html`)).toContain(
        "repodata/repomd.xml missing for 9.8/BaseOS/x86_64: answered 404",
      );
    }
  });
});
