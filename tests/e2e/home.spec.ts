import { expect, test } from "./fixtures.ts";
import { sidewaysOverflow } from "./page-checks.ts";
import { SITE_FACTS } from "./sites.ts";

const PUBLIC_MIRRORS = SITE_FACTS.publicMirrors;

const rows = "table.mirrors tr[data-mirror]";

test("the home page lists every public mirror of the fixture registry, grouped by place", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AlmaLinux mirrors");
  await expect(page.locator(".counts")).toContainText(`${PUBLIC_MIRRORS} public mirrors`);
  await expect(page.locator(rows)).toHaveCount(PUBLIC_MIRRORS);
  await expect(page.locator("tbody.g th").first()).toHaveText("Africa");
  await expect(page.getByRole("columnheader", { name: /Location/ })).toHaveAttribute("aria-sort", "ascending");
  const unknown = page.locator("tbody.g").last();
  await expect(unknown).toHaveText("Location unknown");
  await expect(page.locator('tbody[data-c="-"]:not(.g) tr[data-mirror]')).toHaveCount(SITE_FACTS.unknownLocation);
  // The sponsor's name, then one protocol link: the address a browser opens.
  const row = page.locator(`${rows}[data-mirror="al-mirror.a2hosting.com"]`);
  await expect(row.getByRole("link", { name: "HTTPS" })).toHaveAttribute("href", "https://al-mirror.a2hosting.com/");
});

test("without a status report the page says once that health is not known, with no empty health columns", async ({
  page,
}) => {
  await page.goto("/");
  await expect(
    page.getByText(
      "Whether each mirror is up to date and reachable is not known: the mirrors were not checked for this version of the site.",
    ),
  ).toHaveCount(1);
  await expect(page.locator(".lead")).not.toContainText("check");
  await expect(page.getByRole("columnheader")).toHaveText([
    /Mirror/,
    /Sponsor/,
    /Location/,
    /Protocols/,
    /Updated every/,
  ]);
  await expect(page.getByRole("columnheader", { name: /Status|IPv6|Availability/ })).toHaveCount(0);
  await expect(page.getByLabel("Status")).toHaveCount(0);
  const cells = await page.locator(`${rows}[data-mirror="al-mirror.a2hosting.com"] > *`).allTextContents();
  expect(cells).toHaveLength(5);
  expect(cells.every((cell) => cell.trim() !== "")).toBe(true);

  // A country's page, whose table is the same, says it too.
  await page.goto("/countries/de/");
  await expect(page.getByText(/^Whether each mirror is up to date and reachable is not known/)).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: /Status|IPv6|Availability/ })).toHaveCount(0);
});

test("typing a city narrows the rows, announces the count and keeps the query in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill("southfield");
  await expect(page.locator(`${rows}:visible`)).toHaveCount(2);
  await expect(page.getByRole("status")).toHaveText(`2 of ${PUBLIC_MIRRORS} mirrors shown`);
  await expect(page.locator("tbody.g:visible th")).toHaveText(["North America"]);
  await expect(page).toHaveURL(/\?q=southfield$/);
});

test("a shared URL opens the same filtered view; a country code and a protocol filter too", async ({ page }) => {
  await page.goto("/?q=IS");
  await expect(page.getByRole("searchbox")).toHaveValue("IS");
  const icelandic = page.locator(`${rows}:visible`);
  await expect(icelandic.first()).toBeVisible();
  await expect(icelandic).toHaveCount(1);
  await expect(icelandic).toHaveAttribute("data-mirror", "mirror.flokinet.net");
  // Germany's mirrors: some of them, not all, serve ftp.
  await page.getByRole("searchbox").fill("germany");
  await expect(page.locator(`${rows}:visible`)).toHaveCount(SITE_FACTS.germany);
  await page.getByLabel("Protocol").selectOption("ftp");
  await expect.poll(() => page.locator(`${rows}:visible`).count()).toBeLessThan(SITE_FACTS.germany);
  const withFtp = await page.locator(`${rows}:visible`).count();
  expect(withFtp).toBeGreaterThan(0);
  // The fourth cell names the protocols.
  for (const protocols of await page.locator(`${rows}:visible td:nth-child(4)`).allTextContents()) {
    expect(protocols.split(" ")).toContain("FTP");
  }
  await page.getByRole("searchbox").fill("no mirror is called like this");
  await expect(page.getByText("No mirror matches this search.")).toBeVisible();
});

test("sorting by a column announces its order and lists the rows flat", async ({ page }) => {
  await page.goto("/");
  const header = page.getByRole("columnheader", { name: /Mirror/ });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("columnheader", { name: /Location/ })).not.toHaveAttribute("aria-sort");
  await expect(page.locator("tbody.g:visible")).toHaveCount(0);
  const names = await page.locator(`${rows}:visible th`).allTextContents();
  expect(names).toHaveLength(PUBLIC_MIRRORS);
  expect(names).toEqual([...names].sort((a, b) => new Intl.Collator("en", { numeric: true }).compare(a, b)));
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await page
    .getByRole("columnheader", { name: /Location/ })
    .getByRole("button")
    .click();
  await expect(page.locator("tbody.g:visible th").first()).toHaveText("Africa");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the full table is still there", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator(rows)).toHaveCount(PUBLIC_MIRRORS);
    await expect(page.locator("form.filters")).toBeHidden();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("the table turns into cards and nothing overflows the screen", async ({ page }) => {
    await page.goto("/");
    const row = page.locator(`${rows}[data-mirror="al-mirror.a2hosting.com"]`);
    await expect(row).toHaveCSS("display", "block");
    // The header row is a bar of sort buttons (layout.spec.ts sorts with it).
    await expect(page.locator("table.mirrors thead")).toHaveCSS("display", "flex");
    const { extra, culprit } = await sidewaysOverflow(page);
    expect(extra, culprit).toBeLessThanOrEqual(0);
    await page.getByRole("searchbox").fill("southfield");
    await expect(page.locator(`${rows}:visible`)).toHaveCount(2);
  });
});
