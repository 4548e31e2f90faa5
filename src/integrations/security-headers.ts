/**
 * Astro integration: after the build, writes `_headers` (the file Cloudflare Pages, Workers static
 * assets and Netlify read) with the security headers and caching rules of the whole site. Its
 * Content-Security-Policy allows no inline script but our own, each by its SHA-256 hash, never
 * `'unsafe-inline'`.
 *
 * "Our own" is a known list taken from the source, not from the pages: the `<script>`s of our
 * `.astro` components, as the bundler wrote them (Astro inlines the small ones, such as the
 * table's). Every inline script in the built pages must be one of those; any other (registry text
 * that got through as a script, an `is:inline` script, an integration's injection) fails the build
 * and names its page, instead of being allowed by the policy.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import type { Plugin } from "vite";
import { pageContentSecurityPolicy, SECURITY_HEADERS } from "../core/http-headers.ts";

/**
 * Inline `<script>` elements (no `src`): their exact text is what the browser hashes. Any case,
 * any spacing before `>`. A quick scan that may also find `<script>` written inside an attribute
 * value, which is no script: a page where it finds one not of ours is read again by a real HTML
 * parser, which alone decides.
 */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The virtual module of one `<script>` of a component, e.g. `…/MirrorTable.astro?astro&type=script&index=0&lang.ts`. */
const COMPONENT_SCRIPT = /\.astro\?astro&type=script&/;

export interface HeaderOptions {
  /** `'sha256-…'` sources of the inline scripts the pages carry. */
  scriptHashes: readonly string[];
  /** Origin of an optional raster tile server (`PUBLIC_MAP_TILES`), allowed as an image source. */
  tileOrigin: string | null;
}

/** The `_headers` file for the site. Pure: same options, same bytes. */
export function headersFile({ scriptHashes, tileOrigin }: HeaderOptions): string {
  const csp = pageContentSecurityPolicy(scriptHashes, tileOrigin);
  const security = Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join("\n");
  return `/*
  Content-Security-Policy: ${csp}
${security}
  Cache-Control: public, max-age=600, must-revalidate

/_astro/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable

/mirrorlist/*
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: text/plain; charset=utf-8

/mirrorlist/v1.json
  ! Content-Type
  Content-Type: application/json

/mirrorlist/v1.schema.json
  ! Content-Type
  Content-Type: application/schema+json

/mirrorlist/v1-images.json
  ! Content-Type
  Content-Type: application/json

/isolist/*
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: text/plain; charset=utf-8

/status/*
  ! Cache-Control
  Cache-Control: public, max-age=300

/status/feed.xml
  Content-Type: application/atom+xml; charset=utf-8

/status/v1.schema.json
  Content-Type: application/schema+json

/mirrors/:name/feed.xml
  ! Cache-Control
  Cache-Control: public, max-age=300
  Content-Type: application/atom+xml; charset=utf-8

/exports/mirrors.csv
  Content-Type: text/csv; charset=utf-8; header=present

/exports/mirrors.schema.json
  Content-Type: application/schema+json
`;
}

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

const UNKNOWN_SCRIPTS_HINT =
  "Find what put them there: registry text rendered with set:html, an is:inline script, an integration. A script of our own belongs in a component's <script>, which Astro bundles.";

/**
 * A Vite plugin that records the text of every `<script>` of the components under `srcDir` as
 * bundled for the browser: the exact text Astro then inlines for the small ones. It runs before
 * Astro's own plugins, which take the inlined chunks out of the bundle.
 */
function recordComponentScripts(srcDir: string, known: Set<string>): Plugin {
  return {
    name: "security-headers:component-scripts",
    enforce: "pre",
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        const id = output.type === "chunk" ? (output.facadeModuleId ?? "") : "";
        if (output.type === "chunk" && id.startsWith(srcDir) && COMPONENT_SCRIPT.test(id)) {
          known.add(output.code.trim());
        }
      }
    },
  };
}

export default function securityHeaders(): AstroIntegration {
  const known = new Set<string>();
  return {
    name: "security-headers",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        updateConfig({ vite: { plugins: [recordComponentScripts(fileURLToPath(config.srcDir), known)] } });
      },
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { scriptHashes, unknown } = reviewInlineScripts(inlineScripts(root, known), known);
        if (unknown.length > 0) {
          const error = new AstroError(unknownScriptsMessage(unknown), UNKNOWN_SCRIPTS_HINT);
          // The message names the pages; a stack trace of this hook would only bury it.
          error.stack = "";
          throw error;
        }
        const tiles = process.env.PUBLIC_MAP_TILES;
        const tileOrigin = tiles ? new URL(tiles.replaceAll(/[{}]/g, "")).origin : null;
        writeFileSync(join(root, "_headers"), headersFile({ scriptHashes, tileOrigin }));
        logger.info(`_headers: ${scriptHashes.length} inline script hash(es) in the Content-Security-Policy`);
      },
    },
  };
}
