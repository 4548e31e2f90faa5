/**
 * Layouts that fit a 360 px phone in every kind of locale (Latin, long German words, Cyrillic,
 * right to left), and Latin values isolated from the Arabic text around them.
 */
import { expect, test } from "./fixtures.ts";
import { sidewaysOverflow } from "./page-checks.ts";
import { SITE_FACTS } from "./sites.ts";

/** One page of each type; the mirror pages are the real registry's longest URL, name and sponsor (copied into the fixture). */
const PAGES = [
  "/",
  "/mirrors/mirrorservice.org/",
  "/mirrors/almalinux.mirror.archettitechnology.it/",
  "/mirrors/nic.funet.fi/",
  "/mirrors/pkgs.interlinx.bc.ca/",
  "/countries/de/",
  "/kitten/",
  "/isos/",
  "/isos/x86_64/9.8/",
  "/join/",
  "/404/",
];

const PREFIXES = { en: "", de: "/de", ru: "/ru", ar: "/ar" };
const ROWS = "table.mirrors tr[data-mirror]";

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const [locale, prefix] of Object.entries(PREFIXES)) {
    test(`no page scrolls sideways (${locale})`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of PAGES) {
        await page.goto(`${prefix}${path}`);
        await expect(page.locator("main h1")).toBeVisible();
        const { extra, culprit } = await sidewaysOverflow(page);
        expect.soft(extra, `${prefix}${path} is ${extra}px too wide: ${culprit}`).toBeLessThanOrEqual(0);
      }
    });
  }
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const [locale, prefix] of Object.entries({ en: "", ar: "/ar" })) {
    test(`no page scrolls sideways, the table's columns wrap instead (${locale})`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of PAGES) {
        await page.goto(`${prefix}${path}`);
        await expect(page.locator("main h1")).toBeVisible();
        const { extra, culprit } = await sidewaysOverflow(page);
        expect.soft(extra, `${prefix}${path} is ${extra}px too wide: ${culprit}`).toBeLessThanOrEqual(0);
      }
    });
  }
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the cards keep a bar of sort buttons", async ({ page }) => {
    await page.goto("/");
    const label = await page
      .locator("table.mirrors thead tr")
      .evaluate((tr) => getComputedStyle(tr, "::before").content);
    expect(label).toBe('"Sort by:"');
    const byName = page.getByRole("button", { name: "Mirror" });
    await expect(byName).toBeVisible();
    await byName.tap();
    await expect(page.getByRole("columnheader", { name: /Mirror/ })).toHaveAttribute("aria-sort", "ascending");
    const names = await page.locator(`${ROWS}:visible th`).allTextContents();
    expect(names).toEqual([...names].sort((a, b) => new Intl.Collator("en", { numeric: true }).compare(a, b)));
  });

  test("a search leaves only the cards and headings of what it found", async ({ page }) => {
    await page.goto("/?q=frankfurt");
    await expect(page.locator(`${ROWS}:visible`).first()).toBeVisible();
    await expect(page.locator("tr.g:visible th")).toHaveText(["Europe"]);
    await expect(page.locator("tr.g2:visible th")).toHaveText(["Germany"]);
  });

  for (const [locale, prefix] of Object.entries(PREFIXES)) {
    test(`the search hint is not cut off (${locale})`, async ({ page }) => {
      await page.goto(`${prefix}/`);
      const search = page.getByRole("searchbox");
      await expect(search).toBeVisible();
      const { text, room } = await search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input, "::placeholder");
        const context = document.createElement("canvas").getContext("2d");
        if (context) context.font = `${style.fontSize} ${style.fontFamily}`;
        const own = getComputedStyle(input);
        const padding = Number.parseFloat(own.paddingInlineStart) + Number.parseFloat(own.paddingInlineEnd);
        return { text: context?.measureText(input.placeholder).width ?? 0, room: input.clientWidth - padding };
      });
      expect(text).toBeGreaterThan(0);
      expect(text).toBeLessThanOrEqual(room);
    });
  }
});

test("in Arabic, URLs, subnets, host and sponsor names read left to right, isolated", async ({ page }) => {
  await page.goto("/ar/mirrors/pkgs.interlinx.bc.ca/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const direction = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).direction);
  const isolation = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).unicodeBidi);
  for (const selector of ["main dl a.mono", "code[data-subnets]", "h1 .mono"]) {
    expect(await direction(selector), selector).toBe("ltr");
    expect(await isolation(selector), selector).toBe("isolate");
  }
  await expect(page.locator("main dl dd bdi").first()).toHaveText(/\S/);

  await page.goto("/ar/?q=almalinux.mirror.ae.bamboozle.me");
  const row = page.locator(`${ROWS}:visible`).first();
  await expect(row.locator("td").first()).toHaveText("Bamboozle Web Services Inc.");
  expect(await row.locator("th a").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  expect(await row.locator("th a").evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  // One link, to the address a browser opens, then the other protocols by name, apart.
  const protocols = row.locator("td:nth-child(4)");
  await expect(protocols.getByRole("link")).toHaveText(["HTTPS"]);
  await expect(protocols).toHaveText("HTTPS HTTP");
});

test('a lone country code finds that country\'s mirrors only: "de" is Germany, not Bangladesh', async ({ page }) => {
  await page.goto("/?q=de");
  const shown = page.locator(`${ROWS}:visible`);
  await expect(shown.first()).toBeVisible();
  const germany = await page.locator('tbody[data-k^="de "] tr[data-mirror]').count();
  expect(germany).toBe(SITE_FACTS.germany);
  await expect(shown).toHaveCount(germany);
  await expect(page.locator("tbody:visible tr.g2 th")).toHaveText(["Germany"]);
  // Two words are words again.
  await page.getByRole("searchbox").fill("de frankfurt");
  await expect(shown.first()).toBeVisible();
});

test("switching the language keeps the search; the globe is a drawing, not an emoji", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".langs summary svg")).toBeVisible();
  await page.getByRole("searchbox").fill("frankfurt");
  await expect(page).toHaveURL(/\?q=frankfurt$/);
  await page.locator(".langs summary").click();
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(/\/de\/\?q=frankfurt$/);
  await expect(page.getByRole("searchbox")).toHaveValue("frankfurt");
  await expect(page.locator(`${ROWS}:visible`).first()).toContainText("Frankfurt");
});
