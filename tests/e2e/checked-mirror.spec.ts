/**
 * A mirror page's advice follows the mirror's state (the "checked" fixture site): a mirror the
 * mirrorlists leave out says so first, with the check's reason, and offers no `.repo` file; an
 * `ok` one offers a file per major version, each naming that version's own signing key.
 */
import { expect, test } from "./fixtures.ts";

for (const [name, state] of [
  ["ftp.fau.de", "broken"],
  ["mirror.23m.com", "outdated"],
  ["mirror.netzwerge.de", "unreachable"],
  ["www.junda.nl", "notChecked"],
] as const) {
  test(`a ${state} mirror's page says first that dnf is not sent to it, and offers no bare .repo file`, async ({
    page,
  }) => {
    await page.goto(`/mirrors/${name}/`);
    const banner = page.locator("main [data-left-out]").first();
    await expect(banner).toHaveAttribute("data-left-out", state);
    await expect(banner).toContainText("dnf is not sent to this mirror");
    // The banner comes right after the title, before anything else the page says.
    expect(await page.locator("main h1 + [data-left-out]").count()).toBe(1);
    const section = page.getByRole("region", { name: "Use this mirror with dnf" });
    await expect(section.locator("pre")).toHaveCount(0);
    await expect(section.getByRole("button", { name: "Copy" })).toHaveCount(0);
    await expect(section.getByRole("link", { name: "/mirrorlist/10/baseos" })).toHaveAttribute(
      "href",
      "/mirrorlist/10/baseos",
    );
    expect((await page.request.get("/mirrorlist/10/baseos")).status()).toBe(200);
    await expect(page.locator("main")).not.toContainText("dnf is sent to this mirror by the mirrorlists");
  });
}

test("a broken mirror's banner gives the check's reason, in German too", async ({ page }) => {
  await page.goto("/mirrors/ftp.fau.de/");
  await expect(page.locator("main h1 + [data-left-out]")).toContainText("answered 503");
  await page.goto("/de/mirrors/ftp.fau.de/");
  await expect(page.locator("main h1 + [data-left-out]")).toContainText(
    "dnf wird nicht zu diesem Spiegelserver geschickt",
  );
});

test("an ok mirror's page offers one .repo file per major version, each with its own key", async ({ page }) => {
  await page.goto("/mirrors/mirror.ox.ac.uk/");
  await expect(page.locator("[data-left-out]")).toHaveCount(0);
  const section = page.getByRole("region", { name: "Use this mirror with dnf" });
  const path = "/etc/yum.repos.d/mirror.ox.ac.uk.repo";
  const keys = {
    "10": "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-10",
    "9": "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux-9",
    "8": "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-AlmaLinux\n",
  };
  for (const [major, key] of Object.entries(keys)) {
    const text = (await section.getByLabel(`${path} for AlmaLinux ${major}`, { exact: true }).textContent()) ?? "";
    expect(text).toContain(key);
    expect(text).not.toContain("$releasever\n");
  }
});
