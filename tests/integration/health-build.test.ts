/**
 * One scratch site, built from the checker's small config, a few mirror files and a status
 * report (English, German, Arabic), read by every test of what a build makes of the checker's
 * findings: health columns, availability, ISO checks, and reasons worded in each language from
 * their codes (or the stored English of an older checker).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeRepodata, judgeTime, type Verdict } from "../../src/core/status/classify.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";
import type { MirrorStatus, StatusFile } from "../../src/core/types.ts";
import { mirrorNamed } from "../unit/helpers.ts";
import { buildScratchSite, type ScratchSite } from "./site-build.ts";

const CHECKED = "2026-11-28T06:00:00Z";
/** Always ok, the ISO folder found; ok half the time, ISOs not checked; ok, no history, the folder missing. */
const STEADY = "steady.example.org";
const FLAKY = "flaky.example.org";
const FRESH = "fresh.example.org";
/** Outdated, with codes; broken, as an older checker wrote it (no codes). */
const CODED = "coded.example.org";
const OLD = "old.example.org";
const NOW = Date.parse(CHECKED) / 1000;
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
    [STEADY]: {
      state: "ok",
      reason: "Serves fresh, complete trees.",
      checked_at: CHECKED,
      ipv6: true,
      isos: { complete: true, reason: "All 28 ISO files answer" },
      images: { "isos/aarch64/9.8": { state: "present" } },
      history: { changes: [], days: [{ day: "2026-11-28", checks: 13, ok: 13 }] },
    },
    [FLAKY]: {
      state: "broken",
      reason: "repodata/repomd.xml missing for 9.8/BaseOS/x86_64",
      checked_at: CHECKED,
      ipv6: false,
      history: {
        changes: [{ at: "2026-11-28T05:30:00Z", from: "ok", to: "broken", reason: "repodata missing" }],
        days: [
          { day: "2026-11-27", checks: 48, ok: 24 },
          { day: "2026-11-28", checks: 12, ok: 6 },
        ],
      },
    },
    [FRESH]: {
      state: "ok",
      reason: "Serves fresh, complete trees.",
      checked_at: CHECKED,
      isos: { complete: false, reason: "10.2/isos/aarch64/AlmaLinux-10.2-aarch64-dvd.iso missing: answered 404" },
      images: { "isos/aarch64/9.8": { state: "absent", reason: "9.8/isos/aarch64/CHECKSUM answered 404" } },
    },
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
    "health-build",
    {
      [STEADY]: mirrorNamed(STEADY),
      [FLAKY]: mirrorNamed(FLAKY, { city: "Hamburg" }),
      [FRESH]: mirrorNamed(FRESH, { city: "Munich" }),
      [CODED]: mirrorNamed(CODED, { http: false }),
      [OLD]: mirrorNamed(OLD, { http: false }),
    },
    status,
    "en,de,ar",
  );
  build = site.build;
}, 250_000);

afterAll(() => site?.remove());

