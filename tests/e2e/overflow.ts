/**
 * How far a page scrolls sideways, measured as a visitor meets it: the scrolling element's
 * `scrollWidth` against its `clientWidth` (not `innerWidth`, which Chromium widens to the
 * content under `isMobile`), and the last element that sticks out, to name in a failure.
 */
import type { Page } from "@playwright/test";

export async function overflow(page: Page): Promise<{ extra: number; culprit: string }> {
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
