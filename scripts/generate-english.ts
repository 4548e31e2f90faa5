/**
 * `npm run generate` (this part): writes the English of every diagnostic and checker reason into
 * the site's `src/i18n/locales/en.json`, from the catalogues where alone it is written
 * (`src/core/diagnostic-catalogue.ts`, `src/core/status/reason-catalogue.ts`). The `diagnostic.*`
 * and `reason.*` keys of the file are replaced, in place, by the catalogue's, in its order; every
 * other key stays as it is. A unit test fails while the committed file differs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DIAGNOSTIC_MESSAGES } from "../src/core/diagnostic-catalogue.ts";
import { REASON_MESSAGES } from "../src/core/status/reason-catalogue.ts";

export const ENGLISH_LOCALE_FILE = new URL("../src/i18n/locales/en.json", import.meta.url);

/** The catalogues, each with the key prefix it owns in the locale file. */
const CATALOGUES: [prefix: string, messages: Readonly<Record<string, string>>][] = [
  ["diagnostic.", DIAGNOSTIC_MESSAGES],
  ["reason.", REASON_MESSAGES],
];

/** `en.json`'s text with the catalogues' keys written in, where their first key was (else at the end). */
export function englishLocaleText(current: string): string {
  const strings = JSON.parse(current) as Record<string, string>;
  const out: Record<string, string> = {};
  const written = new Set<string>();
  const writeCatalogue = (prefix: string, messages: Readonly<Record<string, string>>) => {
    if (written.has(prefix)) return;
    written.add(prefix);
    Object.assign(out, messages);
  };
  for (const [key, value] of Object.entries(strings)) {
    const owner = CATALOGUES.find(([prefix]) => key.startsWith(prefix));
    if (owner) writeCatalogue(...owner);
    else out[key] = value;
  }
  for (const catalogue of CATALOGUES) writeCatalogue(...catalogue);
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(ENGLISH_LOCALE_FILE, englishLocaleText(readFileSync(ENGLISH_LOCALE_FILE, "utf8")));
  console.log(`wrote the diagnostic and reason keys of ${ENGLISH_LOCALE_FILE.pathname}`);
}
