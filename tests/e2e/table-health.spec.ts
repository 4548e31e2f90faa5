/**
 * The mirror table with a status report of every mirror (the `health` fixture site: the `site`
 * registry, en, ar and ja): it fits a 1280 px laptop and a 360 px phone on every page type, its
 * controls are big enough to tap, it sorts by health, and axe finds nothing on any page type.
 */
import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations, sidewaysOverflow } from "./page-checks.ts";
import { SITE_FACTS } from "./sites.ts";

const ROWS = "table.mirrors tr[data-mirror]";

/** One page of each type; the mirror pages are the registry's longest URL and sponsor. */
const PAGES = [
  "/",
  "/mirrors/mirrorservice.org/",
  "/mirrors/almalinux.mirror.archettitechnology.it/",
  "/countries/de/",
  "/kitten/",
  "/isos/",
  "/isos/x86_64/9.8/",
  "/join/",
  "/404/",
];

const VIEWPORTS = {
  "1280 px": { viewport: { width: 1280, height: 800 } },
  "360 px": { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
};

for (const [name, options] of Object.entries(VIEWPORTS)) {
  test.describe(`at ${name}`, () => {
    test.use(options);

    for (const [locale, prefix] of Object.entries({ en: "", ar: "/ar" })) {
      test(`no page with health scrolls sideways (${locale})`, async ({ page }) => {
        test.setTimeout(120_000);
        for (const path of PAGES) {
          await page.goto(`${prefix}${path}`);
          await expect(page.locator("main h1")).toBeVisible();
          const { extra, culprit } = await sidewaysOverflow(page);
          expect.soft(extra, `${prefix}${path} is ${extra}px too wide: ${culprit}`).toBeLessThanOrEqual(0);
        }
      });
    }

    test("protocol links, sort buttons and the search are at least 24 px tall and wide", async ({ page }) => {
      await page.goto("/");
      const targets = [
        page.locator(`${ROWS} td:nth-child(4) a`).first(),
        page.locator("table.mirrors thead button").first(),
        page.getByRole("searchbox"),
      ];
      for (const target of targets) {
        const box = await target.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(24);
      }
    });
  });
}

test("the health cell says the state, the lag and the 30-day share; the table sorts by either", async ({ page }) => {
  await page.goto("/");
  const lagging = page.locator(`${ROWS}[data-lag="10800"] td:nth-child(6)`);
  await expect(lagging).toHaveText(
    /^Up to date\s+3 hours behind: \u20689\/BaseOS\/x86_64\/os\u2069 and 1 more · \d+(\.\d+)?%$/,
  );
  const header = page.getByRole("columnheader", { name: /Status/ });
  await header.getByRole("button", { name: /^Status/ }).click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const states = await page.locator(`${ROWS}:visible`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-s")));
  expect(states).toHaveLength(SITE_FACTS.publicMirrors);
  // Best first; the mirrors the report does not name (their file is not named after them) last.
  const rank = (state: string | null) => ["ok", "outdated", "broken", "unreachable", null].indexOf(state);
  expect(states).toEqual([...states].sort((a, b) => rank(a) - rank(b)));
  await header.getByRole("button", { name: /Availability/ }).click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const shares = await page
    .locator(`${ROWS}:visible`)
    .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-a") ?? -1)));
  expect(shares).toEqual([...shares].sort((a, b) => a - b));
  await header.getByRole("button", { name: /Availability/ }).click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
});

test("the status filter and a search narrow the rows together, and the URL keeps both", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Status").selectOption("ok");
  const ok = await page.locator(`${ROWS}:visible`).count();
  expect(ok).toBeLessThan(SITE_FACTS.publicMirrors);
  await page.getByRole("searchbox").fill("germany");
  await expect.poll(() => page.locator(`${ROWS}:visible`).count()).toBeLessThanOrEqual(SITE_FACTS.germany);
  await expect(page).toHaveURL(/\?q=germany&s=ok$/);
  await page.goto("/?q=germany&s=ok");
  await expect(page.getByLabel("Status")).toHaveValue("ok");
  await expect(page.locator("tr.g2:visible th")).toHaveText(["Germany"]);
});

test.describe("on a 360 px phone", () => {
  test.use(VIEWPORTS["360 px"]);
  test("each mirror is a card whose health is labelled", async ({ page }) => {
    await page.goto("/");
    const row = page.locator(`${ROWS}[data-mirror="al-mirror.a2hosting.com"]`);
    await expect(row).toHaveCSS("display", "block");
    const label = await row.locator("td:nth-child(6)").evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toMatch(/^"Status: ✔ "/);
  });
});

const PAGE_TYPES = {
  home: "/?q=southfield",
  mirror: "/mirrors/al-mirror.a2hosting.com/",
  country: "/countries/is/",
  kitten: "/kitten/",
  isos: "/isos/",
  "iso list": "/isos/x86_64/9.8/?q=southfield",
  join: "/join/",
  "not found": "/404/",
};

for (const [locale, prefix] of Object.entries({ en: "", ar: "/ar", ja: "/ja" })) {
  for (const [kind, path] of Object.entries(PAGE_TYPES)) {
    test(`axe finds no violation on the ${kind} page with health (${locale})`, async ({ page }) => {
      await page.goto(`${prefix}${path}`);
      await expectNoAxeViolations(page);
    });
  }
}
