import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REGISTRY_FACTS } from "../registry-facts.ts";
import { expect, test } from "./fixtures.ts";

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Where any of `emails` (lower case) appears in `text` (lower case): the same hits as looking
 * for each address everywhere, found by looking only where an `@` is, and there only for the
 * addresses whose domain follows it (indexed by the domain's first three characters).
 */
function addressesIn(text: string, byDomainStart: Map<string, Map<string, string[]>>): string[] {
  const found: string[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    for (const [domain, locals] of byDomainStart.get(text.slice(at + 1, at + 4)) ?? []) {
      if (!text.startsWith(domain, at + 1)) continue;
      for (const local of locals) if (text.endsWith(local, at)) found.push(`${local}@${domain}`);
    }
  }
  return found;
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
  /** First three characters of the domain → domain → the local parts seen with it. */
  const byDomainStart = new Map<string, Map<string, string[]>>();
  for (const email of emails) {
    const at = email.lastIndexOf("@");
    const local = email.slice(0, at);
    const domain = email.slice(at + 1);
    expect(domain.length, email).toBeGreaterThanOrEqual(3);
    const domains = byDomainStart.get(domain.slice(0, 3)) ?? new Map<string, string[]>();
    domains.set(domain, [...(domains.get(domain) ?? []), local]);
    byDomainStart.set(domain.slice(0, 3), domains);
  }
  // The scan finds an address where one is: planted in a page's text, in any case.
  const planted = [...emails][0] ?? "";
  expect(addressesIn(`<p>write to ${planted.toUpperCase()}.</p>`.toLowerCase(), byDomainStart)).toEqual([planted]);
  const leaks: string[] = [];
  for (const file of filesUnder("dist")) {
    const text = readFileSync(file, "latin1").toLowerCase();
    for (const email of addressesIn(text, byDomainStart)) leaks.push(`${file}: ${email}`);
  }
  expect(leaks).toEqual([]);
});

test("every valid mirror has its page and every page path follows the contract", () => {
  const pages = readdirSync("dist/mirrors");
  expect(pages.length).toBe(REGISTRY_FACTS.mirrors);
  expect(readdirSync("dist/countries").every((cc) => /^[a-z]{2}$/.test(cc))).toBe(true);
  expect(readFileSync("dist/kitten/index.html", "utf8")).toContain("data-mirror=");
});
