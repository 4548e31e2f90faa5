/**
 * The image pages served as production serves them, through the edge worker in `wrangler dev`
 * (the `images` fixture site): "Nearest to you" is filled from one small same-origin request,
 * in English and in Arabic; the files come from the origin's CHECKSUM with each mirror's state
 * for this very folder. (On a static host the block stays hidden: isos.spec.ts.)
 */
import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations } from "./page-checks.ts";

const NEAREST_LIMIT_BYTES = 2048;

for (const [locale, prefix, heading] of [
  ["en", "", "Nearest to you"],
  ["ar", "/ar", "الأقرب إليك"],
] as const) {
  test(`the ISO page lists the nearest verified mirrors from the edge (${locale})`, async ({ page }) => {
    const nearest = page.waitForResponse((response) => response.url().endsWith("/nearest/isos/x86_64/9.8"));
    await page.goto(`${prefix}/isos/x86_64/9.8/`);
    const answer = await nearest;
    expect(answer.status()).toBe(200);
    expect((await answer.body()).length).toBeLessThanOrEqual(NEAREST_LIMIT_BYTES);
    const block = page.locator("nearest-mirrors");
    await expect(block).toBeVisible();
    await expect(block.getByRole("heading", { level: 2 })).toHaveText(heading);
    const links = block.locator("ol > li > a");
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(/^https?:\/\/\S+\/9\.8\/isos\/x86_64\/$/);
    }
    // Not verified for this folder (behind, not carried, different): never offered as nearest.
    const names = await links.allTextContents();
    for (const name of ["al-mirror.a2hosting.com", "mirror.spectraip.net", "almalinux-mirror.vpsuniverse.net"]) {
      expect(names).not.toContain(name);
    }
    await expectNoAxeViolations(page);
  });
}

test("the ISO page lists the origin's files with size and SHA-256, and each mirror's state for the folder", async ({
  page,
}) => {
  await page.goto("/isos/x86_64/9.8/");
  const files = page.locator("table.files tbody tr");
  await expect(files).toHaveCount(6);
  await expect(files.first().locator("th")).toHaveText("AlmaLinux-9.8-x86_64-boot.iso");
  await expect(files.first().locator("td").first()).toHaveText("1,015 MB");
  await expect(files.first().locator("td code")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByText("A .torrent file sits beside the images")).toBeVisible();
  await expect(
    page.getByText("curl -LO https://mirrors.almalinux.org/download/9.8/isos/x86_64/AlmaLinux-9.8-x86_64-dvd.iso"),
  ).toBeVisible();
  await expect(
    page.getByText("aria2c https://mirrors.almalinux.org/download/9.8/isos/x86_64/AlmaLinux-9.8-x86_64-dvd.iso.meta4"),
  ).toBeVisible();
  await expect(page.getByText("gpg --verify CHECKSUM")).toBeVisible();
  await expect(page.getByText("each mirror's CHECKSUM for this folder was compared with the origin's")).toBeVisible();
  const state = (name: string) => page.locator(`tr[data-mirror="${name}"] td`).last();
  await expect(state("al-mirror.a2hosting.com")).toHaveText("behind (an older release)");
  await expect(state("mirror.spectraip.net")).toHaveText("not carried");
  await expect(state("almalinux-mirror.vpsuniverse.net")).toHaveText("differs from the origin");
  await expect(state("mirror.nexcess.net")).toHaveText("verified");
});

test("cloud, live and Raspberry Pi images have their pages and indexes", async ({ page }) => {
  for (const [path, title, file] of [
    [
      "/cloud/x86_64/9.8/",
      "AlmaLinux 9.8 cloud images for x86_64",
      "AlmaLinux-9-GenericCloud-9.8-20261118.x86_64.qcow2",
    ],
    ["/live/x86_64/9.8/", "AlmaLinux 9.8 live images for x86_64", "AlmaLinux-9.8-x86_64-Live-GNOME.iso"],
    [
      "/raspberrypi/aarch64/9.8/",
      "AlmaLinux 9.8 Raspberry Pi images for aarch64",
      "AlmaLinux-9-RaspberryPi-9.8-20261118.aarch64.raw.xz",
    ],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("table.files tbody th").first()).toHaveText(file);
  }
  await page.goto("/cloud/");
  await page.getByRole("link", { name: "9.8 x86_64" }).click();
  await expect(page).toHaveURL(/\/cloud\/x86_64\/9\.8\/$/);
});
