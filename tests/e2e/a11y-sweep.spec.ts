/**
 * What `a11y.spec.ts` and `i18n.spec.ts` leave out: axe over the opened map in Arabic and
 * Japanese; the language switcher reached and followed, and the Arabic map opened and moved,
 * with the keyboard alone (no element focused by the test itself).
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations } from "./page-checks.ts";

/** Presses `key` (Tab, or Shift+Tab to go back) until `target` has the focus, at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 60, key = "Tab"): Promise<void> {
  for (let i = 0; i < limit && !(await target.evaluate((e) => e === document.activeElement)); i++) {
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

for (const [locale, prefix] of Object.entries({ ar: "/ar", ja: "/ja" })) {
  test(`axe finds no violation in the opened map (${locale})`, async ({ page }) => {
    await page.goto(`${prefix}/`);
    await page.locator("button.open-map").click();
    await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
    await expect(page.locator(".marker-cluster").first()).toBeVisible();
    await expectNoAxeViolations(page, "mirror-map");
  });
}

test("with the keyboard alone: follow Arabic in the switcher, open and move its map, back to English", async ({
  page,
}) => {
  await page.goto("/?q=southfield");
  const summary = page.locator(".langs summary");
  await tabTo(page, summary);
  await page.keyboard.press("Enter");
  await tabTo(page, page.locator(".langs a[hreflang='ar']"), 15);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ar\/(\?q=southfield)?$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  await tabTo(page, page.locator("button.open-map"));
  await page.keyboard.press("Enter");
  await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
  await tabTo(page, page.locator(".leaflet-container"), 15);
  const pane = page.locator(".leaflet-map-pane");
  const before = await pane.getAttribute("style");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => pane.getAttribute("style")).not.toBe(before);

  // The switcher comes before the map: go back to it.
  await tabTo(page, summary, 60, "Shift+Tab");
  await page.keyboard.press("Enter");
  await tabTo(page, page.locator(".langs a[hreflang='en']"), 15);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/(\?q=southfield)?$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
