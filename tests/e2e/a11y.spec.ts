import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations } from "./page-checks.ts";

/*
 * The home and ISO pages are checked filtered down to two rows: every row has the same markup, and axe
 * over every row is slow on two busy cores. The country page checks a full table. The home page is
 * checked with its language switcher open; the English join page is checked in join.spec.ts, with
 * its advanced fields open and the checks of a pasted file shown.
 */
const PAGES = {
  home: "/?q=southfield",
  mirror: "/mirrors/al-mirror.a2hosting.com/",
  "private mirror": "/mirrors/alma-repo.atm.svcs.io/",
  country: "/countries/is/",
  kitten: "/kitten/",
  isos: "/isos/",
  "iso list": "/isos/x86_64/9.8/?q=southfield",
  join: "/join/",
  "not found": "/404/",
};

/** English at the root, Arabic (right to left) and Japanese under their prefixes. */
const LOCALE_PREFIXES = { en: "", ar: "/ar", ja: "/ja" };

for (const [locale, prefix] of Object.entries(LOCALE_PREFIXES)) {
  for (const [kind, path] of Object.entries(PAGES)) {
    if (kind === "join" && locale === "en") continue;
    test(`axe finds no violation on the ${kind} page (${locale})`, async ({ page }) => {
      await page.goto(`${prefix}${path}`);
      if (kind === "home") await page.locator(".langs summary").click();
      await expectNoAxeViolations(page);
    });
  }
}

test("axe finds no violation in the opened map", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Show the map" }).click();
  await expect(page.locator(".marker-cluster").first()).toBeVisible();
  await expectNoAxeViolations(page, "mirror-map");
});

test("with the keyboard alone: search, filter by protocol, open the map and move it", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search" });
  for (let i = 0; i < 40 && !(await search.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(search).toBeFocused();
  await page.keyboard.type("germany");
  const rows = page.locator("table.mirrors tr[data-mirror]:visible");
  const german = await rows.count();
  expect(german).toBeGreaterThan(5);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Protocol")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => rows.count()).toBeLessThan(german);

  const open = page.getByRole("button", { name: "Show the map" });
  await open.focus();
  await page.keyboard.press("Enter");
  const map = page.locator(".leaflet-container");
  await expect(page.locator(".marker-cluster").first()).toBeVisible();
  await map.focus();
  const before = await page.locator(".leaflet-map-pane").getAttribute("style");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => page.locator(".leaflet-map-pane").getAttribute("style")).not.toBe(before);
});
