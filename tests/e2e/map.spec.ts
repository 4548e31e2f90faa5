import { expect, test } from "./fixtures.ts";

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
  expect(data.mirrors.length).toBeGreaterThan(400);
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
