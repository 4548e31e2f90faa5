/**
 * The join page in a real browser: the form writes YAML that the validator CLI accepts, the
 * paste box lists the CLI's own diagnostics, and a mirror page's edit link round-trips the
 * registry file unchanged in meaning.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type { Diagnostic } from "../../src/core/diagnostics.ts";
import { draftToYaml } from "../../src/core/mirror-draft.ts";
import { draftToParams } from "../../src/core/mirror-draft-query.ts";
import { MIRROR_FIELDS } from "../../src/core/mirror-fields.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import type { Mirror } from "../../src/core/types.ts";
import { filledDraft } from "../fixtures/filled-draft.ts";
import { expect, test } from "./fixtures.ts";
import { expectNoAxeViolations } from "./page-checks.ts";
import { SITE_MIRRORS_DIR } from "./sites.ts";

const ROOT = join(import.meta.dirname, "../..");

/** `npm run validate -- --format json --no-cache FILE`, run as the CLI runs. */
function validate(file: string, ...flags: string[]): { status: number | null; report: { diagnostics: Diagnostic[] } } {
  const run = spawnSync(
    process.execPath,
    ["scripts/run-bundled.mjs", "validate", "--format", "json", "--no-cache", ...flags, file],
    { cwd: ROOT, encoding: "utf8" },
  );
  return { status: run.status, report: JSON.parse(run.stdout) };
}

/** A scratch folder for the duration of `use`. */
async function withScratch(use: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "join-spec-"));
  try {
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the join page (or a prefilled link to it) and waits for its script. */
async function openForm(page: Page, url = "/join/"): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Copy the file" })).toBeVisible();
}

const yamlShown = (page: Page) =>
  page
    .locator("pre.yaml code")
    .textContent()
    .then((text) => text ?? "");

test("the filled form gives a file that npm run validate accepts, downloadable as <name>.yml", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Host name").fill("mirror.join-test.example.org");
  await page.getByLabel("HTTPS URL", { exact: true }).fill("https://mirror.join-test.example.org/almalinux/");
  await page.getByLabel("rsync URL", { exact: true }).fill("rsync://mirror.join-test.example.org/almalinux/");
  await page.getByLabel("Kitten HTTPS URL").fill("https://mirror.join-test.example.org/almalinux-kitten/");
  await page.getByLabel("Sponsor", { exact: false }).first().fill("Join Test Hosting");
  await page.getByLabel("Sponsor's web site").fill("https://join-test.example.org");
  await page.getByLabel("Contact e-mail").fill("mirrors@join-test.example.org");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("City (optional)").fill("Frankfurt am Main");
  await expect(page.locator(".check-count")).toHaveText("The file passes every check.");
  await expect(page.locator(".check-list li")).toHaveCount(0);

  const yaml = await yamlShown(page);
  expect(yaml).toContain("name: mirror.join-test.example.org");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the file" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("mirror.join-test.example.org.yml");

  await withScratch(async (dir) => {
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    expect(readFileSync(path, "utf8")).toBe(yaml);
    const { status, report } = validate(path, "--strict");
    expect(report.diagnostics).toEqual([]);
    expect(status).toBe(0);
  });
});

test("the checks of the form are linked to their fields and mark them invalid", async ({ page }) => {
  await openForm(page);
  const name = page.getByLabel("Host name");
  await name.fill("https://mirror.example.org/");
  await name.blur();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAttribute("aria-describedby", /join-name-msg/);
  await expect(page.locator("#join-name-msg")).toContainText("must be the mirror's host name");
  const summary = page.locator(".check-list");
  await expect(summary).toContainText("Sponsor's web site: The file has no sponsor_url key.");
  await summary.getByRole("link", { name: "Sponsor's web site" }).click();
  await expect(page.getByLabel("Sponsor's web site")).toBeFocused();
  // A field inside the closed "advanced" disclosure is opened and focused too.
  const advanced = page.getByText("Advanced: private mirrors, networks and clouds");
  await advanced.click();
  await page.getByLabel("Cloud provider").selectOption("aws");
  await advanced.click();
  await expect(page.getByLabel("Cloud regions")).toBeHidden();
  await summary.getByRole("link", { name: "Cloud regions" }).click();
  await expect(page.getByLabel("Cloud regions")).toBeFocused();
});

