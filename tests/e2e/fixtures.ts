/**
 * The suite's `test`: every page it opens is watched, and a test fails when the page logged a
 * console error, threw, or asked any host other than the site's own for anything.
 */
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ watch: undefined }>({
  watch: [
    async ({ page, baseURL }, use) => {
      const own = new URL(baseURL ?? "http://127.0.0.1").host;
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol !== "data:" && url.host !== own) problems.push(`request to ${url.href}`);
      });
      await use(undefined);
      expect(problems, "console errors, page errors and foreign requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
