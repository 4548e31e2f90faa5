/**
 * The checks many specs make of a page, written once so that each means the same everywhere:
 * axe finds no violation, and the page does not scroll sideways.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

/** Fails with each violation's rule, count and help when axe finds any on `page` (or within `include`). */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
}

/**
 * How many CSS pixels the page scrolls sideways, and the last element that sticks out. Measured
 * against the root's `clientWidth` (the layout viewport), never `innerWidth`: under `isMobile`
 * Chromium widens the visual viewport to a page wider than the screen, so `innerWidth` grows
 * with the overflow and a check against it can never fail.
 */
export async function sidewaysOverflow(page: Page): Promise<{ extra: number; culprit: string }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const rtl = getComputedStyle(root).direction === "rtl";
    let culprit = "";
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      // The skip link waits off screen on the start side, where nothing scrolls.
      const out = rtl ? box.left < -0.5 : box.right > width + 0.5;
      if (box.width > 0 && out && !el.closest(".skip")) {
        culprit = `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.textContent ?? "").slice(0, 50)}`;
      }
    }
    return { extra: root.scrollWidth - width, culprit };
  });
}