const page = (path: string) => site.page(path);
/** A mirror's row in a table, as HTML. */
const rowOf = (html: string, name: string) =>
  new RegExp(`<tr[^>]*data-mirror="${name.replaceAll(".", "\\.")}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? "";
/** The header cells of the mirror table, as HTML. */
const headersOf = (html: string) =>
  [...(/<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? "").matchAll(/<th\b[\s\S]*?<\/th>/g)].map((m) => m[0]);
/** The text of each cell of a row. */
const cellsOf = (row: string) =>
  [...row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => (m[1] ?? "").replace(/<[^>]*>/g, "").trim());
/** Visible text, tags dropped. */
const text = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");

describe("a build given a status report with history", () => {
  it("builds from a status file the loader accepts whole", () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(parseStatusFile("status.json", JSON.stringify(status)).diagnostics).toEqual([]);
  });

  it("shows health as one column on the home page, sortable by status and by 30-day availability", () => {
    const home = page("index.html");
    const headers = headersOf(home);
    expect(headers.map((h) => text(h).trim())).toEqual([
      "Mirror",
      "Sponsor",
      "Location",
      "Protocols",
      "Updated every",
      expect.stringMatching(/^Status \(checked Nov 28, 2026, .* UTC\) Availability \(30 days\)$/),
    ]);
    expect(headers[1]).toContain('data-sort="text"');
    expect(headers[5]).toContain('data-sort="status"');
    expect(headers[5]).toContain('data-sort="availability"');
    expect(text(home)).toContain("The table also shows how each mirror fared at the last check.");
    expect(home).not.toContain("Whether each mirror is up to date and reachable is not known");
  });

  it("gives each row its availability as a number to sort by, and shows it as a percentage", () => {
    const home = page("index.html");
    expect(rowOf(home, STEADY)).toContain('data-a="1"');
    expect(rowOf(home, FLAKY)).toContain('data-a="0.5"');
    expect(rowOf(home, FRESH)).not.toContain("data-a=");
    // Health is one cell: the state on its first line, then the 30-day share.
    expect(cellsOf(rowOf(home, STEADY)).slice(4)).toEqual(["3h", "Up to date\n100%"]);
    expect(cellsOf(rowOf(home, FLAKY)).slice(4)).toEqual(["3h", "Broken\n50%"]);
    expect(cellsOf(rowOf(home, FRESH)).slice(4)).toEqual(["3h", "Up to date"]);
    // IPv6 is said beside the protocols when the check found it, and only then.
    expect(cellsOf(rowOf(home, STEADY))[3]).toMatch(/ IPv6$/);
    expect(cellsOf(rowOf(home, FLAKY))[3]).not.toContain("IPv6");
    expect(cellsOf(rowOf(home, FRESH))[3]).not.toContain("IPv6");
    // German numbers: a space before the percent sign.
    const de = page("de/index.html");
    expect(cellsOf(rowOf(de, FLAKY)).at(-1)).toMatch(/\n50\u00a0%$/);
    expect(text(headersOf(de)[5] ?? "")).toContain("Verfügbarkeit (30 Tage)");
  });

  it("says on an ISO page that only the files' presence was checked, and each mirror's state for this folder", () => {
    const iso = page("isos/aarch64/9.8/index.html");
    expect(text(iso)).toContain("there was no origin CHECKSUM to compare with");
    expect(text(iso)).toContain(": 1 of 5 have all of them.");
    expect(text(iso)).not.toContain("nothing here says which of them");
    expect(
      headersOf(iso)
        .map((h) => text(h).trim())
        .at(-1),
    ).toBe("This folder");
    expect(cellsOf(rowOf(iso, STEADY)).at(-1)).toBe("files found (not compared)");
    expect(cellsOf(rowOf(iso, FRESH)).at(-1)).toBe("not carried");
    expect(cellsOf(rowOf(iso, FLAKY)).at(-1)).toBe("not checked");
    // One link, to the folder over HTTPS; the other protocols by name (their addresses are on the mirror page).
    expect(rowOf(iso, STEADY)).toContain(`href="https://${STEADY}/almalinux/9.8/isos/aarch64/"`);
    expect(cellsOf(rowOf(iso, STEADY))[3]).toMatch(/^HTTPS HTTP\b/);
  });

  it("names no image file the origin's CHECKSUM did not list, and checks every listed one instead", () => {
    const iso = text(page("isos/x86_64/10.2/index.html"));
    expect(iso).not.toContain("AlmaLinux-10.2-x86_64-dvd.iso");
    expect(iso).toContain("CHECKSUM was not read for this version of the site");
    expect(iso).toContain("sha256sum --ignore-missing -c CHECKSUM");
  });

  it("leads a major version's ISO page to the current minor's, in every locale", () => {
    expect(page("isos/aarch64/9/index.html")).toContain(
      '<meta http-equiv="refresh" content="0; url=/isos/aarch64/9.8/">',
    );
    const de = page("de/isos/x86_64/10/index.html");
    expect(de).toContain('<meta http-equiv="refresh" content="0; url=/de/isos/x86_64/10.2/">');
    expect(de).toContain('<a href="/de/isos/x86_64/10.2/">');
  });
});

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
    // In the notice that the mirrorlists leave it out, in its status, and in the state change.
    expect(de.split('<code dir="ltr">TIME</code> ist 3 Tage alt').length - 1).toBe(3);
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
