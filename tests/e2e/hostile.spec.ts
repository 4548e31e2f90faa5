/**
 * Hostile data, in a real browser: the site built from `tests/fixtures/hostile/` (every free-text
 * field and URL carries HTML, script, attribute-breaking quotes, bidi overrides or very long text,
 * and every payload calls `alert`), served under its own Content-Security-Policy by Playwright's
 * "hostile" project (see `sites.ts`). In English and Arabic: no injected script runs and no
 * non-web scheme is linked on any page; every marker's popup on the map shows its text as text;
 * the join form opened from each mirror's edit link holds the hostile text as plain values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import { expect, test } from "./fixtures.ts";
import { FIXTURE_SITES, siteDir } from "./sites.ts";

const MIRRORS_DIR = FIXTURE_SITES.hostile.env.MIRRORS_DIR;
const LOCALES = { en: "", ar: "/ar" };
/** Schemes a link may carry; `src` may also hold `data:image/…` (inline icons). */
const WEB_SCHEMES = ["http:", "https:", "ftp:", "rsync:", "mailto:"];

interface FixtureMirror {
  name: string;
  sponsor: string;
  geolocation?: { country?: string; state_province?: string; city?: string };
  update_frequency: string;
}

/** The fixture's mirror files as written, by name: what the pages must show, verbatim. */
const FIXTURE: FixtureMirror[] = readdirSync(MIRRORS_DIR)
  .filter((file) => file.endsWith(".yml"))
  .map((file) => parse(readFileSync(join(MIRRORS_DIR, file), "utf8")) as FixtureMirror);
/** The mirrors the registry accepted: a page each, in the built site (read once it is built). */
const listed = (): FixtureMirror[] =>
  FIXTURE.filter((m) => readdirSync(join(siteDir("hostile"), "mirrors")).includes(m.name));

/** Dialogs the current test's page opened: none may, every payload calls `alert`. */
const dialogs: string[] = [];

/**
 * Before any page script runs: the dialog functions record their calls in `window.__pwned`
 * rather than open a dialog, and so does every Content-Security-Policy violation (an injected
 * inline script or handler is blocked, and reported there).
 */
