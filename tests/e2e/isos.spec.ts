import { expect, test } from "./fixtures.ts";
import { SITE_FACTS } from "./sites.ts";

const rows = "table.mirrors tr[data-mirror]";

test("a major version's ISO path leads to the current minor's page", async ({ page }) => {
  await page.goto("/isos/aarch64/9/");
  await expect(page).toHaveURL(/\/isos\/aarch64\/9\.8\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AlmaLinux 9.8 ISO images for aarch64");
});

test("a major version's ISO path leads to the current minor's page in another locale, with a link to follow", async ({
  page,
  request,
}) => {
  const html = await (await request.get("/ja/isos/x86_64/10/")).text();
  expect(html).toContain('<a href="/ja/isos/x86_64/10.2/">');
  await page.goto("/ja/isos/x86_64/10/");
  await expect(page).toHaveURL(/\/ja\/isos\/x86_64\/10\.2\/$/);
});

test("without a status report an ISO page names no file by rule, and says how to check with CHECKSUM", async ({
  page,
}) => {
  // A static host (this suite's server) has no worker: the block asks, gets the static empty
  // list, and stays hidden, with nothing in the console (the suite's fixture checks that).
  const nearest = page.waitForResponse((response) => response.url().endsWith("/nearest/isos/aarch64/9.8"));
  await page.goto("/isos/aarch64/9.8/");
  expect((await nearest).status()).toBe(200);
  await expect(page.getByText("The origin's CHECKSUM was not read for this version of the site")).toBeVisible();
  await expect(page.locator("table.files")).toHaveCount(0);
  await expect(page.getByText("9.8/isos/aarch64/", { exact: true })).toBeVisible();
  await expect(page.getByText("gpg --verify CHECKSUM")).toBeVisible();
  await expect(page.getByText("sha256sum --ignore-missing -c CHECKSUM")).toBeVisible();
  // The stable download URL needs a file name from the origin's CHECKSUM.
  await expect(page.getByText("curl -LO")).toHaveCount(0);
  await expect(page.locator("nearest-mirrors")).toBeHidden();
});

test("without a status report an ISO page says that nothing was checked and claims no folder", async ({ page }) => {
  await page.goto("/isos/s390x/8.10/");
  await expect(page.getByText("The mirrors were not checked for this version of the site")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/mirrors? ha(s|ve) the ISO folder/);
  await expect(page.getByRole("columnheader", { name: /ISO files|Status/ })).toHaveCount(0);
});

test("an ISO page lists the mirrors by continent and country, with the home page's search and protocol links", async ({
  page,
}) => {
  await page.goto("/isos/x86_64/9.8/");
  await expect(page.locator(rows)).toHaveCount(SITE_FACTS.publicMirrors);
  await expect(page.locator("tbody.g th").first()).toHaveText("Africa");
  const row = page.locator(`${rows}[data-mirror="al-mirror.a2hosting.com"]`);
  await expect(row.getByRole("link", { name: "HTTPS" })).toHaveAttribute(
    "href",
    "https://al-mirror.a2hosting.com/9.8/isos/x86_64/",
  );
  await expect(row.getByRole("link", { name: "al-mirror.a2hosting.com" })).toHaveAttribute(
    "href",
    "/mirrors/al-mirror.a2hosting.com/",
  );
  await page.getByRole("searchbox", { name: "Search" }).fill("southfield");
  await expect(page.locator(`${rows}:visible`)).toHaveCount(2);
  await expect(page).toHaveURL(/\/isos\/x86_64\/9\.8\/\?q=southfield$/);
  await page.getByLabel("Protocol").selectOption("http");
  await expect.poll(() => page.locator(`${rows}:visible`).count()).toBeGreaterThan(0);
  const shown = await page.locator(`${rows}:visible td:nth-child(4)`).allTextContents();
  // The fourth cell names the protocols: "HTTP" must be one of them, not part of "HTTPS".
  for (const protocols of shown) expect(protocols.split(" ")).toContain("HTTP");
});
