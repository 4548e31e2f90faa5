/** A mirror page's ready dnf `.repo` file: its content, and its Copy button in a real Chromium. */
import { expect, test } from "./fixtures.ts";

test("a mirror page offers a .repo file per major version pinning that mirror, and copies it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/mirrors/mirror.ox.ac.uk/");
  const section = page.getByRole("region", { name: "Use this mirror with dnf" });
  await expect(section).toContainText("save the file for your major version as /etc/yum.repos.d/mirror.ox.ac.uk.repo");
  // Each block is named for what it holds, so a screen reader tells the file from the command.
  const file = section.getByLabel("/etc/yum.repos.d/mirror.ox.ac.uk.repo for AlmaLinux 10", { exact: true });
  await expect(section.getByLabel("Command that turns off the stock repositories", { exact: true })).toHaveText(
    "dnf config-manager --set-disabled baseos appstream extras",
  );
  const text = (await file.textContent()) ?? "";
  expect(text.startsWith("[mirror.ox.ac.uk-baseos]\nname=AlmaLinux $releasever - BaseOS (mirror.ox.ac.uk)\n")).toBe(
    true,
  );
  expect(text).toContain(
    "baseurl=https://mirror.ox.ac.uk/sites/repo.almalinux.org/$releasever/AppStream/$basearch/os/",
  );
  expect(text).toContain("[mirror.ox.ac.uk-extras]");

  await section.getByRole("button", { name: "Copy" }).first().click();
  await expect(section.getByRole("status").first()).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

test("the .repo section speaks the page's language, and an http-only mirror pins its http URL", async ({ page }) => {
  await page.goto("/de/mirrors/mirror.ox.ac.uk/");
  await expect(page.getByRole("heading", { name: "Diesen Spiegelserver mit dnf nutzen" })).toBeVisible();
  // mirrors.binaryracks.com (in alma.binaryracks.com.yml) lists only an http URL.
  await page.goto("/mirrors/mirrors.binaryracks.com/");
  const file = await page.locator(".repo-file pre").first().textContent();
  expect(file).toContain("baseurl=http://mirrors.binaryracks.com/almalinux/$releasever/BaseOS/$basearch/os/\n");
});
