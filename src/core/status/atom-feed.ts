/**
 * Atom feeds (RFC 4287) of mirrors' state changes, from the history in the status file: one per
 * mirror (`mirrors/<name>/feed.xml`, for its sponsor's feed reader) and one of every change
 * (`status/feed.xml`). Pure and byte-identical for identical input: no clock but the status's
 * own `checked_at`, which is each feed's `updated`. Every piece of text goes through `xmlEscape`.
 */
import { hideEmails } from "../email-shape.ts";
import type { MirrorStatus, StateChange } from "../types.ts";
import { xmlEscape } from "../xml-text.ts";
import { allChanges } from "./history.ts";

/** Entries in the registry's feed, the newest: feed readers poll the recent end. */
export const MAX_REGISTRY_FEED_ENTRIES = 1000;

export interface FeedOptions {
  /** The site's absolute URL, e.g. `https://mirrors.almalinux.org/`. */
  siteUrl: string;
  /** The status's `checked_at`: the feed's `updated`. */
  updated: string;
}

/** A mirror page's absolute URL (`/mirrors/<name>/`, as `paths.mirror` makes it). */
export function mirrorPageUrl(name: string, siteUrl: string): string {
  return new URL(`mirrors/${encodeURIComponent(name)}/`, withSlash(siteUrl)).href;
}

/** One mirror's feed: its state changes, newest first. */
export function mirrorFeed(name: string, status: MirrorStatus | null, options: FeedOptions): string {
  const page = mirrorPageUrl(name, options.siteUrl);
  const changes = [...(status?.history?.changes ?? [])].reverse();
  return feed({
    id: `${page}feed.xml`,
    title: `${name}: mirror state changes`,
    page,
    updated: options.updated,
    entries: changes.map((change) => entry(name, change, options.siteUrl)),
  });
}

/** The registry's feed: every mirror's changes, newest first, at most `MAX_REGISTRY_FEED_ENTRIES`. */
export function registryFeed(mirrors: Iterable<[string, MirrorStatus]>, options: FeedOptions): string {
  const site = withSlash(options.siteUrl);
  return feed({
    id: new URL("status/feed.xml", site).href,
    title: "Mirror state changes",
    page: site,
    updated: options.updated,
    entries: allChanges(mirrors)
      .slice(0, MAX_REGISTRY_FEED_ENTRIES)
      .map(({ mirror, change }) => entry(mirror, change, options.siteUrl)),
  });
}

interface FeedParts {
  id: string;
  title: string;
  page: string;
  updated: string;
  entries: string[];
}

function feed({ id, title, page, updated, entries }: FeedParts): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${xmlEscape(id)}</id>
  <title>${xmlEscape(title)}</title>
  <updated>${xmlEscape(updated)}</updated>
  <author><name>${xmlEscape(new URL(page).host)} mirror checker</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(id)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(page)}"/>
${entries.join("")}</feed>
`;
}

/** One change. Its id is the mirror page's URL and the change's time and new state: stable. */
function entry(name: string, change: StateChange, siteUrl: string): string {
  const page = mirrorPageUrl(name, siteUrl);
  return `  <entry>
    <id>${xmlEscape(`${page}#${change.at}-${change.to}`)}</id>
    <title>${xmlEscape(`${name}: ${change.from} → ${change.to}`)}</title>
    <updated>${xmlEscape(change.at)}</updated>
    <link rel="alternate" type="text/html" href="${xmlEscape(page)}"/>
    <summary type="text">${xmlEscape(hideEmails(change.reason))}</summary>
  </entry>
`;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
