import { expect, test } from "./fixtures.ts";
import { sitemapText } from "./sitemap.ts";
import { SITE_FACTS } from "./sites.ts";

test("a mirror page shows its listing, placement, notes and edit link, and never its e-mail", async ({ page }) => {
  await page.goto("/mirrors/al-mirror.a2hosting.com/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("al-mirror.a2hosting.com");
  await expect(page.getByRole("link", { name: "https://al-mirror.a2hosting.com/" })).toBeVisible();
  await expect(page.getByText("Southfield, Michigan, United States")).toBeVisible();
  await expect(page.getByText("Placed on the map at Southfield, Michigan (GeoNames).")).toBeVisible();
  await expect(page.getByRole("link", { name: "A2Hosting", exact: true })).toHaveAttribute(
    "href",
    "https://a2hosting.com/",
  );
  await expect(
    page.getByText("The mirrors were not checked for this version of the site, so whether this one is up to date"),
  ).toBeVisible();
  // The file's path as the build read it: here the fixture's folder, in the real site `mirrors.d/`.
  await expect(page.getByRole("link", { name: /^Edit \S*mirrors\.d\/al-mirror\.a2hosting\.com\.yml/ })).toHaveAttribute(
    "href",
    /^https:\/\/github\.com\/AlmaLinux\/mirrors\/edit\/master\/mirrors\.d\/al-mirror\.a2hosting\.com\.yml$/,
  );
  await expect(page.locator("body")).not.toContainText("sysadmin@a2hosting.com");
});

test("a private mirror has its page, marked private, with the notes on its file", async ({ page }) => {
  await page.goto("/mirrors/alma-repo.atm.svcs.io/");
  await expect(page.getByText("Private mirror")).toBeVisible();
  await expect(page.locator("ul.notes li").first()).toContainText(/line \d+: /);
});

test("a mirror page's notes speak the page's language, with code spans as <code>", async ({ page }) => {
  await page.goto("/de/mirrors/alma-repo.atm.svcs.io/");
  const note = page.locator("ul.notes li").first();
  await expect(note).toContainText(
    /^Zeile \d+: Die Datei hat keine geolocation, daher steht der Spiegelserver unter „Standort unbekannt“/,
  );
  await expect(note.locator("code", { hasText: "geolocation" }).first()).toBeVisible();
  await expect(note).not.toContainText("`");
});

test("a country page lists its public mirrors", async ({ page }) => {
  await page.goto("/countries/de/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mirrors in Germany");
  const rows = page.locator("tr[data-mirror]");
  await expect(rows).toHaveCount(SITE_FACTS.germany);
  for (const location of await rows.locator("td:nth-child(3)").allTextContents()) {
    expect(location).toContain("Germany");
  }
});

test("the Kitten page links to Kitten URLs", async ({ page }) => {
  await page.goto("/kitten/");
  const rows = page.locator("tr[data-mirror]");
  await expect(rows).toHaveCount(SITE_FACTS.kitten);
  const href = await rows.first().locator("td a").first().getAttribute("href");
  expect(href).toMatch(/^(https?|rsync|ftp):\/\//);
});

test("the ISO matrix leads to each mirror's ISO folder of that release", async ({ page }) => {
  await page.goto("/isos/");
  await page.getByRole("link", { name: "9.8 x86_64" }).click();
  await expect(page).toHaveURL(/\/isos\/x86_64\/9\.8\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AlmaLinux 9.8 ISO images for x86_64");
  const link = page.locator('tr[data-mirror="al-mirror.a2hosting.com"]').getByRole("link", { name: "HTTPS" });
  await expect(link).toHaveAttribute("href", "https://al-mirror.a2hosting.com/9.8/isos/x86_64/");
});

test("an unknown address gets the 404 page", async ({ page, request }) => {
  const response = await request.get("/no/such/page/");
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("Page not found");
  await page.goto("/404/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("robots.txt names the sitemap, which lists the pages but no 404 and no redirect", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Sitemap: https:\/\/\S+\/sitemap-index\.xml$/m);
  const sitemap = await sitemapText(request);
  expect(sitemap).toContain("/mirrors/al-mirror.a2hosting.com/</loc>");
  expect(sitemap).toContain("/countries/de/</loc>");
  expect(sitemap).not.toContain("/404/</loc>");
  expect(sitemap).not.toMatch(/\/isos\/[^/]+\/\d+\/<\/loc>/);
});
