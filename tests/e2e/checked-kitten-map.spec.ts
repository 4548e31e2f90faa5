/**
 * The Kitten page has the home page's table, with each mirror's Kitten state, search and sort;
 * the map's popups say each mirror's health.
 */
import { expect, test } from "./fixtures.ts";
import { SITE_FACTS } from "./sites.ts";

test("the Kitten page shows the Kitten state of each mirror, with search and sort", async ({ page }) => {
  await page.goto("/kitten/");
  const rows = page.locator("tr[data-mirror]");
  await expect(rows).toHaveCount(SITE_FACTS.kitten);
  await expect(page.locator('tr[data-mirror="mirror.spectraip.net"]')).toContainText("Up to date");
  await expect(page.locator('tr[data-mirror="mirror.diyarciftci.xyz"]')).toContainText("Broken");
  await expect(page.locator('tr[data-mirror="mirrors.binaryracks.com"]')).toContainText("not checked yet");
  // Its links lead to the Kitten tree, not the main one.
  const https = page.locator('tr[data-mirror="mirror.netzwerge.de"]').getByRole("link", { name: "HTTPS" });
  await expect(https).toHaveAttribute("href", "https://mirror.netzwerge.de/almalinux-kitten/");

  const search = page.getByRole("searchbox");
  await search.fill("spectraip");
  await expect(page.locator("tr[data-mirror]:visible")).toHaveCount(1);
  await search.fill("");
  await expect(page.locator("tr[data-mirror]:visible")).toHaveCount(SITE_FACTS.kitten);
  const status = page.getByRole("columnheader", { name: /^Status/ });
  await status.getByRole("button").click();
  await expect(status).toHaveAttribute("aria-sort", /^(ascending|descending)$/);
});

for (const [country, health] of [
  ["is", "Outdated"],
  ["ma", "not checked yet"],
] as const) {
  test(`a map popup says the mirror's health (${country}: ${health})`, async ({ page }) => {
    await page.goto(`/countries/${country}/`);
    const map = page.getByRole("region", { name: "Map of the mirrors" });
    const marker = map.locator(".map-pin").first();
    await expect(marker).toBeVisible();
    await marker.focus();
    await page.keyboard.press("Enter");
    const popup = map.locator(".map-popup");
    await expect(popup).toBeVisible();
    await expect(popup.locator("[data-health]")).toContainText(`Status: `);
    await expect(popup.locator("[data-health]")).toContainText(health);
  });
}
