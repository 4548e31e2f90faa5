/** Small things from the walk: a host name as a title breaks at its dots; the map button keeps its distance. */
import { expect, test } from "./fixtures.ts";

test("on a phone, a long mirror name in the title breaks only after a dot", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/mirrors/almalinux.mirrors.itworxx.de/");
  const title = page.locator("h1 .host-name");
  await expect(title).toHaveText("almalinux.mirrors.itworxx.de");
  const breaks = await title.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const chars: { char: string; top: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        chars.push({ char: text[i] ?? "", top: Math.round(range.getBoundingClientRect().top) });
      }
    }
    // The character before each new line.
    return chars.flatMap((c, i) => (i > 0 && c.top > (chars[i - 1]?.top ?? 0) ? [chars[i - 1]?.char] : []));
  });
  expect(breaks.length).toBeGreaterThan(0);
  expect(breaks.every((c) => c === ".")).toBe(true);
});

for (const width of [360, 1280]) {
  test(`"Show the map" does not touch the words beside it (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    const button = await page.getByRole("button", { name: "Show the map" }).boundingBox();
    // The words' first line box: the span wraps on a phone.
    const words = await page
      .locator("mirror-map > p > .muted")
      .first()
      .evaluate((el) => {
        const first = el.getClientRects()[0];
        return first ? { x: first.x, y: first.y } : null;
      });
    if (!button || !words) throw new Error("the map's button and its words must be drawn");
    const sideBySide = Math.abs(button.y - words.y) < button.height / 2;
    const gap = sideBySide ? words.x - (button.x + button.width) : words.y - (button.y + button.height);
    expect(gap).toBeGreaterThanOrEqual(sideBySide ? 8 : 2);
  });
}
