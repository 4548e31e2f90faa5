/**
 * What a walk through the "checked" fixture site found, held fixed: check links that work on the
 * first click, IPv6 addresses that read left to right in Arabic, Copy buttons that never cover
 * their text, and an availability strip whose worst day is as visible as a good one.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

for (const [locale, link] of [
  ["en", "HTTPS URL"],
  ["de", "HTTPS-URL"],
] as const) {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`the first click on a check link focuses its field (${locale}, ${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(locale === "en" ? "/join/" : `/${locale}/join/`);
      await expect(page.locator("copy-code button.copy").first()).toBeVisible();
      const name = page.locator("#join-name");
      // Typed, not blurred: the click on the link is what leaves the field.
      await name.pressSequentially("mirror.example.org");
      await expect(name).toBeFocused();
      const check = page.locator(".check-list").getByRole("link", { name: link, exact: true });
      await expect(check).toHaveAttribute("data-field", "https");
      await check.click();
      await expect(page.locator("#join-https")).toBeFocused();
    });
  }
}

test("Arabic pages render IPv6 addresses left to right", async ({ page }) => {
  await page.goto("/ar/mirrors/mirror.ox.ac.uk/");
  const address = page.locator(".report code.address", { hasText: "2001:db8::10" });
  await expect(address).toHaveText("2001:db8::10");
  const style = await address.evaluate((el) => {
    const css = getComputedStyle(el);
    return { direction: css.direction, bidi: css.unicodeBidi, dir: el.getAttribute("dir") };
  });
  expect(style).toEqual({ direction: "ltr", bidi: "isolate", dir: "ltr" });
  // Drawn in order: the first group left of the last one.
  const order = await address.evaluate((el) => {
    const text = el.firstChild;
    if (!text) return null;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    const first = range.getBoundingClientRect().left;
    range.setStart(text, text.textContent?.length ? text.textContent.length - 2 : 0);
    range.setEnd(text, text.textContent?.length ?? 0);
    return first < range.getBoundingClientRect().left;
  });
  expect(order).toBe(true);
});

/** Every visible Copy button of the page, with the box of the block it copies. */
async function copyButtonOverlaps(page: Page): Promise<string[]> {
  return page.locator("copy-code").evaluateAll((blocks) =>
    blocks.flatMap((block) => {
      const button = block.querySelector("button.copy");
      const pre = block.querySelector("pre");
      if (!button || !pre || (button as HTMLElement).hidden) return [];
      const a = button.getBoundingClientRect();
      const b = pre.getBoundingClientRect();
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return overlap ? [pre.getAttribute("aria-label") ?? "?"] : [];
    }),
  );
}

for (const locale of ["en", "ar"] as const) {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`no Copy button covers its text (${locale}, ${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const prefix = locale === "en" ? "" : `/${locale}`;
      for (const path of ["/join/", "/mirrors/mirror.ox.ac.uk/"]) {
        await page.goto(`${prefix}${path}`);
        await expect(page.locator("copy-code button.copy").first()).toBeVisible();
        expect(await page.locator("copy-code button.copy:visible").count()).toBeGreaterThan(1);
        expect(await copyButtonOverlaps(page), path).toEqual([]);
      }
    });
  }
}

test("the join guide gives the Kitten command and its crontab line one Copy button each", async ({ page }) => {
  await page.goto("/join/");
  const sync = page.getByLabel("AlmaLinux Kitten (optional)", { exact: true });
  const cron = page.getByLabel("Crontab line for Kitten", { exact: true });
  await expect(sync).toHaveText(/^\/usr\/bin\/rsync .*almalinux-kitten\/$/);
  await expect(cron).toHaveText(/^0 \*\/3 \* \* \* sleep/);
});

for (const locale of ["en", "ar"] as const) {
  test(`the strip's worst day stands as tall as a good day, its numbers in plain sight (${locale})`, async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await page.goto(`${locale === "en" ? "" : `/${locale}`}/mirrors/mirror.ox.ac.uk/`);
    const strip = page.locator("svg.strip");
    // A good day: all green; the worst day (0 of 48 ok): all failed, in red.
    const good = await strip.locator("rect.strip-ok").first().boundingBox();
    const worst = await strip.locator("rect.strip-bad[data-failed]").first().boundingBox();
    expect(good?.height ?? 0).toBeGreaterThan(10);
    expect(worst?.height ?? 0).toBeGreaterThanOrEqual(good?.height ?? Number.POSITIVE_INFINITY);
    // The numbers, without hovering anything.
    const badDays = page.locator(".strip-bad-days li");
    await expect(badDays).toHaveCount(2);
    await expect(badDays.first()).toBeVisible();
    const figures = new Intl.NumberFormat(locale).format(48);
    await expect(badDays.first()).toContainText(figures);
  });
}
