/**
 * The real registry and a checker's status file, built twice side by side (English and Arabic,
 * so both directions): the two `dist/` folders are the same bytes, file by file (reproducible
 * builds, status, feeds and exports included), and the first is read for what the status makes
 * of the site: states and reasons on the table and the mirror pages, how far each mirror lags
 * behind the origin, only `ok` mirrors in the mirrorlist index and static lists, the status
 * published with its history and feeds, and the exports for firewalls.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/core/load.ts";
import { parseStatusFile } from "../../src/core/status/status-file.ts";
import { statusSchema } from "../../src/core/status/status-schema.ts";
import type { MirrorHistory, StatusFile } from "../../src/core/types.ts";
import { BUILD_TIMEOUT_MS, buildSiteAsync, scratchDir } from "./site-build.ts";

const work = scratchDir("status-build-");
const outDir = join(work, "dist");
/** The second build of the same inputs, compared with the first. */
const againDir = join(work, "again");
const CHECKED = "2026-11-28T06:00:00Z";
const OUTDATED = "mirror.ox.ac.uk";
const BROKEN = "al-mirror.a2hosting.com";
/** One repo 3 hours behind; every repo current; seven repos behind (more than a page lists). */
const BEHIND = "alma.mirror.hyperbit.it";
const IN_SYNC = "alma.c-servers.co.uk";
const FAR_BEHIND = "alma.idhosting.pl";
const REPOS = ["BaseOS", "AppStream", "CRB", "extras", "HighAvailability", "NFV", "RT"];
/** ok → broken → ok → broken, over two days. */
const BROKEN_HISTORY = {
  changes: [
    {
      at: "2026-11-27T10:00:00Z",
      from: "ok",
      to: "broken",
      reason: "Connection refused: <script>alert(1)</script> & co",
    },
    { at: "2026-11-27T12:30:00Z", from: "broken", to: "ok", reason: "Serves fresh, complete trees." },
    {
      at: "2026-11-28T05:30:00Z",
      from: "ok",
      to: "broken",
      reason: "repodata/repomd.xml missing for 9.8/AppStream/aarch64",
    },
  ],
  days: [
    { day: "2026-11-27", checks: 48, ok: 43, worst_lag_seconds: 3600 },
    { day: "2026-11-28", checks: 13, ok: 11 },
  ],
} satisfies MirrorHistory;
let build: Awaited<ReturnType<typeof buildSiteAsync>>;
let again: Awaited<ReturnType<typeof buildSiteAsync>>;

