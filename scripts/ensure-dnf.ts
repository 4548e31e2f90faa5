/**
 * Makes sure the real clients of the integration tests are there: dnf and `createrepo_c` for the
 * metalink test (tests/integration/dnf-metalink.test.ts), aria2 for the image download test
 * (tests/integration/download-images.test.ts), installing Debian's `dnf`, `createrepo-c` and
 * `aria2` packages with apt-get when any is missing. Prints what it did.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { aptInstall, HAS_APT } from "./apt-install.ts";

/** The tools the test runs, and the Debian package that brings each. */
const TOOLS = [
  { command: "dnf", pkg: "dnf" },
  { command: "createrepo_c", pkg: "createrepo-c" },
  { command: "aria2c", pkg: "aria2" },
];

/** The path of `command` on PATH, or null. */
function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

const missing = TOOLS.filter((t) => which(t.command) === null);
if (missing.length === 0) {
  console.log(
    `dnf, createrepo_c and aria2c for the integration tests: ${TOOLS.map((t) => which(t.command)).join(", ")}`,
  );
  process.exit(0);
}
const names = missing.map((t) => t.pkg);
if (!HAS_APT) {
  console.error(
    `Could not install ${missing.map((t) => t.command).join(" and ")} for the integration tests: apt-get is not available. Install the packages that bring them (${names.join(", ")} on Debian).`,
  );
  process.exit(1);
}
console.log(
  `No ${missing.map((t) => t.command).join(" or ")} found; installing Debian's ${names.join(" and ")} with apt-get.`,
);
aptInstall(TOOLS.map((t) => t.pkg));
const still = TOOLS.filter((t) => which(t.command) === null);
if (still.length > 0) {
  console.error(`Still missing after the install: ${still.map((t) => t.command).join(", ")}.`);
  process.exit(1);
}
console.log(`Installed: ${TOOLS.map((t) => which(t.command)).join(", ")}`);
