/**
 * The one walk over the real registry's site (`dist/` from `npm run build`): the other specs run
 * on small fixture registries. Counts come from `tests/registry-facts.json`, never from here.
 */
import { REGISTRY_FACTS } from "../registry-facts.ts";
import { expect, test } from "./fixtures.ts";

const rows = "table.mirrors tr[data-mirror]";

test("home, a country, a mirror page, the map, the join page and a language switch on the real data", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("AlmaLinux mirrors");
  await expect(page.locator(rows)).toHaveCount(REGISTRY_FACTS.publicMirrors);
  await expect(page.locator(".counts")).toContainText(`${REGISTRY_FACTS.publicMirrors} public mirrors`);

  // The first row's country page lists that row's mirror, and its page names the mirror.
  const first = page.locator(rows).first();
  const name = (await first.getAttribute("data-mirror")) ?? "";
  const country = page.locator("a[href^='/countries/']").first();
  await country.click();
  await expect(page).toHaveURL(/\/countries\/[a-z]{2}\/$/);
  await expect(page.locator(rows).first()).toBeVisible();
  await page.goto(`/mirrors/${name}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("link", { name: "Change this listing with the mirror file form" })).toBeVisible();

  await page.goto("/");
  await page.getByRole("button", { name: "Show the map" }).click();
  await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
  await expect(page.locator(".marker-cluster").first()).toBeVisible();

  await page.goto("/join/");
  await page.getByLabel("Host name").fill("mirror.smoke.example.org");
  await expect(page.locator("pre.yaml code")).toContainText("name: mirror.smoke.example.org");

  await page.locator(".langs summary").click();
  await page.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(/\/de\/join\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
});
