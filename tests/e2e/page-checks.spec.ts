/**
 * The shared checks of `page-checks.ts`, tested against pages planted to fail them: a check that
 * cannot fail would pass every spec that uses it.
 */
import { expect, test } from "./fixtures.ts";
import { sidewaysOverflow } from "./page-checks.ts";

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the overflow check catches a page wider than the screen", async ({ page }) => {
    await page.goto("/");
    expect((await sidewaysOverflow(page)).extra).toBeLessThanOrEqual(0);
    await page.evaluate(() => {
      const wide = document.createElement("div");
      wide.className = "planted";
      wide.style.width = "600px";
      wide.style.height = "10px";
      document.querySelector("main")?.append(wide);
    });
    const { extra, culprit } = await sidewaysOverflow(page);
    expect(extra).toBeGreaterThan(200);
    expect(culprit).toContain('class="planted"');
  });
});