const BROKEN = `---
name: https://mirror.example.org/
address:
  https: ftp://mirror.example.org/almalinux/
  rsync: http://mirror.example.org/almalinux/
update_frequency: 3h
sponsor: Example
sponsor_url: javascript:alert(1)
geolocation:
  country: Atlantis
private: maybe
subnets:
  - 10.0.0.0/99
...
`;

test("a pasted broken file shows each diagnostic of npm run validate with its line, and jumps there", async ({
  page,
}) => {
  await page.goto("/join/");
  const box = page.getByLabel("Mirror file (YAML)");
  await box.fill(BROKEN);
  await withScratch(async (dir) => {
    const path = join(dir, "broken.yml");
    writeFileSync(path, BROKEN);
    const { status, report } = validate(path);
    expect(status).toBe(1);
    const expected = report.diagnostics
      .filter((d) => d.file.endsWith("broken.yml"))
      // Code spans are `<code>` elements on the page, so their backticks are not in its text.
      .map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message.replaceAll("`", "")}`);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    await expect(page.locator(".paste-list li")).toHaveText(expected);
  });

  const subnet = page.locator(".paste-list button", { hasText: "bad-subnet" });
  const [line, column] = ((await subnet.textContent()) ?? "").split(" ")[0]?.split(":").map(Number) ?? [];
  expect(line).toBe(13);
  await subnet.click();
  await expect(box).toBeFocused();
  const caret = await box.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  const lines = BROKEN.split("\n");
  const offset = lines.slice(0, (line ?? 1) - 1).reduce((n, l) => n + l.length + 1, 0) + (column ?? 1) - 1;
  expect(caret).toBe(offset);
});

test("the checks on /de/join/ are German, with code spans as <code> and no backticks", async ({ page }) => {
  await page.goto("/de/join/");
  const name = page.locator("#join-name");
  await expect(page.locator(".check-count")).not.toBeEmpty();
  await name.fill("https://mirror.example.org/");
  await name.blur();
  const message = page.locator("#join-name-msg");
  await expect(message).toContainText("muss der Hostname des Spiegelservers sein");
  await expect(message.locator("code").first()).toHaveText("name");
  const summary = page.locator(".check-list");
  await expect(summary).toContainText("Die Datei hat keinen Schlüssel sponsor_url.");
  await expect(summary).not.toContainText("`");
  await expect(summary).not.toContainText("The file");

  await page.locator("#join-paste-text").fill(BROKEN);
  const pasted = page.locator(".paste-list");
  await expect(pasted).toContainText("Atlantis ist kein Ländercode nach ISO 3166-1 alpha-2.");
  await expect(pasted.locator("code", { hasText: "Atlantis" })).toHaveCount(1);
  await expect(pasted).not.toContainText("`");
  await expect(pasted.locator("button", { hasText: "unknown-country" })).toContainText(
    /^\d+:\d+ Fehler unknown-country /,
  );
});

/** A mirror as the core normalises it, without the name of the file it came from. */
function meaning(file: string, text: string): Omit<Mirror, "file"> {
  const { mirror, diagnostics } = checkMirrorFile(file, text);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!mirror) throw new Error(`${file} is not valid`);
  const { file: _file, ...rest } = mirror;
  return rest;
}

const ROUND_TRIPS = {
  "mirror.ox.ac.uk": "mirror.ox.ac.uk.yml",
  "aws.repo.almalinux.org": "aws.repo.almalinux.org.yml",
  "homeserver.zelgray.work": "homeserver.zelgray.work.yml",
  "mirrors.binaryracks.com": "alma.binaryracks.com.yml",
  "mirror.spectraip.net": "almalinux-mirror.spectraip.net.yml",
};

