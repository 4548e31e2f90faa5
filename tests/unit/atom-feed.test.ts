/** The Atom feeds of state changes: well-formed, the elements RFC 4287 requires, escaped, stable. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { MAX_REGISTRY_FEED_ENTRIES, mirrorFeed, registryFeed } from "../../src/core/status/atom-feed.ts";
import type { MirrorStatus, StateChange } from "../../src/core/types.ts";

const options = { siteUrl: "https://mirrors.example.org", updated: "2026-12-02T06:00:00Z" };
const hostile = '<script>alert(1)</script> & "quotes" ]]> \u0001';

function status(changes: StateChange[]): MirrorStatus {
  const last = changes.at(-1);
  return {
    state: last?.to ?? "ok",
    reason: "now",
    checked_at: options.updated,
    history: { changes, days: [{ day: "2026-12-02", checks: 3, ok: 2 }] },
  };
}

const flapped = status([
  { at: "2026-12-01T10:00:00Z", from: "ok", to: "broken", reason: hostile },
  { at: "2026-12-01T12:00:00Z", from: "broken", to: "ok", reason: "Serves fresh, complete trees." },
]);

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" || name === "link" });

/** The feed parsed, after checking it is well-formed XML and has what RFC 4287 requires. */
function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml);
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  for (const required of ["id", "title", "updated", "author"]) expect(feed[required], required).toBeTruthy();
  for (const entry of feed.entry ?? []) {
    for (const required of ["id", "title", "updated"]) expect(entry[required], required).toBeTruthy();
    // Without content, an entry needs an alternate link (RFC 4287 4.1.1).
    expect(entry.link.some((l: Record<string, string>) => l["@_rel"] === "alternate")).toBe(true);
  }
  return feed;
}

describe("mirrorFeed", () => {
  it("lists the mirror's changes newest first, with their reasons, dated by the status", () => {
    const feed = parseFeed(mirrorFeed("mirror.example.net", flapped, options));
    expect(feed.id).toBe("https://mirrors.example.org/mirrors/mirror.example.net/feed.xml");
    expect(feed.updated).toBe(options.updated);
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([
      "mirror.example.net: broken → ok",
      "mirror.example.net: ok → broken",
    ]);
    expect(feed.entry[1].updated).toBe("2026-12-01T10:00:00Z");
    expect(new Set(feed.entry.map((e: { id: string }) => e.id)).size).toBe(2);
  });

  it("escapes every text, so a reason cannot add markup", () => {
    const xml = mirrorFeed("mirror.example.net", flapped, options);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt; \ufffd");
    const feed = parseFeed(xml);
    // A reader gets the reason back as text, the one character XML forbids replaced.
    expect(feed.entry[1].summary["#text"]).toBe(hostile.replace("\u0001", "\ufffd"));
  });

  it("masks an e-mail address in a reason, as every page does", () => {
    const reason = "Write to ops@example.org or judy@bücher.example";
    const mailing = status([{ at: "2026-12-01T10:00:00Z", from: "ok", to: "broken", reason }]);
    expect(parseFeed(mirrorFeed("mirror.example.net", mailing, options)).entry[0].summary["#text"]).toBe(
      "Write to (address hidden) or (address hidden)",
    );
  });

  it("is a valid empty feed for a mirror with no changes or no status", () => {
    expect(parseFeed(mirrorFeed("quiet.example.net", status([]), options)).entry).toBeUndefined();
    expect(parseFeed(mirrorFeed("unknown.example.net", null, options)).entry).toBeUndefined();
  });

  it("is byte-identical for identical input", () => {
    expect(mirrorFeed("mirror.example.net", flapped, options)).toBe(
      mirrorFeed("mirror.example.net", structuredClone(flapped), { ...options }),
    );
  });
});

describe("registryFeed", () => {
  it("lists every mirror's changes, newest first, and keeps the newest when there are too many", () => {
    const other = status([{ at: "2026-12-01T11:00:00Z", from: "ok", to: "unreachable", reason: "Timed out" }]);
    const feed = parseFeed(
      registryFeed(
        [
          ["a.example.net", flapped],
          ["b.example.net", other],
        ],
        options,
      ),
    );
    expect(feed.id).toBe("https://mirrors.example.org/status/feed.xml");
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual([
      "a.example.net: broken → ok",
      "b.example.net: ok → unreachable",
      "a.example.net: ok → broken",
    ]);
    const many = Array.from({ length: 20 }, (_, i): [string, MirrorStatus] => [
      `m${i}.example.net`,
      status(
        Array.from({ length: 60 }, (_, j) => ({
          at: new Date(Date.UTC(2026, 11, 1) + (j * 20 + i) * 60_000).toISOString(),
          from: j % 2 ? ("broken" as const) : ("ok" as const),
          to: j % 2 ? ("ok" as const) : ("broken" as const),
          reason: "r",
        })),
      ),
    ]);
    const big = parseFeed(registryFeed(many, options));
    expect(big.entry).toHaveLength(MAX_REGISTRY_FEED_ENTRIES);
    expect(big.entry[0].updated).toBe(new Date(Date.UTC(2026, 11, 1) + (59 * 20 + 19) * 60_000).toISOString());
  });
});
