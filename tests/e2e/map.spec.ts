import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { SITE_FACTS } from "./sites.ts";

test("the home page loads no map code until the map is opened", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(requested.filter((path) => /map-island|map-data|countries-110m/.test(path))).toEqual([]);
});

test("opened, the map shows clustered markers over Natural Earth shapes from our own origin", async ({ page }) => {
  await page.goto("/");
  const island = page.waitForResponse((r) => r.url().includes("map-data.json"));
  await page.getByRole("button", { name: "Show the map" }).click();
  await island;
  const map = page.getByRole("region", { name: "Map of the mirrors" });
  await expect(map.locator(".marker-cluster").first()).toBeVisible();
  await expect(map.locator("path.map-land").first()).toBeAttached();
  await expect(map.locator(".leaflet-tile")).toHaveCount(0);
  // Every located public mirror is in a cluster or a marker: the cluster counts add up.
  const clustered = await map
    .locator(".marker-cluster span")
    .evaluateAll((spans) => spans.reduce((sum, s) => sum + Number(s.textContent), 0));
  const single = await map.locator(".map-pin").count();
  const data = (await (await page.request.get("/map-data.json")).json()) as { mirrors: unknown[] };
  expect(clustered + single).toBe(data.mirrors.length);
  expect(data.mirrors.length).toBe(SITE_FACTS.located);
});

test("a country page centres the map on its mirrors; a marker's popup links to the mirror page", async ({ page }) => {
  await page.goto("/countries/is/");
  const map = page.getByRole("region", { name: "Map of the mirrors" });
  const marker = map.locator(".map-pin").first();
  await expect(marker).toBeVisible();
  await marker.focus();
  await page.keyboard.press("Enter");
  const popup = map.locator(".map-popup");
  await expect(popup).toBeVisible();
  await expect(popup.getByRole("heading", { level: 3 })).toHaveText(/\S/);
  await expect(popup).toContainText("Protocols:");
  const name = await popup.getByRole("heading").textContent();
  await expect(popup.getByRole("link", { name: "Details" })).toHaveAttribute("href", `/mirrors/${name}/`);
});

/** How many mirrors the opened map places: single pins plus the counts of the clusters. */
async function placed(map: Locator): Promise<number> {
  const clustered = await map
    .locator(".marker-cluster span")
    .evaluateAll((spans) => spans.reduce((sum, s) => sum + Number(s.textContent), 0));
  return clustered + (await map.locator(".map-pin").count());
}