for (const [name, file] of Object.entries(ROUND_TRIPS)) {
  test(`the edit link of ${name} round-trips its registry file`, async ({ page }) => {
    await page.goto(`/mirrors/${name}/`);
    await page.getByRole("link", { name: "Change this listing with the mirror file form" }).click();
    await expect(page).toHaveURL(/\/join\/\?/);
    expect(page.url()).not.toContain("email");
    await expect(page.getByRole("button", { name: "Copy the file" })).toBeVisible();
    await expect(page.getByLabel("Host name")).toHaveValue(name);
    const yaml = await yamlShown(page);
    const registry = readFileSync(join(ROOT, SITE_MIRRORS_DIR, file), "utf8");
    expect(meaning(`mirrors.d/${name}.yml`, yaml)).toEqual(meaning(`mirrors.d/${file}`, registry));
  });
}

test("the form kept as a link carries only the filled fields and reopens at the form", async ({ page }) => {
  await openForm(page);
  await page.getByLabel("Host name").fill("mirror.link-test.example.org");
  await page.getByLabel("HTTPS URL", { exact: true }).fill("https://mirror.link-test.example.org/almalinux/");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByRole("button", { name: "Keep this form as a link" }).click();
  await page.waitForURL(/#join-form$/);
  const url = new URL(page.url());
  expect(url.pathname).toBe("/join/");
  // The typed fields and the prefilled update frequency; none of the empty ones.
  expect([...url.searchParams.keys()]).toEqual(["name", "https", "updateFrequency", "country"]);
  expect([...url.searchParams.values()].filter((value) => value.trim() === "")).toEqual([]);
  expect(url.searchParams.get("name")).toBe("mirror.link-test.example.org");
  await expect(page.getByLabel("Host name")).toHaveValue("mirror.link-test.example.org");
  // The reader lands at the form, not at the top of the page.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  await expect(page.locator("#join-form")).toBeInViewport();
});

test("every row of the table of mirror fields is a control, prefilled by its query key into the YAML", async ({
  page,
}) => {
  const params = draftToParams(filledDraft());
  await openForm(page, `/join/?${params}`);
  const tags = { input: "INPUT", checkbox: "INPUT", textarea: "TEXTAREA", select: "SELECT" };
  for (const field of MIRROR_FIELDS) {
    const control = page.locator(`#join-${field.name}`);
    await expect(control, field.name).toHaveAttribute("name", field.name);
    expect(await control.evaluate((el) => el.tagName), field.name).toBe(tags[field.control.kind]);
    if (field.control.kind === "checkbox") await expect(control, field.name).toBeChecked();
    else await expect(control, field.name).toHaveValue(params.get(field.name) ?? "");
  }
  expect(await yamlShown(page)).toBe(draftToYaml(filledDraft()));
  await expect(page.locator(".check-count")).toHaveText("The file passes every check.");
});

test("the join page's scripts load on no other page", async ({ page, request }) => {
  await page.goto("/join/");
  const all = await page.locator("script[src]").evaluateAll((els) => els.map((el) => el.getAttribute("src")));
  // The Copy buttons' script (CodeBlock) is shared with the mirror pages' .repo snippet.
  const scripts = all.filter((src) => !src?.includes("/CodeBlock."));
  expect(scripts.length).toBeGreaterThan(0);
  for (const path of ["/", "/mirrors/mirror.ox.ac.uk/", "/kitten/", "/countries/de/"]) {
    const html = await (await request.get(path)).text();
    for (const src of scripts) expect(html, `${path} loads ${src}`).not.toContain(src ?? "");
  }
});

test("axe finds no violation on the join page, with the advanced fields open and checks shown", async ({ page }) => {
  await openForm(page, "/join/?name=https://x&private=true&asns=x");
  await page.getByLabel("Mirror file (YAML)").fill(BROKEN);
  await expect(page.locator(".paste-list li").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
