import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";

/** The site-wide headers of the built `_headers` (the `/*` rule). */
function siteHeaders(): Record<string, string> {
  const text = readFileSync(`${process.env.E2E_DIST ?? "dist"}/_headers`, "utf8");
  const block = text.split(/\n(?=\S)/).find((b) => b.startsWith("/*\n")) ?? "";
  return Object.fromEntries(
    block
      .split("\n")
      .slice(1)
      .map((line) => /^\s+([A-Za-z-]+): (.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]?.toLowerCase() ?? "", m[2] ?? ""]),
  );
}

test.beforeEach(async ({ page }) => {
  // `astro preview` does not read `_headers`; serve every page with them as the CDN would.
  const headers = siteHeaders();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
});

test("under the site's Content-Security-Policy the table filters and the map opens, without a violation", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill("southfield");
  await expect(page.locator("table.mirrors tr[data-mirror]:visible")).toHaveCount(2);
  await page.getByRole("button", { name: "Show the map" }).click();
  await expect(page.locator(".marker-cluster, .leaflet-marker-icon").first()).toBeVisible();
});

test("under the site's Content-Security-Policy the join form writes and checks YAML", async ({ page }) => {
  await page.goto("/join/");
  await page.getByLabel("Host name").fill("mirror.example.org");
  await expect(page.locator("pre.yaml code")).toContainText("name: mirror.example.org");
  await expect(page.locator(".check-list li").first()).toBeVisible();
});
