/**
 * Key parity: every locale has exactly the keys English defines, with the plural forms its own
 * plural rules need (`Intl.PluralRules`): no key missing, none extra, none left empty.
 */
import { describe, expect, it } from "vitest";
import { ALL_LOCALES, DEFAULT_LOCALE, type Locale, RESOURCES } from "../../src/i18n/index.ts";

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys `locale` must have: English's plain keys, and each plural key in `locale`'s forms. */
function expectedKeys(locale: Locale): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(RESOURCES[DEFAULT_LOCALE])) {
    const base = key.replace(PLURAL, "");
    if (base === key) keys.add(key);
    else for (const category of categories) keys.add(`${base}_${category}`);
  }
  return [...keys].sort();
}

/** The `{{name}}` placeholders of a message, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? "").sort();
}

describe.each(ALL_LOCALES)("%s", (locale) => {
  const messages = RESOURCES[locale];

  it("has exactly English's keys, with its own plural forms", () => {
    const keys = Object.keys(messages).sort();
    const expected = expectedKeys(locale);
    expect({
      missing: expected.filter((k) => !(k in messages)),
      extra: keys.filter((k) => !expected.includes(k)),
    }).toEqual({ missing: [], extra: [] });
  });

  it("fills every message and keeps English's placeholders", () => {
    const english = RESOURCES[DEFAULT_LOCALE];
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), key).not.toBe("");
      const base = key.replace(PLURAL, "");
      const source = english[key] ?? english[`${base}_other`] ?? "";
      // A plural form may leave the count out ("a mirror" rather than "1 mirror"), nothing else.
      const wanted = placeholders(source).filter(
        (name) => name !== "count" || !PLURAL.test(key) || /\{\{count\b/.test(text),
      );
      expect(placeholders(text), key).toEqual(wanted);
    }
  });
});
