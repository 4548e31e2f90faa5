/**
 * Makes sure LibreOffice's headless spreadsheet is there for the CSV test
 * (tests/integration/csv-spreadsheet.test.ts), which opens the export as a spreadsheet user
 * would, installing Debian's `libreoffice-calc-nogui` with apt-get when `soffice` is missing
 * (about 60 packages, half a minute). Prints what it did.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { aptInstall, HAS_APT } from "./apt-install.ts";

const PACKAGE = "libreoffice-calc-nogui";

function soffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, "soffice"))) return join(dir, "soffice");
  }
  return null;
}

const found = soffice();
if (found !== null) {
  console.log(`LibreOffice for the CSV test: ${found}`);
  process.exit(0);
}
if (!HAS_APT) {
  console.error(`Could not install LibreOffice for the CSV test: apt-get is not available. Install ${PACKAGE}.`);
  process.exit(1);
}
console.log(`No soffice found; installing Debian's ${PACKAGE} with apt-get.`);
aptInstall([PACKAGE]);
const installed = soffice();
if (installed === null) {
  console.error("soffice is still missing after the install.");
  process.exit(1);
}
console.log(`Installed: ${installed}`);