beforeAll(async () => {
  const registry = loadRegistry();
  const status: StatusFile = {
    checked_at: CHECKED,
    mirrors: Object.fromEntries(
      registry.mirrors.map((m) => [
        m.name,
        { state: "ok", reason: "Serves fresh, complete trees.", checked_at: CHECKED },
      ]),
    ),
  };
  status.mirrors[OUTDATED] = { state: "outdated", reason: "TIME is 3 days old (allowed: 12h)", checked_at: CHECKED };
  // A key the schema does not name (a newer checker's, or planted): never published. Not in the
  // type either (code reads only what the schema names), hence the spread.
  status.mirrors[BROKEN] = {
    ...{ contact: "admin@a2hosting.example" },
    state: "broken",
    reason: "repodata/repomd.xml missing for 9.8/AppStream/aarch64",
    checked_at: CHECKED,
    url: "https://al-mirror.a2hosting.com/9.8/AppStream/aarch64/os/repodata/repomd.xml",
    http_status: 404,
    history: BROKEN_HISTORY,
  };
  const ok = { state: "ok", reason: "Serves fresh, complete trees.", checked_at: CHECKED } as const;
  status.mirrors[BEHIND] = {
    ...ok,
    lag_seconds: 10_800,
    repomd_behind: [{ repo: "9.8/BaseOS/x86_64/os", revision: "1700000000", lag_seconds: 10_800 }],
  };
  status.mirrors[IN_SYNC] = { ...ok, lag_seconds: 0 };
  status.mirrors[FAR_BEHIND] = {
    ...ok,
    lag_seconds: 2 * 86_400,
    repomd_behind: REPOS.map((repo, i) => ({
      repo: `9.8/${repo}/aarch64/os`,
      revision: i === 1 ? null : String(1_700_000_000 + i),
      lag_seconds: 2 * 86_400 - i * 3600,
    })),
  };
  writeFileSync(join(work, "status.json"), JSON.stringify(status));
  const env = { MIRRORS_STATUS: join(work, "status.json"), LOCALES: "en,ar", SOURCE_DATE_EPOCH: "" };
  [build, again] = await Promise.all([buildSiteAsync(outDir, env), buildSiteAsync(againDir, env)]);
}, BUILD_TIMEOUT_MS + 10_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(outDir, path), "utf8");
/** A mirror's row in a table, as HTML. */
const rowOf = (html: string, name: string) =>
  new RegExp(`<tr[^>]*data-mirror="${name.replaceAll(".", "\\.")}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? "";
/** Visible text: one line per block (paragraph, list item, cell), inline tags dropped. */
const text = (html: string) =>
  html
    .replace(/<\/?(?:p|li|ul|div|dt|dd|td|th|tr|h\d)\b[^>]*>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/\s*\n\s*/g, "\n");

/** Every file under `root`, as paths relative to it, sorted. */
function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

describe("two builds of the same inputs", () => {
  it("make the same bytes", () => {
    expect(build.status, build.stderr).toBe(0);
    expect(again.status, again.stderr).toBe(0);
    const names = files(outDir);
    expect(files(againDir)).toEqual(names);
    expect(names.length).toBeGreaterThan(1000);
    expect(names).toContain("status/feed.xml");
    expect(names).toContain("exports/mirrors.csv");
    const differing = names.filter((f) => !readFileSync(join(outDir, f)).equals(readFileSync(join(againDir, f))));
    expect(differing).toEqual([]);
  });
});

describe("a build given the checker's status file", () => {
  it("loads the registry once, for the pages, the mirrorlist export and the data export", () => {
    const log = `${build.stdout}${build.stderr}`;
    expect(log.split("registry loaded:").length - 1, log).toBe(1);
    expect(log).toContain("[mirrorlist-export]");
    expect(log).toContain("[data-export]");
  });

  it("shows each mirror's state in words in the table, and its reason on its page", () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const home = page("index.html");
    expect(home).not.toContain("(not checked)");
    const row = rowOf(home, BROKEN);
    expect(row).toContain("Broken");
    const mirror = page(`mirrors/${OUTDATED}/index.html`);
    expect(mirror).toContain("Outdated");
    expect(mirror).toContain("TIME is 3 days old (allowed: 12h)");
    const broken = page(`mirrors/${BROKEN}/index.html`);
    expect(broken).toContain("Check report");
    expect(broken).toContain("HTTP 404");
  });

  it("says in the table how far a mirror lags behind the origin, and which repo", () => {
    const home = page("index.html");
    const behind = text(rowOf(home, BEHIND));
    // The repo between FSI and PDI: it keeps its order in a right-to-left sentence, with no element.
    expect(behind).toContain("Up to date\n3 hours behind: \u20689.8/BaseOS/x86_64/os\u2069");
    expect(text(rowOf(home, IN_SYNC))).toContain("Up to date\nin sync");
    expect(text(rowOf(home, FAR_BEHIND))).toContain("2 days behind: \u20689.8/BaseOS/aarch64/os\u2069 and 6 more");
    // No lag in the status, nothing said about it.
    expect(text(rowOf(home, BROKEN))).not.toMatch(/behind|in sync/);
    expect(rowOf(home, BEHIND)).toContain('data-lag="10800"');
  });

  it("says on the mirror page how far it lags, listing the repos behind", () => {
    const behind = text(page(`mirrors/${BEHIND}/index.html`));
    expect(behind).toContain(
      "\n3 hours behind the origin, in these repositories:\n9.8/BaseOS/x86_64/os serves revision 1700000000, 3 hours behind\n",
    );
    expect(text(page(`mirrors/${IN_SYNC}/index.html`))).toContain(
      "\nIn sync with the origin: every repository serves the current repomd.xml.\n",
    );
    const far = text(page(`mirrors/${FAR_BEHIND}/index.html`));
    expect(far).toContain(
      "\n2 days behind the origin, in these repositories:\n9.8/BaseOS/aarch64/os serves revision 1700000000, 2 days behind\n",
    );
    expect(far).toContain("\n9.8/AppStream/aarch64/os serves an earlier repomd.xml, 47 hours behind\n");
    expect(far).toContain(
      "\n9.8/HighAvailability/aarch64/os serves revision 1700000004, 44 hours behind\nand 2 more\n",
    );
    expect(far).not.toMatch(/9\.8\/(NFV|RT)\//);
    const broken = text(page(`mirrors/${BROKEN}/index.html`));
    expect(broken).not.toMatch(/behind the origin|In sync with/);
  });

  it("says in every footer when the mirrors were last checked, and dates the build by it", () => {
    const home = page("index.html");
    expect(home).toContain("built Nov 28, 2026, 06:00 AM UTC. Mirrors last checked Nov 28, 2026, 06:00 AM UTC.");
  });

  it("serves only ok mirrors in the mirrorlists", () => {
    const index = page("mirrorlist/v1.json");
    expect(index).not.toContain(`"${OUTDATED}"`);
    expect(index).not.toContain(`"${BROKEN}"`);
    expect(index).toContain('"mirror.init7.net"');
    const list = page("mirrorlist/9/baseos");
    expect(list).not.toMatch(/mirror\.ox\.ac\.uk|al-mirror\.a2hosting\.com/);
    expect(list.split("\n").length).toBeGreaterThan(100);
  });

  it("publishes the status with its history at status/v1.json, with its schema, and no key the schema does not name", () => {
    const published = page("status/v1.json");
    const { status, diagnostics } = parseStatusFile("status/v1.json", published);
    expect(diagnostics).toEqual([]);
    expect(status?.checked_at).toBe(CHECKED);
    expect(status?.mirrors[BROKEN]?.history).toEqual(BROKEN_HISTORY);
    expect(Object.keys(status?.mirrors ?? {})).toHaveLength(loadRegistry().mirrors.length);
    expect(status?.mirrors[BROKEN]).not.toHaveProperty("contact");
    // Never an e-mail address: the status has none, and what it does not name stays behind.
    expect(published).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect(JSON.parse(page("status/v1.schema.json"))).toEqual(JSON.parse(JSON.stringify(statusSchema)));
  });

  it("writes an Atom feed of each mirror's changes, linked from its page, and one of every change", () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" });
    const mirror = page(`mirrors/${BROKEN}/feed.xml`);
    expect(XMLValidator.validate(mirror)).toBe(true);
    const { feed } = parser.parse(mirror);
    expect(feed.updated).toBe(CHECKED);
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([
      `${BROKEN}: ok → broken`,
      `${BROKEN}: broken → ok`,
      `${BROKEN}: ok → broken`,
    ]);
    expect(feed.entry[2].summary["#text"]).toBe("Connection refused: <script>alert(1)</script> & co");
    expect(mirror).not.toContain("<script>");
    expect(page(`mirrors/${BROKEN}/index.html`)).toContain(
      `<link rel="alternate" type="application/atom+xml" title="${BROKEN}" href="/mirrors/${BROKEN}/feed.xml">`,
    );
    // A mirror without changes has a valid feed with no entries.
    expect(parser.parse(page(`mirrors/${OUTDATED}/feed.xml`)).feed.entry).toBeUndefined();
    const all = parser.parse(page("status/feed.xml")).feed;
    expect(all.entry).toHaveLength(3);
    expect(all.entry[0].title).toBe(`${BROKEN}: ok → broken`);
  });

  it("exports the public mirrors as CSV and JSON, with state, lag and 30-day availability, linked from home", () => {
    const home = page("index.html");
    expect(home).toContain('<a href="/exports/mirrors.csv" type="text/csv">CSV</a>');
    expect(home).toContain('<a href="/exports/mirrors.json" type="application/json">JSON</a>');
    const rows: Record<string, string>[] = parse(page("exports/mirrors.csv"), { columns: true });
    const publicNames = loadRegistry()
      .mirrors.filter((m) => !m.private)
      .map((m) => m.name);
    expect(rows.map((r) => r.name)).toEqual(publicNames);
    // 54 ok checks of 61 over the two days kept.
    expect(rows.find((r) => r.name === BROKEN)).toMatchObject({ state: "broken", availability_30d: "88.52" });
    expect(rows.find((r) => r.name === BEHIND)).toMatchObject({
      state: "ok",
      lag_seconds: "10800",
      availability_30d: "",
    });
    const json = JSON.parse(page("exports/mirrors.json"));
    expect(json.checked_at).toBe(CHECKED);
    expect(json.mirrors).toHaveLength(publicNames.length);
    expect(JSON.parse(page("exports/mirrors.schema.json")).title).toBe("Public mirrors, for firewalls and scripts");
  });

  it("shows the 30-day availability on the mirror page, with a day strip and its words", () => {
    const html = page(`mirrors/${BROKEN}/index.html`);
    const words = text(html);
    expect(words).toContain("\nAvailability over the last 30 days: 88.52% of checks ok (54 / 61).\n");
    const strip = /<svg class="strip"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(strip).toContain('aria-hidden="true"');
    expect(strip.match(/class="strip-day"/g)).toHaveLength(30);
    // 43 of 48 ok (under 90 %): a full-height bar, its failed share on top (3 of 24 units) marked bad.
    expect(strip).toContain('<rect class="strip-ok" x="280" y="3" width="8" height="21">');
    expect(strip).toContain('<rect class="strip-bad" data-failed x="280" y="0" width="8" height="3">');
    // The days with failed checks, in words for everyone; all 30 days folded below.
    expect(words).toContain(
      "\nDays with failed checks:\nNov 27, 2026: 43 / 48 checks ok\nNov 28, 2026: 11 / 13 checks ok\n",
    );
    expect(words).toContain("\nDay by day (UTC):\n");
    expect(words).toContain("\nOct 30, 2026: not checked\n");
    expect(words).toContain("\nNov 27, 2026: 43 / 48 checks ok\nNov 28, 2026: 11 / 13 checks ok\n");
    // No history, no availability.
    expect(page(`mirrors/${OUTDATED}/index.html`)).not.toContain("Availability over");
  });

  it("lists the mirror's state changes on its page, newest first, with a link to its feed", () => {
    const words = text(page(`mirrors/${BROKEN}/index.html`));
    expect(words).toContain(
      "\nState changes in the last 30 days, newest first:\n" +
        "Nov 28, 2026, 05:30 AM UTC: Up to date → Broken: repodata/repomd.xml missing for 9.8/AppStream/aarch64\n" +
        "Nov 27, 2026, 12:30 PM UTC: Broken → Up to date: Serves fresh, complete trees.\n" +
        "Nov 27, 2026, 10:00 AM UTC: Up to date → Broken: Connection refused: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co\n",
    );
    expect(page(`mirrors/${BROKEN}/index.html`)).toContain(
      "Connection refused: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co",
    );
    expect(page(`mirrors/${OUTDATED}/index.html`)).toContain(
      `<a href="/mirrors/${OUTDATED}/feed.xml" type="application/atom+xml">Follow its state changes in a feed reader (Atom)</a>`,
    );
    expect(text(page(`mirrors/${OUTDATED}/index.html`))).not.toContain("State changes in the last 30 days");
  });
});
