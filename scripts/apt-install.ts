/**
 * Installs Debian packages for the test setup (`ensure-chromium.ts`, `ensure-dnf.ts`): as root
 * directly, else through sudo, without questions. Throws when apt-get fails.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Whether this machine has apt-get at all. */
export const HAS_APT = existsSync("/usr/bin/apt-get");

export function aptInstall(packages: readonly string[]): void {
  const run = (command: string[]) => {
    const [bin = "", ...args] = process.getuid?.() === 0 ? command : ["sudo", ...command];
    execFileSync(bin, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...packages]);
}
