import { describe, expect, it } from "vitest";
import { continentName, countryName, formatDateTime } from "../../src/i18n/format.ts";
import { pluralForms, useTranslations } from "../../src/i18n/index.ts";
import { localePath, paths } from "../../src/i18n/paths.ts";

const t = useTranslations("en");

describe("t()", () => {
  it("interpolates, picks plural forms and formats counts", () => {
    expect(t("home.counts.mirrors", { count: 1 })).toBe("1 public mirror");
    expect(t("home.counts.mirrors", { count: 1502 })).toBe("1,502 public mirrors");
    expect(t("country.title", { country: "Iceland" })).toBe("Mirrors in Iceland");
  });

  it("leaves escaping to Astro, which escapes every text it renders", () => {
    expect(t("country.title", { country: "<b>" })).toBe("Mirrors in <b>");
  });

  it("rejects a key English does not have at type-check time", () => {
    // @ts-expect-error: not a key of en.json
    expect(t("no.such.key")).toBe("no.such.key");
  });

  it("hands the browser every plural form of a key", () => {
    expect(pluralForms("en", "filter.shown")).toEqual({
      one: "{{count, number}} of {{total, number}} mirrors shown",
      other: "{{count, number}} of {{total, number}} mirrors shown",
    });
  });
});

describe("names, dates and paths", () => {
  it("names countries and continents through Intl", () => {
    expect(countryName("en", "DE")).toBe("Germany");
    expect(continentName("en", "EU")).toBe("Europe");
    expect(continentName("en", "NA")).toBe("North America");
  });

  it("prints times in UTC so builds of the same data agree", () => {
    expect(formatDateTime("en", "2026-07-15T10:05:00Z")).toBe("Jul 15, 2026, 10:05 AM UTC");
  });

  it("keeps the default locale at the root", () => {
    expect(localePath("en", paths.country("IS"))).toBe("/countries/is/");
  });
});
