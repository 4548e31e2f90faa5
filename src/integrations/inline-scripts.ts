/**
 * The inline scripts of the built pages, sorted into ours (known by their exact text, hashed for
 * the Content-Security-Policy) and any other (which stops the build, naming its page).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type DefaultTreeAdapterMap, parse } from "parse5";

/**
 * Inline `<script>` elements (no `src`): their exact text is what the browser hashes. Any case,
 * any spacing before `>`. A quick scan that may also find `<script>` written inside an attribute
 * value, which is no script: a page where it finds one not of ours is read again by a real HTML
 * parser, which alone decides.
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** One inline script of a built page. */
export interface InlineScript {
  /** The page, relative to the build folder (e.g. `countries/de/index.html`). */
  page: string;
  text: string;
}

/**
 * Every non-empty inline script of the HTML pages under `root`. Pages the quick scan finds only
 * `known` scripts in are taken at its word; any other page is parsed as a browser would.
 */
export function inlineScripts(root: string, known: ReadonlySet<string> = new Set()): InlineScript[] {
  const found: InlineScript[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const html = readFileSync(path, "utf8");
        const quick = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? "");
        const texts = quick.every((text) => known.has(text)) ? quick : parsedInlineScripts(html);
        for (const text of texts) if (text.trim() !== "") found.push({ page: relative(root, path), text });
      }
    }
  };
  walk(root);
  return found;
}

type Node = DefaultTreeAdapterMap["node"];

/** The inline scripts of a page as the HTML standard's parser reads it. */
function parsedInlineScripts(html: string): string[] {
  const texts: string[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node && node.tagName === "script" && !node.attrs.some((a) => a.name === "src")) {
      texts.push(node.childNodes.map((c) => ("value" in c && c.nodeName === "#text" ? c.value : "")).join(""));
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
    if ("content" in node) visit(node.content);
  };
  visit(parse(html));
  return texts;
}

/** `'sha256-…'`, the policy's source for a script of exactly this text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

/** What the pages' inline scripts come to, measured against the known ones. */
export interface InlineScriptReview {
  /** Hashes of the known scripts the pages use, for the policy; nothing else is ever hashed. */
  scriptHashes: string[];
  /** Inline scripts that are not ours, with their pages. */
  unknown: InlineScript[];
}

/** Sorts the inline scripts `found` in the pages into known (hashed) and unknown (reported). */
export function reviewInlineScripts(found: readonly InlineScript[], known: ReadonlySet<string>): InlineScriptReview {
  const scriptHashes = new Set<string>();
  const unknown: InlineScript[] = [];
  for (const script of found) {
    if (known.has(script.text)) scriptHashes.add(scriptHash(script.text));
    else unknown.push(script);
  }
  return { scriptHashes: [...scriptHashes].sort(), unknown };
}

const LISTED_PAGES = 10;

/** Why the build stops: each unknown script's page, hash and first characters. */
export function unknownScriptsMessage(unknown: readonly InlineScript[]): string {
  const lines = unknown.slice(0, LISTED_PAGES).map(({ page, text }) => {
    const start = text.trim().replaceAll(/\s+/g, " ").slice(0, 60);
    return `  ${page}: ${scriptHash(text)} ${JSON.stringify(start)}`;
  });
  if (unknown.length > LISTED_PAGES) lines.push(`  … and ${unknown.length - LISTED_PAGES} more`);
  return [
    `${unknown.length} inline script(s) in the built pages were not written by a component of this site, so the Content-Security-Policy does not allow them:`,
    ...lines,
  ].join("\n");
}