test("the opened map places only the mirrors the table shows, and follows its filters", async ({ page }) => {
  await page.goto("/?q=Frankfurt&p=https");
  const rows = page.locator("table.mirrors tr[data-mirror]:visible");
  await expect(rows.first()).toBeVisible();
  const data = (await (await page.request.get("/map-data.json")).json()) as { mirrors: [string][] };
  const located = new Set(data.mirrors.map((m) => m[0]));
  const onMap = async (): Promise<number> =>
    (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-mirror") ?? ""))).filter((name) =>
      located.has(name),
    ).length;
  const expected = await onMap();
  expect(expected).toBeGreaterThan(1);
  expect(expected).toBeLessThan(30);
  await page.getByRole("button", { name: "Show the map" }).click();
  const map = page.getByRole("region", { name: "Map of the mirrors" });
  await expect(map.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect.poll(() => placed(map)).toBe(expected);

  // A keystroke that leaves the same mirrors shown keeps where the reader has panned.
  const icon = map.locator(".leaflet-marker-icon").first();
  const where = () =>
    icon.evaluate((el) => {
      // Relative to the map: typing in the search box may scroll the page.
      const box = el.getBoundingClientRect();
      const frame = el.closest(".leaflet-container")?.getBoundingClientRect() ?? box;
      return `${Math.round(box.left - frame.left)},${Math.round(box.top - frame.top)}`;
    });
  const framed = await where();
  const box = await map.boundingBox();
  if (!box) throw new Error("the map has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 40, { steps: 8 });
  await page.mouse.up();
  let panned = "";
  await expect
    .poll(async () => {
      const now = await where();
      const settled = now === panned && now !== framed;
      panned = now;
      return settled;
    })
    .toBe(true);
  await page.getByRole("searchbox").fill("frankfurt");
  await expect(page).toHaveURL(/q=frankfurt/);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await onMap()).toBe(expected);
  expect(await where()).toBe(panned);

  // The filter changes while the map is open: the map follows.
  await page.getByLabel("Protocol").selectOption("");
  await page.getByRole("searchbox").fill("Iceland");
  await expect.poll(onMap).not.toBe(expected);
  const iceland = await onMap();
  expect(iceland).toBeGreaterThan(0);
  await expect.poll(() => placed(map)).toBe(iceland);
  await page.getByRole("searchbox").fill("");
  await expect.poll(() => placed(map)).toBe(data.mirrors.length);
});

test("the focus moves into the opened map; it is one Tab stop whose markers the arrow keys walk", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Show the map" }).click();
  const map = page.getByRole("region", { name: "Map of the mirrors" });
  await expect(map).toBeFocused();
  await expect(map.locator(".marker-cluster").first()).toBeVisible();
  await expect(map).toHaveAccessibleDescription(/The table lists the same mirrors/);
  // One marker at most waits in the tab order; the others are reached with the arrow keys.
  await expect.poll(() => map.locator(".leaflet-marker-icon[tabindex='0']").count()).toBe(1);
  expect(await map.locator(".leaflet-marker-icon").count()).toBeGreaterThan(3);
  await page.keyboard.press("Tab");
  const focused = page.locator(".leaflet-marker-icon:focus");
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAccessibleName(/\S/);
  const first = await focused.evaluate((el) => {
    el.dataset.walkedFrom = "";
    return el.getBoundingClientRect().left;
  });
  await page.keyboard.press("ArrowRight");
  // Focus moves to another marker (not merely stays), one further east or as far.
  await expect(page.locator(".leaflet-marker-icon:focus:not([data-walked-from])")).toHaveCount(1);
  expect(await focused.evaluate((el) => el.getBoundingClientRect().left)).toBeGreaterThanOrEqual(first);
  await expect.poll(() => map.locator(".leaflet-marker-icon[tabindex='0']").count()).toBe(1);
  await expect(map.locator(".leaflet-marker-icon[tabindex='0']")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(map).toBeFocused();
  // Tab from the map passes one marker, then leaves the markers.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator(".leaflet-marker-icon:focus")).toHaveCount(0);
});

test("Leaflet's controls speak the page's language", async ({ page }) => {
  await page.goto("/de/");
  await page.getByRole("button", { name: "Karte anzeigen" }).click();
  const map = page.locator(".map-box");
  await expect(map.getByRole("button", { name: "Vergrößern" })).toHaveAttribute("title", "Vergrößern");
  await expect(map.getByRole("button", { name: "Verkleinern" })).toBeVisible();
  await expect(map.getByRole("button", { name: /^Spiegelserver hier: \d+$/ }).first()).toBeVisible();
  await expect(map).not.toContainText("A JavaScript library");
});

test("in Arabic, a popup keeps the host and sponsor names apart from the Arabic words", async ({ page }) => {
  await page.goto("/ar/countries/is/");
  const marker = page.locator(".map-pin").first();
  await expect(marker).toBeVisible();
  await marker.focus();
  await page.keyboard.press("Enter");
  const popup = page.locator(".map-popup");
  await expect(popup).toBeVisible();
  const name = popup.locator("h3 bdi");
  await expect(name).toHaveAttribute("dir", "ltr");
  await expect(name).toHaveText(/^[\w.-]+$/);
  await expect(popup.locator("p bdi").first()).toHaveText(/\S/);
  await expect(page.locator(".leaflet-popup-close-button")).toHaveAttribute("aria-label", "إغلاق");
});
