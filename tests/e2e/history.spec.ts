/**
 * A mirror's health over time, in a real browser: the site built from the checker's fixture
 * registry with a status report whose history gives `fresh.example.org` a bad day and a broken
 * spell. Its page shows the 30-day availability, the day-by-day strip and the two state changes,
 * in English and in Arabic (right to left), fits a phone, and axe finds nothing to report.
 * Playwright's "history" project builds and serves that site (see `sites.ts`).
 */
import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations, sidewaysOverflow } from "./page-checks.ts";

/** 1,350 of 1,405 checks ok over the 30 days of the fixture. */
const SHARE = 1350 / 1405;

for (const locale of ["en", "ar"] as const) {
  const prefix = locale === "en" ? "" : `/${locale}`;

  test(`the mirror page shows availability, the strip and the changes, and axe is clean (${locale})`, async ({
    page,
  }) => {
    await page.goto(`${prefix}/mirrors/fresh.example.org/`);
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(SHARE);
    const availability = page.locator(".availability");
    await expect(availability.locator("p").first()).toContainText(percent);
    // One bar a day, drawn, with the same thirty days in words for screen readers and print.
    await expect(availability.locator("svg.strip rect.strip-day")).toHaveCount(30);
    await expect(availability.locator(".strip-text li")).toHaveCount(30);
    await expect(page.locator(".changes li")).toHaveCount(2);
    await expect(page.locator(".changes")).toContainText("answered 503");
    // One feed a mirror, in the registry's words, linked from its page in every language.
    const feed = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(feed).toHaveAttribute("href", "/mirrors/fresh.example.org/feed.xml");
    const atom = await page.request.get("/mirrors/fresh.example.org/feed.xml");
    expect(atom.status()).toBe(200);
    expect((await atom.text()).match(/<entry>/g)).toHaveLength(2);
    await expectNoAxeViolations(page);
  });

  test.describe("on a 360 px phone", () => {
    test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    test(`the strip fits (${locale})`, async ({ page }) => {
      await page.goto(`${prefix}/mirrors/fresh.example.org/`);
      await expect(page.locator("svg.strip")).toBeVisible();
      const box = await page.locator("svg.strip").boundingBox();
      expect(box?.width ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(360);
      const { extra, culprit } = await sidewaysOverflow(page);
      expect(extra, culprit).toBeLessThanOrEqual(0);
    });
  });
}

test("the table's status column reads the report", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator('tr[data-mirror="fresh.example.org"]')).toContainText("Up to date");
});
