/**
 * The join page's checks speak only once the visitor has done something, and the paste
 * checker: only code in monospace, URLs that wrap at their slashes, and "go to" that brings the
 * caret into the box's view however long the lines before it.
 */
import { expect, test } from "./fixtures.ts";

test("an untouched form shows no errors, only where the checks will appear", async ({ page }) => {
  await page.goto("/join/");
  await expect(page.locator(".check-count")).toHaveText("The checks appear here once you start filling in the form.");
  await expect(page.locator(".check-list li")).toHaveCount(0);
  await expect(page.locator("[aria-invalid]")).toHaveCount(0);
  await page.locator("#join-name").pressSequentially("m");
  await expect(page.locator(".check-list li").first()).toBeVisible();
  await expect(page.locator(".check-count")).toContainText("error");
});

/** A file whose 60 first lines are long comments, then a mistake at line 62. */
const LONG = [
  "---",
  ...Array.from({ length: 60 }, (_, i) => `# ${`note ${i} `.repeat(20)}`),
  "name: mirror.example.org",
  "sponsor_url: example.org/a/rather/long/path/to/the/page/of/the/sponsor/",
  "address:",
  "  https: https://mirror.example.org/almalinux/with/a/rather/long/path/that/wraps/on/a/phone/",
  "update_frequency: 3h",
  "sponsor: Example",
  "email: admin(at)example.net",
  "geolocation:",
  "  country: DE",
  "",
].join("\n");

for (const width of [360, 1280]) {
  test(`the paste checker: code alone in monospace, URLs wrap at slashes, the caret comes into view (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/join/");
    const box = page.getByLabel("Mirror file (YAML)");
    await box.fill(LONG);
    const item = page.locator(".paste-list button", { hasText: "sponsor_url" }).first();
    await expect(item).toBeVisible();
    const fonts = await item.evaluate((button) => ({
      words: getComputedStyle(button).fontFamily,
      code: getComputedStyle(button.querySelector("code") ?? button).fontFamily,
    }));
    expect(fonts.words).not.toMatch(/mono/i);
    expect(fonts.code).toMatch(/mono/i);
    // A URL in a message breaks after its slashes, never inside `//`.
    const url = page.locator(".paste-list code", { hasText: "https://example.org/a/rather/long/path/" }).first();
    const html = await url.evaluate((code) => code.innerHTML);
    expect(html).toContain("https://<wbr>example.org/<wbr>a/<wbr>");
    expect(html).not.toContain(":/<wbr>/");
    const email = page.locator(".paste-list button", { hasText: "email-not-address" });
    await expect(email).toContainText("owner@example.net");

    await item.click();
    await expect(box).toBeFocused();
    const seen = await box.evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      const rect = area.getBoundingClientRect();
      const at = (x: number, y: number) => {
        const position = document.caretPositionFromPoint(x, y);
        return position ? position.offset : -1;
      };
      return {
        caret: area.selectionStart,
        first: at(rect.left + 8, rect.top + 8),
        last: at(rect.right - 12, rect.bottom - 8),
        scrolled: area.scrollTop,
      };
    });
    expect(seen.scrolled).toBeGreaterThan(0);
    expect(seen.caret).toBeGreaterThanOrEqual(seen.first);
    expect(seen.caret).toBeLessThanOrEqual(seen.last);
  });
}
