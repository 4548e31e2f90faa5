import { expect, test } from "@playwright/test";

test("the home page names the distribution and counts the real mirrors", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("AlmaLinux mirrors");
  await expect(page.getByText("530 mirrors")).toBeVisible();
});