async function arm(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const pwned: string[] = [];
    Object.defineProperty(window, "__pwned", { value: pwned });
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      Object.defineProperty(window, name, { value: (...args: unknown[]) => void pwned.push(`${name}(${args})`) });
    }
    document.addEventListener("securitypolicyviolation", (event) =>
      pwned.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  dialogs.length = 0;
  page.on("dialog", async (dialog) => {
    dialogs.push(`dialog on ${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
}

/** What an injected payload would have left behind on the current page, as readable lines. */
async function traces(page: Page): Promise<string[]> {
  const found = await page.evaluate((schemes) => {
    const found = [...(window as unknown as { __pwned: string[] }).__pwned];
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
    for (const tag of ["iframe", "object", "embed", "img[src='x']", "svg style"]) {
      if (document.querySelector(tag)) found.push(`a ${tag} element`);
    }
    return found;
  }, WEB_SCHEMES);
  return [...dialogs, ...found];
}

/** Every HTML page of the built hostile site in one locale, as site paths. */
function pagesOf(prefix: string): string[] {
  const files = readdirSync(siteDir("hostile"), { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".html"),
  );
  const paths = files.map((f) => `/${f.replace(/(^|\/)index\.html$/, "$1")}`);
  const arabic = (path: string) => path.startsWith("/ar/");
  return paths.filter((path) => (prefix === "/ar" ? arabic(path) : !arabic(path))).sort();
}

/** Waits until the map has stopped moving: its pane's transform is the same over two frames. */
async function mapAtRest(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const pane = document.querySelector<HTMLElement>(".leaflet-map-pane");
        const before = pane?.style.transform;
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            resolve(!!pane && pane.style.transform === before && !document.querySelector(".leaflet-zoom-anim")),
          ),
        );
      }),
  );
}

test.beforeEach(async ({ page }) => {
  await arm(page);
});

test("the fixture lists its accepted hostile mirrors and refuses the others", () => {
  expect(
    listed()
      .map((m) => m.name)
      .sort(),
  ).toEqual([
    "attribute-quotes.hostile.example",
    "private-cloud.hostile.example",
    "rtl-emoji.hostile.example",
    "script-sponsor.hostile.example",
  ]);
});

test("a hostile query and hash are carried into the language links as parts of the URL, never as markup", async ({
  page,
}) => {
  const query = `?q=${encodeURIComponent(`"><img src=x onerror=alert(1)>`)}&p=javascript:alert(1)`;
  const hash = `#"><script>alert(2)</script>`;
  await page.goto(`/${query}${hash}`);
  await page.locator("details.langs summary").click();
  const links = page.locator("details.langs a[hreflang]");
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(1);
  for (const href of hrefs) {
    const url = new URL(href);
    expect(url.origin, href).toBe(new URL(page.url()).origin);
    // The same query and hash, as the browser's URL parser keeps them: text, not elements.
    expect(url.searchParams.get("q"), href).toBe(`"><img src=x onerror=alert(1)>`);
    expect(url.hash, href).toBe(new URL(page.url()).hash);
  }
  await page.locator('details.langs a[hreflang="ar"]').click();
  await expect(page).toHaveURL(/\/ar\/\?q=/);
  await expect(page.getByRole("searchbox")).toHaveValue(`"><img src=x onerror=alert(1)>`);
  expect(await traces(page)).toEqual([]);
});

for (const [locale, prefix] of Object.entries(LOCALES)) {
  test(`no injected script runs and no non-web scheme is linked on any page (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    const paths = pagesOf(prefix);
    // Home, 404, join, Kitten, countries, ISO matrix and lists, and each hostile mirror's page.
    expect(paths.length).toBeGreaterThan(20);
    for (const { name } of listed()) expect(paths).toContain(`${prefix}/mirrors/${name}/`);
    const found: string[] = [];
    for (const path of paths) {
      // A major version's ISO page sends the reader on by a meta refresh: read where it leads,
      // known from the page as served, not from the live one, which the refresh may replace.
      const refreshes = (await (await page.request.get(path)).text()).includes('http-equiv="refresh"');
      await page.goto(path);
      if (refreshes) {
        await page.waitForURL((to) => to.pathname !== path);
        await page.waitForLoadState("load");
      }
      for (const trace of await traces(page)) found.push(`${path}: ${trace}`);
    }
    expect(found).toEqual([]);
  });

  test(`every marker of the map opens a popup that shows its mirror's text as text (${locale})`, async ({ page }) => {
    const data = (await (await page.request.get("/map-data.json")).json()) as { mirrors: [string, string][] };
    // Every public hostile mirror has a place (from its country, at least).
    const located = data.mirrors.map(([name]) => name).sort();
    expect(located).toEqual(
      listed()
        .filter((m) => m.name !== "private-cloud.hostile.example")
        .map((m) => m.name)
        .sort(),
    );
    // The whole map opened: nothing ran.
    await page.goto(`${prefix}/`);
    await page.locator("button.open-map").click();
    await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
    await expect(page.locator(".leaflet-marker-icon").first()).toBeVisible();
    expect(await traces(page)).toEqual([]);
    // Then every mirror of the map data on its own: the table filtered to it, the map with it.
    for (const name of located) {
      const mirror = listed().find((m) => m.name === name);
      await page.goto(`${prefix}/?q=${encodeURIComponent(name)}`);
      await page.locator("button.open-map").click();
      await expect(page.locator("mirror-map[data-ready]")).toBeAttached();
      const marker = page.locator(".leaflet-marker-icon");
      await expect(marker).toHaveCount(1);
      await expect(marker).toHaveAttribute("title", name);
      await mapAtRest(page);
      await marker.click();
      const popup = page.locator(".leaflet-popup-content .map-popup");
      await expect(popup).toBeVisible();
      await expect(popup.locator("h3")).toHaveText(name);
      // The sponsor, however hostile, is one text node in its own <bdi>.
      await expect(popup.locator("p bdi").first()).toHaveText(mirror?.sponsor ?? "");
      const tags = await popup.evaluate((root) => [
        ...new Set([...root.querySelectorAll("*")].map((e) => e.localName)),
      ]);
      expect(tags.sort()).toEqual(["a", "bdi", "h3", "p"]);
      await expect(popup.getByRole("link")).toHaveAttribute("href", `${prefix}/mirrors/${name}/`);
      expect(await traces(page), name).toEqual([]);
    }
  });

  test(`the join form opened from each hostile mirror's edit link holds its text as plain values (${locale})`, async ({
    page,
  }) => {
    for (const mirror of listed()) {
      await page.goto(`${prefix}/mirrors/${mirror.name}/`);
      const edit = page.locator(`a[href^="${prefix}/join/?name=${mirror.name}&"]`);
      await expect(edit).toHaveCount(1);
      await edit.click();
      await expect(page).toHaveURL(/\/join\/\?name=/);
      // The form's script has read the link's fields: its YAML preview names the mirror.
      await expect(page.locator("pre.yaml code")).toContainText(`name: ${mirror.name}`);
      const params = new URL(page.url()).searchParams;
      // Every field the link fills holds the link's value, character for character.
      for (const [key, value] of params) {
        const field = page.locator(`#join-${key}`);
        if (key === "private") await expect(field, key).toBeChecked();
        else await expect(field, key).toHaveValue(value);
      }
      // And the free text is the mirror file's own.
      await expect(page.locator("#join-sponsor")).toHaveValue(mirror.sponsor);
      await expect(page.locator("#join-updateFrequency")).toHaveValue(mirror.update_frequency);
      await expect(page.locator("#join-city")).toHaveValue(mirror.geolocation?.city ?? "");
      await expect(page.locator("#join-region")).toHaveValue(mirror.geolocation?.state_province ?? "");
      expect(await traces(page), mirror.name).toEqual([]);
    }
  });
}
