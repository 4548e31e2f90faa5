/**
 * Astro integration, the last to run: reads every file of the finished site and fails the build
 * when one holds the contact address (`email`) of any mirror file, valid or not. The validator
 * keeps addresses out of published fields and URLs; this catches whatever path it missed. The
 * error names the output and the mirror files, never the address itself (build logs are public).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { contactIndex, findContacts } from "../core/contact-leaks.ts";
import { escapeLogText } from "../core/log-text.ts";
import { buildModel } from "../site/build-model.ts";

const HINT =
  "Find what printed the mirror file's text there, and publish that field only after the validator refuses addresses in it (src/core/rules/published-text.ts).";

export default function contactLeakCheck(): AstroIntegration {
  return {
    name: "contact-leak-check",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { contacts } = buildModel(logger).registry;
        const index = contactIndex(contacts);
        const leaks: string[] = [];
        let files = 0;
        for (const path of filesUnder(root)) {
          files++;
          const bytes = readFileSync(path);
          // Most files hold no at sign at all: only those are decoded and searched.
          if (!bytes.includes("@") && !bytes.includes("%40")) continue;
          const owners = findContacts(bytes.toString("utf8"), index);
          if (owners.length > 0)
            leaks.push(escapeLogText(`${relative(root, path)}: the contact of ${owners.join(", ")}`));
        }
        if (leaks.length > 0) {
          const error = new AstroError(
            `${leaks.length} output files hold a mirror file's contact address:\n${leaks.slice(0, 20).join("\n")}`,
            HINT,
          );
          // The message names the files; a stack trace of this hook would only bury it.
          error.stack = "";
          throw error;
        }
        logger.info(`${files} output files checked: none holds any of the ${contacts.length} contact addresses`);
      },
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
