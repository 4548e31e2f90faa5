/**
 * The Data page lists every machine-readable file the build publishes, each link answers, and
 * every page links to it; the home page says why its count differs from the exports'.
 */

import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations } from "./page-checks.ts";
import { SITE_FACTS } from "./sites.ts";

const OUTPUTS = [
  "/exports/mirrors.csv",
  "/exports/mirrors.json",
  "/mirrorlist/v1.json",
  "/mirrorlist/10/baseos",
  "/status/v1.json",
  "/status/feed.xml",
];
const SCHEMAS = ["/exports/mirrors.schema.json", "/mirrorlist/v1.schema.json", "/status/v1.schema.json"];

for (const prefix of ["", "/de", "/ar"]) {
  test(`the Data page lists each output with its schema, and each link answers 200 (${prefix || "/"})`, async ({
    page,
  }) => {
    await page.goto(`${prefix}/data/`);
    const outputs = await page
      .locator("a[data-output]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(outputs).toEqual(OUTPUTS);
    const schemas = await page
      .locator("a[data-schema]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect([...new Set(schemas)]).toEqual(SCHEMAS);
    for (const href of [...OUTPUTS, ...SCHEMAS]) {
      const answer = await page.request.get(href);
      expect(answer.status(), href).toBe(200);
      expect((await answer.body()).length, href).toBeGreaterThan(0);
    }
  });
}

test("every kind of page links to the Data page", async ({ page }) => {
  for (const path of ["/", "/mirrors/ftp.fau.de/", "/join/", "/kitten/", "/isos/", "/de/countries/de/"]) {
    await page.goto(path);
    const link = page.locator("footer a[data-data-link]");
    await expect(link, path).toHaveAttribute("href", path.startsWith("/de/") ? "/de/data/" : "/data/");
  }
});

test("the home page says why the exports hold more mirrors than its table", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("tr[data-mirror]")).toHaveCount(SITE_FACTS.publicMirrors);
  const exported = JSON.parse(await (await page.request.get("/exports/mirrors.json")).text()) as {
    mirrors: { name: string }[];
  };
  // aws.repo.almalinux.org is the fixture's one cloud mirror: in the exports, not in the table.
  expect(exported.mirrors).toHaveLength(SITE_FACTS.publicMirrors + 1);
  expect(exported.mirrors.map((m) => m.name)).toContain("aws.repo.almalinux.org");
  await expect(page.locator("main")).toContainText("(cloud mirrors: 1)");
  await expect(page.locator("main")).toContainText("CSV · JSON");
});

test("a mirror the report has no entry for is 'not checked yet' in the table", async ({ page }) => {
  await page.goto("/");
  const row = page.locator('tr[data-mirror="www.junda.nl"]');
  await expect(row).toContainText("not checked yet");
  await expect(page.locator('tr[data-mirror="mirror.ox.ac.uk"]')).not.toContainText("not checked yet");
});

for (const path of ["/data/", "/ar/data/", "/kitten/", "/ar/mirrors/ftp.fau.de/", "/mirrors/www.junda.nl/"]) {
  test(`axe finds no violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}
