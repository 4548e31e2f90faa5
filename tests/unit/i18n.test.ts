import { describe, expect, it } from "vitest";
import {
  continentName,
  countryName,
  formatDateTime,
  formatDuration,
  formatNumber,
  isolate,
} from "../../src/i18n/format.ts";
import { directionOf, messageParts, nativeName, pluralForms, useTranslations } from "../../src/i18n/index.ts";
import { selectLocales } from "../../src/i18n/locales.ts";
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

  it("says how long a mirror lags in one rounded unit: minutes, hours under two days, then days", () => {
    expect(
      [1, 150, 3599, 3600, 10_800, 5400, 170_000, 172_800, 10 * 86_400].map((s) => formatDuration("en", s)),
    ).toEqual(["1 minute", "3 minutes", "1 hour", "1 hour", "3 hours", "2 hours", "47 hours", "2 days", "10 days"]);
  });

  it("leaves values a page isolates as parts of their own, where the translation puts them", () => {
    const values = { duration: "3 hours" };
    expect(messageParts(t, "mirror.lagRepo", values, ["repo", "revision"])).toEqual([
      { value: "repo" },
      { text: " serves revision " },
      { value: "revision" },
      { text: ", 3 hours behind" },
    ]);
    expect(messageParts(t, "lag.behindRepos", { ...values, count: 2 }, ["repo"])).toEqual([
      { text: "3 hours behind: " },
      { value: "repo" },
      { text: " and 2 more" },
    ]);
  });

  it("keeps the default locale at the root", () => {
    expect(localePath("en", paths.country("IS"))).toBe("/countries/is/");
  });
});

describe("other locales", () => {
  it("picks Russian and Arabic plural forms by Intl's rules and formats numbers in the locale", () => {
    const ru = useTranslations("ru");
    expect([1, 3, 5, 21].map((count) => ru("home.counts.countries", { count }))).toEqual([
      "1 страна",
      "3 страны",
      "5 стран",
      "21 страна",
    ]);
    const ar = useTranslations("ar");
    expect(ar("home.counts.mirrors", { count: 2 })).toBe("مرآتان عامتان");
    expect(ar("home.counts.mirrors", { count: 5 })).toBe(`${formatNumber("ar", 5)} مرايا عامة`);
    expect(useTranslations("de")("home.counts.mirrors", { count: 1502 })).toBe("1.502 öffentliche Spiegelserver");
  });

  it("words durations with each language's own plural forms", () => {
    expect(formatDuration("ru", 3 * 3600)).toBe("3 часа");
    expect(formatDuration("ru", 5 * 3600)).toBe("5 часов");
    expect(formatDuration("de", 3600)).toBe("1 Stunde");
    expect(formatDuration("ar", 2 * 86_400)).toBe("يومان");
    expect(useTranslations("fr")("lag.behind", { duration: formatDuration("fr", 10_800) })).toBe(
      "3\u00a0heures de retard",
    );
  });

  it("names countries, continents and languages in the page's language", () => {
    expect(countryName("ja", "DE")).toBe("ドイツ");
    expect(continentName("fr", "EU")).toBe("Europe");
    expect(nativeName("fr")).toBe("Français");
    expect(nativeName("ru")).toBe("Русский");
  });

  it("puts each locale under its lower-case segment and knows Arabic is right to left", () => {
    expect(localePath("pt-BR", paths.mirror("a.example.org"))).toBe("/pt-br/mirrors/a.example.org/");
    expect(localePath("zh-CN", paths.home)).toBe("/zh-cn/");
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ja")).toBe("ltr");
  });

  it("builds a subset of locales from LOCALES, always with the default", () => {
    expect(selectLocales("de,ja")).toEqual(["en", "de", "ja"]);
    expect(selectLocales(undefined)).toHaveLength(10);
    expect(() => selectLocales("xx")).toThrow(/unknown locales: xx/);
  });
});

describe("isolate()", () => {
  it("keeps a Latin value's punctuation with it inside an Arabic sentence", () => {
    const sentence = useTranslations("ar")("mirror.cloud", {
      provider: isolate("aws"),
      regions: isolate("eu-west-1."),
    });
    expect(sentence).toContain("\u2068eu-west-1.\u2069");
    expect(isolate("Bamboozle Web Services Inc.")).toBe("\u2068Bamboozle Web Services Inc.\u2069");
  });
});
