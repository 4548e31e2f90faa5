import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures.ts";

/*
 * The home page is checked filtered down to two rows: every row has the same markup, and axe
 * over all 502 rows takes longer than 30 s on two cores. The country page checks a full table.
 */
const PAGES = {
  home: "/?q=southfield",
  mirror: "/mirrors/al-mirror.a2hosting.com/",
  "private mirror": "/mirrors/alma-repo.atm.svcs.io/",
  country: "/countries/is/",
  kitten: "/kitten/",
  isos: "/isos/",
  "iso list": "/isos/x86_64/9.8/",
  "not found": "/404/",
};

for (const [kind, path] of Object.entries(PAGES)) {
  test(`axe finds no violation on the ${kind} page`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  });
}

test("axe finds no violation in the opened map", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Show the map" }).click();
  await expect(page.locator(".marker-cluster").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include("mirror-map").analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
});
