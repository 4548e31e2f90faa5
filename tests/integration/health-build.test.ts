import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStatusFile } from "../../src/core/status/status-file.ts";
import type { StatusFile } from "../../src/core/types.ts";
import { mirrorNamed } from "../unit/helpers.ts";
import { buildScratchSite, type ScratchSite } from "./site-build.ts";

const CHECKED = "2026-11-28T06:00:00Z";
/** Always ok, every ISO file found; ok half the time, ISOs not checked; ok, no history, an ISO missing. */
const STEADY = "steady.example.org";
const FLAKY = "flaky.example.org";
const FRESH = "fresh.example.org";

const status: StatusFile = {
  checked_at: CHECKED,
  mirrors: {
    [STEADY]: {
      state: "ok",
      reason: "Serves fresh, complete trees.",
      checked_at: CHECKED,
      ipv6: true,
      isos: { complete: true, reason: "All 28 ISO files answer" },
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
    },
    status,
    "en,de",
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

  it("says on an ISO page what the check found of each mirror's ISO files, and how many had all", () => {
    const iso = page("isos/aarch64/9.8/index.html");
    expect(text(iso)).toContain("Mirrors that answered for every ISO file at the last check");
    expect(text(iso)).toContain(": 1 of 3.");
    expect(text(iso)).not.toContain("nothing here says which of them");
    expect(
      headersOf(iso)
        .map((h) => text(h).trim())
        .at(-1),
    ).toBe("ISO files");
    expect(cellsOf(rowOf(iso, STEADY)).at(-1)).toBe("all found");
    expect(cellsOf(rowOf(iso, FRESH)).at(-1)).toBe("some missing");
    expect(cellsOf(rowOf(iso, FLAKY)).at(-1)).toBe("not checked");
    // One link, to the folder over HTTPS; the other protocols by name (their addresses are on the mirror page).
    expect(rowOf(iso, STEADY)).toContain(`href="https://${STEADY}/almalinux/9.8/isos/aarch64/"`);
    expect(cellsOf(rowOf(iso, STEADY))[3]).toMatch(/^HTTPS HTTP\b/);
  });

  it("names the release's image files and CHECKSUM on its ISO page", () => {
    const iso = text(page("isos/x86_64/10.2/index.html"));
    for (const file of ["boot", "minimal", "dvd"]) expect(iso).toContain(`AlmaLinux-10.2-x86_64-${file}.iso`);
    expect(iso).toContain("CHECKSUM");
    expect(iso).toContain("sha256sum AlmaLinux-10.2-x86_64-dvd.iso");
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
