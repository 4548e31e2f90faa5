/**
 * Makes sure a Chromium is there for the browser tests, installing one when it is not:
 * Playwright's own download where that works, Debian's `chromium` package where it does not
 * (machines without access to Playwright's download host). Prints what it did.
 */
import { spawnSync } from "node:child_process";
import { aptInstall, HAS_APT } from "./apt-install.ts";
import { chromiumPath } from "./chromium.ts";

const found = chromiumPath();
if (found !== null) {
  console.log(`Chromium for the browser tests: ${found}`);
  process.exit(0);
}
console.log("No Chromium found for the browser tests; installing one.");
const playwright = spawnSync("npx", ["playwright", "install", "chromium"], {
  stdio: "inherit",
  timeout: 180_000,
});
if (playwright.status === 0 && chromiumPath() !== null) {
  console.log("Installed Playwright's Chromium.");
  process.exit(0);
}
if (!HAS_APT) {
  console.error(
    "Could not install Chromium: Playwright's download failed and apt-get is not available. Install Chromium and set CHROMIUM_PATH.",
  );
  process.exit(1);
}
console.log("Playwright's download failed; installing Debian's chromium package with apt-get.");
aptInstall(["chromium"]);
console.log(`Installed Debian's chromium: ${chromiumPath() ?? "not found after install"}`);
process.exit(chromiumPath() === null ? 1 : 0);
