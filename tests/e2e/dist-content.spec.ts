import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { REGISTRY_FACTS } from "../registry-facts.ts";

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test("no e-mail address from mirrors.d appears anywhere under dist/", () => {
  const mirrorsDir = process.env.MIRRORS_DIR || "mirrors.d";
  const emails = new Set<string>();
  for (const file of readdirSync(mirrorsDir)) {
    const text = readFileSync(join(mirrorsDir, file), "utf8");
    for (const match of text.matchAll(/^\s*email:\s*["']?([^\s"'#]+)/gm)) {
      if (match[1]?.includes("@")) emails.add(match[1].toLowerCase());
    }
  }
  expect(emails.size).toBeGreaterThan(100);
  const leaks: string[] = [];
  for (const file of filesUnder("dist")) {
    const text = readFileSync(file, "latin1").toLowerCase();
    for (const email of emails) if (text.includes(email)) leaks.push(`${file}: ${email}`);
  }
  expect(leaks).toEqual([]);
});

test("every valid mirror has its page and every page path follows the contract", () => {
  const pages = readdirSync("dist/mirrors");
  expect(pages.length).toBe(REGISTRY_FACTS.mirrors);
  expect(readdirSync("dist/countries").every((cc) => /^[a-z]{2}$/.test(cc))).toBe(true);
  expect(readFileSync("dist/kitten/index.html", "utf8")).toContain("data-mirror=");
});
