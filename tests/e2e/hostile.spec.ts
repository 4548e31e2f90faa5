/**
 * Hostile data, in a real browser: the site built from `tests/fixtures/hostile/` (every free-text
 * field and URL path carries HTML, script and attribute-breaking payloads that call `alert`) runs
 * no injected script on any page, in English and Arabic, with the edit links followed into the
 * join form and the map's popups opened; and no link or source carries a non-web scheme.
 * Playwright's "hostile" project builds and serves that site (see `playwright.config.ts`).
 */
import { readdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { HOSTILE_DIST } from "./hostile-site.ts";

/** The hostile mirrors the registry accepts and the site lists, by page locale prefix. */
const PUBLIC_HOSTILE = [
  { name: "attribute-quotes.hostile.example", country: "fr", sponsor: `" onmouseover="alert('sponsor-dq')"` },
  { name: "rtl-emoji.hostile.example", country: "il", sponsor: "<script>alert('rlo')</script>" },
  { name: "script-sponsor.hostile.example", country: "de", sponsor: `<script>alert("sponsor")</script>` },
];
const PRIVATE_HOSTILE = "private-cloud.hostile.example";
const LOCALES = { en: "", ar: "/ar" };

/** Schemes a link may carry; `src` may also hold `data:image/…` (inline icons). */
const WEB_SCHEMES = ["http:", "https:", "ftp:", "rsync:", "mailto:"];

/**
 * Every page is watched twice over: a dialog fails the test, and the dialog functions are
 * replaced before any page script runs so that a call is recorded even where no dialog shows.
 */
const dialogs: string[] = [];

test.beforeEach(async ({ page }) => {
  dialogs.length = 0;
  await page.addInitScript(() => {
    const calls: string[] = [];
    Object.defineProperty(window, "__hostileCalls", { value: calls });
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      Object.defineProperty(window, name, { value: (...args: unknown[]) => void calls.push(`${name}(${args})`) });
    }
  });
  page.on("dialog", async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
});

test.afterEach(() => {
  expect(dialogs, "dialogs opened").toEqual([]);
});

/** What an injected payload would have left behind on the current page, as readable lines. */
function traces(page: Page): Promise<string[]> {
  return page.evaluate((schemes) => {
    const found: string[] = [];
    const calls = (window as unknown as { __hostileCalls: string[] }).__hostileCalls;
    for (const call of calls) found.push(`called ${call}`);
    for (const global of ["pwned", "xss"]) if (global in window) found.push(`window.${global} is set`);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.startsWith("on")) found.push(`<${element.localName} ${attribute}>`);
        if (!["href", "src", "action", "formaction", "xlink:href"].includes(attribute)) continue;
        const value = element.getAttribute(attribute) ?? "";
        // The URL parser drops leading blanks and tabs inside the scheme, as navigation does.
        const scheme = URL.parse(value, document.baseURI)?.protocol ?? "unparsable:";
        const image = attribute === "src" && value.startsWith("data:image/");
        if (!schemes.includes(scheme) && !image) found.push(`<${element.localName} ${attribute}="${value}">`);
      }
    }
    for (const script of document.scripts) {
      if (/alert|pwned/.test(script.textContent ?? "")) found.push(`<script> holding ${script.textContent}`);
    }
    for (const tag of ["iframe", "object", "embed", "img[src='x']"]) {
      if (document.querySelector(tag)) found.push(`a ${tag} element`);
    }
    return found;
  }, WEB_SCHEMES);
}

/** Every HTML page of the built hostile site in one locale, as site paths. */
function pagesOf(prefix: string): string[] {
  const files = readdirSync(HOSTILE_DIST, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
  const paths = files.map((f) => `/${f.replace(/(^|\/)index\.html$/, "$1")}`);
  const arabic = (path: string) => path.startsWith("/ar/");
  return paths.filter((path) => (prefix === "/ar" ? arabic(path) : !arabic(path))).sort();
}

for (const [locale, prefix] of Object.entries(LOCALES)) {
  test(`no injected script runs and no non-web scheme is linked on any page (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const paths = pagesOf(prefix);
    // Home, 404, join, Kitten, countries, ISO matrix and lists, and each hostile mirror's page.
    expect(paths.length).toBeGreaterThan(20);
    for (const { name, country } of PUBLIC_HOSTILE) {
      expect(paths).toContain(`${prefix}/mirrors/${name}/`);
      expect(paths).toContain(`${prefix}/countries/${country}/`);
    }
    expect(paths).toContain(`${prefix}/mirrors/${PRIVATE_HOSTILE}/`);
    expect(paths).toContain(`${prefix}/kitten/`);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      for (const trace of await traces(page)) found.push(`${path}: ${trace}`);
    }
    expect(found).toEqual([]);
  });

  test(`the join form prefilled by a hostile mirror's edit link runs no injected script (${locale})`, async ({
    page,
  }) => {
    for (const name of [...PUBLIC_HOSTILE.map((m) => m.name), PRIVATE_HOSTILE]) {
      await page.goto(`${prefix}/mirrors/${name}/`);
      const edit = page.locator(`a[href*="/join/?name=${name}&"]`).first();
      await edit.click();
      await expect(page).toHaveURL(/\/join\/\?name=/);
      // The form's script has read the link's fields: its YAML preview names the mirror.
      await expect(page.locator("pre.yaml code")).toContainText(`name: ${name}`);
      expect(await traces(page), name).toEqual([]);
    }
  });

  test(`the map's popups of hostile mirrors hold their text as text (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    // One hostile mirror per country: its country page's map shows one marker, never a cluster.
    for (const { name, country, sponsor } of PUBLIC_HOSTILE) {
      // Opening the popup pans the map, which may re-render the marker and close it: read the
      // popup in one snapshot, and load the page again until one is read.
      await expect(async () => {
        await page.goto(`${prefix}/countries/${country}/`);
        await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
        await page.locator(`.leaflet-marker-icon[title="${name}"]`).click({ timeout: 2000 });
        const shown = await page.locator(".leaflet-popup-content .map-popup").evaluate(
          (root) => ({
            title: root.querySelector("h3")?.textContent,
            text: root.textContent,
            tags: [...root.querySelectorAll("*")].map((e) => e.localName).sort(),
          }),
          undefined,
          { timeout: 2000 },
        );
        expect(shown.title).toBe(name);
        expect(shown.text).toContain(sponsor);
        expect(shown.tags).toEqual(["a", "h3", "p", "p", "p"]);
      }).toPass({ timeout: 40_000 });
      expect(await traces(page), name).toEqual([]);
    }
    // The whole map on the home page, opened, with every mirror loaded.
    await page.goto(`${prefix}/`);
    await page.locator("button.open-map").click();
    await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
    expect(await traces(page)).toEqual([]);
  });
}
