/**
 * Hostile data, in a real browser: the site built from `tests/fixtures/hostile/` (every free-text
 * field carries HTML, script and attribute-breaking payloads that call `alert`) runs no injected
 * script on any page, in English and Arabic, and no link carries a non-web scheme. The spec
 * builds that site itself and serves it from its own loopback server.
 */
import { expect, type Page, test } from "@playwright/test";
import { buildFixtureSite, type FixtureSite } from "./fixture-site.ts";

let site: FixtureSite;

// Room for waiting on another spec's fixture build, then for this one.
test.describe.configure({ mode: "serial", timeout: 480_000 });

test.beforeAll(async () => {
  site = await buildFixtureSite("hostile", {
    LOCALES: "en,ar",
    MIRRORS_DIR: "tests/fixtures/hostile/mirrors.d",
    MIRRORS_CONFIG: "tests/fixtures/hostile/config.yml",
  });
});

test.afterAll(async () => {
  await site?.close();
});

/** Opens `path`, failing on any dialog (every payload calls `alert`) or page error. */
async function visit(page: Page, path: string, problems: string[]): Promise<void> {
  const url = `${site.origin}${path}`;
  // The ISO pages of a major version send the reader on to the current minor by a meta refresh:
  // wait until it has, and read the page it leads to, rather than one being replaced.
  const served = await (await page.request.get(url)).text();
  await page.goto(url);
  if (served.includes('http-equiv="refresh"')) {
    await page.waitForURL((to) => to.pathname !== path);
    await page.waitForLoadState("load");
  }
  const schemes = await page.$$eval("[href], [src], [action]", (elements) =>
    elements.flatMap((e) =>
      ["href", "src", "action"].map((name) => e.getAttribute(name)).filter((v): v is string => v !== null),
    ),
  );
  for (const value of schemes) {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (scheme && !["http", "https", "rsync", "ftp", "data"].includes(scheme)) problems.push(`${path}: ${value}`);
    if (scheme === "data" && !value.startsWith("data:image/")) problems.push(`${path}: ${value}`);
  }
}

test("no injected script runs on any page of the hostile site, and no link has a non-web scheme", async ({ page }) => {
  const problems: string[] = [];
  page.on("dialog", async (dialog) => {
    problems.push(`dialog on ${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  expect(site.pages.length).toBeGreaterThan(20);
  expect(site.pages).toContain("/ar/");
  for (const path of site.pages) await visit(page, path, problems);
  expect(problems).toEqual([]);
});
