/**
 * Astro integration, the last to run: reads every file of the finished site and fails the build
 * when one holds the contact address (`email`) of any mirror file, valid or not. The validator
 * keeps addresses out of published fields and URLs; this catches whatever path it missed. The
 * error names the output and the mirror files, never the address itself (build logs are public).
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { escapeLogText } from "../core/log-text.ts";
import { buildModel } from "../site/build-model.ts";
import { contactLeaksUnder } from "../site/contact-leaks-in-files.ts";

const HINT =
  "Find what printed the mirror file's text there, and publish that field only after the validator refuses addresses in it (src/core/rules/published-text.ts).";

export default function contactLeakCheck(): AstroIntegration {
  return {
    name: "contact-leak-check",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const { contacts } = buildModel(logger).registry;
        const started = performance.now();
        const { files, leaks } = contactLeaksUnder(fileURLToPath(dir), contacts);
        if (leaks.length > 0) {
          const error = new AstroError(
            `${leaks.length} output files hold a mirror file's contact address:\n${leaks.slice(0, 20).map(escapeLogText).join("\n")}`,
            HINT,
          );
          // The message names the files; a stack trace of this hook would only bury it.
          error.stack = "";
          throw error;
        }
        const ms = Math.round(performance.now() - started);
        logger.info(
          `${files} output files checked in ${ms} ms: none holds any of the ${contacts.length} contact addresses`,
        );
      },
    },
  };
}
