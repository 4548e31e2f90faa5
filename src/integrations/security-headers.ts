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
 *
 * This file is the integration alone; the file's text is `headers-file.ts`, the scan of the
 * built pages `inline-scripts.ts`, the record of our components' scripts `component-scripts.ts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { recordComponentScripts } from "./component-scripts.ts";
import { headersFile } from "./headers-file.ts";
import { inlineScripts, reviewInlineScripts, unknownScriptsMessage } from "./inline-scripts.ts";

const UNKNOWN_SCRIPTS_HINT =
  "Find what put them there: registry text rendered with set:html, an is:inline script, an integration. A script of our own belongs in a component's <script>, which Astro bundles.";

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
