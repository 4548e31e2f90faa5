/**
 * The site under its own Content-Security-Policy: the fixture sites are served with the headers
 * of the built `_headers` file's `/*` rule (see `serve-site.ts`), as the CDN serves them, and the
 * suite's `test` fails a page on any console error, which is where a violation is reported.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/** Opens `path`, checking that it came with the site's policy: scripts from our origin and hashed ones only. */
async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
}

test("under the site's Content-Security-Policy the table filters and the map opens, without a violation", async ({
  page,
}) => {
  await open(page, "/");
  await page.getByRole("searchbox", { name: "Search" }).fill("southfield");
  await expect(page.locator("table.mirrors tr[data-mirror]:visible")).toHaveCount(2);
  await page.getByRole("button", { name: "Show the map" }).click();
  await expect(page.locator(".marker-cluster, .leaflet-marker-icon").first()).toBeVisible();
});

test("under the site's Content-Security-Policy the join form writes and checks YAML", async ({ page }) => {
  await open(page, "/join/");
  await page.getByLabel("Host name").fill("mirror.example.org");
  await expect(page.locator("pre.yaml code")).toContainText("name: mirror.example.org");
  await expect(page.locator(".check-list li").first()).toBeVisible();
});
