/**
 * The site in every language: each locale's pages, its search, the language switcher, Arabic's
 * right-to-left layout, and axe on the Arabic and Japanese home pages. Loops over the locales
 * inside a few tests so the suite stays short.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { sitemapText } from "./sitemap.ts";
import { SITE_FACTS } from "./sites.ts";

const LOCALES = ["en", "de", "fr", "es", "pt-BR", "ru", "ja", "zh-CN", "id", "ar"] as const;
type Locale = (typeof LOCALES)[number];

const messages = (locale: Locale): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${locale}.json`, import.meta.url), "utf8"));

/** The page text of `key` in `locale`, as the site writes it (plural form, numbers by Intl). */
function text(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const all = messages(locale);
  const count = values.count;
  const message = typeof count === "number" ? all[`${key}_${new Intl.PluralRules(locale).select(count)}`] : all[key];
  if (message === undefined) throw new Error(`${locale} has no ${key}`);
  return message.replace(/\{\{(\w+)(, *number)?\}\}/g, (_, name: string, number?: string) => {
    const value = values[name] ?? "";
    return number && typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : String(value);
  });
}

const prefix = (locale: Locale): string => (locale === "en" ? "" : `/${locale.toLowerCase()}`);
const country = (locale: Locale, code: string): string =>
  new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
const rows = "table.mirrors tr[data-mirror]";

async function expectLanguage(page: Page, locale: Locale): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
}

// Two halves of the locales, so that the two workers share the ten heavy home pages.
for (const half of [LOCALES.slice(0, 5), LOCALES.slice(5)]) {
  test(`the home page in ${half.join(", ")} is translated and its search finds mirrors by the localized country name`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    for (const locale of half) {
      await page.goto(`${prefix(locale)}/`);
      await expectLanguage(page, locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(locale, "home.title"));
      await expect(page.locator(".counts li").first()).toHaveText(
        text(locale, "home.counts.mirrors", { count: SITE_FACTS.publicMirrors }),
      );
      await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(LOCALES.length + 1);
      await expect(page.locator('link[hreflang="x-default"]')).toHaveAttribute("href", /\/\/[^/]+\/$/);
      // Japanese and Chinese sentences follow each other with no space; the others with one.
      const footer = (await page.locator("footer p").textContent()) ?? "";
      const source = text(locale, "footer.source");
      expect(footer).toContain(locale === "ja" || locale === "zh-CN" ? `。${source}` : ` ${source}`);
      const iceland = country(locale, "IS");
      await page.getByRole("searchbox").fill(iceland);
      const shown = page.locator(`${rows}:visible`);
      await expect(shown.first()).toBeVisible();
      for (const place of await shown.locator("td:nth-child(3)").allTextContents()) expect(place).toContain(iceland);
      await expect(page.getByRole("status")).toHaveText(
        text(locale, "filter.shown", { count: await shown.count(), total: SITE_FACTS.publicMirrors }),
      );
    }
  });
}

test("every locale has its mirror and country pages, and the switcher keeps the page", async ({ page }) => {
  test.setTimeout(60_000);
  for (const locale of LOCALES) {
    await page.goto(`${prefix(locale)}/mirrors/al-mirror.a2hosting.com/`);
    await expectLanguage(page, locale);
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(text(locale, "mirror.urls"));
    await expect(page.getByRole("link", { name: country(locale, "US"), exact: true })).toHaveAttribute(
      "href",
      `${prefix(locale)}/countries/us/`,
    );
    await page.goto(`${prefix(locale)}/countries/de/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      text(locale, "country.title", { country: country(locale, "DE") }),
    );
    await expect(page.locator(rows)).toHaveCount(SITE_FACTS.germany);
  }
  // With the keyboard alone: open the switcher, follow a language, land on the same page.
  await page.goto("/de/mirrors/al-mirror.a2hosting.com/");
  await page.locator(".langs summary").focus();
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: "日本語" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ja\/mirrors\/al-mirror\.a2hosting\.com\/$/);
  await expectLanguage(page, "ja");
  await page.locator(".langs summary").click();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/mirrors\/al-mirror\.a2hosting\.com\/$/);
});

test("the sitemap lists every page in every locale with its translations; a locale's 404 page is translated", async ({
  page,
  request,
}) => {
  const sitemap = await sitemapText(request);
  for (const locale of LOCALES) {
    expect(sitemap).toContain(`${prefix(locale)}/mirrors/al-mirror.a2hosting.com/</loc>`);
    expect(sitemap).toContain(`${prefix(locale)}/join/</loc>`);
    expect(sitemap).toContain(`hreflang="${locale}" href="https://mirrors.almalinux.org${prefix(locale)}/join/"`);
  }
  await page.goto("/ru/404/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("ru", "notFound.title"));
});

test("Arabic reads right to left: header, table and map controls are mirrored", async ({ page }) => {
  await page.goto("/ar/?q=southfield");
  const first = await page.locator("table.mirrors thead th").first().boundingBox();
  const last = await page.locator("table.mirrors thead th").last().boundingBox();
  expect(first && last && first.x > last.x).toBe(true);
  const cell = await page.locator(`${rows}:visible th`).first().boundingBox();
  const table = await page.locator("table.mirrors").boundingBox();
  expect(cell && table && Math.abs(cell.x + cell.width - (table.x + table.width))).toBeLessThan(2);
  const brand = await page.locator(".brand").boundingBox();
  const nav = await page.locator(".top nav").boundingBox();
  expect(brand && nav && brand.x > nav.x).toBe(true);
  await page.getByRole("button", { name: text("ar", "map.show") }).click();
  await expect(page.locator(".leaflet-top.leaflet-right .leaflet-control-zoom")).toBeVisible();
  await expect(page.locator(".leaflet-bottom.leaflet-left .leaflet-control-attribution")).toBeVisible();
});
