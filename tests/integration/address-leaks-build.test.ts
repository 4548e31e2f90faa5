/**
 * Real builds of registries that try to publish an e-mail address or a password: through an
 * rsync user that spells the contact, credentials in `sponsor_url` and a subnets URL, an address
 * in a URL's path or query, a file name, a non-ASCII address under an unknown key. Each file is
 * refused (or its note masked), and no trace reaches any output. A second build gets a status
 * file whose reason holds a mirror file's contact: the build's last check fails it, naming the
 * output and the mirror file, never the address.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatusFile } from "../../src/core/types.ts";
import { mirrorNamed } from "../unit/helpers.ts";
import { BUILD_TIMEOUT_MS, buildScratchSite, type ScratchSite } from "./site-build.ts";

const CHECKED = "2026-12-01T06:00:00Z";

/** A sound mirror `name` whose contact is `contact`, with `change` applied to its text. */
function mirror(name: string, contact: string, change: (text: string) => string = (t) => t): string {
  return change(mirrorNamed(name).replace("email: noc@example.org", `email: ${contact}`));
}

const HOSTILE: Record<string, string> = {
  "good.example.org": mirror("good.example.org", "noc@good.example.org"),
  // A sponsor whose rsync user and contact share a name: the accident the issue saw.
  "rsync.example.org": mirror("rsync.example.org", "alice.one@example.org", (t) =>
    t.replace("update_frequency", "  rsync: rsync://alice.one@example.org/almalinux/\nupdate_frequency"),
  ),
  "user.example.org": mirror("user.example.org", "bob@example.org", (t) =>
    t.replace("sponsor_url: https://user.example.org/", "sponsor_url: https://bob@example.org/"),
  ),
  "password.example.org": mirror("password.example.org", "kim@example.org", (t) =>
    t.replace("sponsor_url: https://password.example.org/", "sponsor_url: https://kim:Secr3tPass@example.org/"),
  ),
  "path.example.org": mirror("path.example.org", "dave@example.org", (t) =>
    t.replace("https://path.example.org/almalinux/", "https://path.example.org/~dave@example.org/"),
  ),
  "query.example.org": mirror("query.example.org", "erin@example.org", (t) =>
    t.replace(
      "sponsor_url: https://query.example.org/",
      "sponsor_url: https://query.example.org/?mail=erin@example.org",
    ),
  ),
  "subnets.example.org": mirror(
    "subnets.example.org",
    "frank@example.org",
    (t) => `${t}private: true\nsubnets: https://subnets.example.org/list.txt?by=frank@example.org\n`,
  ),
  "ivan@example.org": mirror("named.example.org", "ivan@example.org"),
  // An error quoting a value that tries to start a GitHub workflow command in the build's log.
  "workflow.example.org": mirror("workflow.example.org", "wf@example.org", (t) =>
    t.replace("country: DE", 'country: "DE\\n::add-mask::DE\\r::error::forged"'),
  ),
  // Valid, with an unknown key that is a non-ASCII address: the page's note on it masks it.
  "judy.example.org": mirror("judy.example.org", "judy@bücher.example", (t) => `${t}judy@bücher.example: mail me\n`),
};

const TRACES = ["alice.one@", "bob@", "Secr3tPass", "dave@", "erin@", "frank@", "ivan@", "ivan%40", "bücher", "judy@"];

const entry = (state: "ok" | "broken", reason: string) => ({ state, reason, checked_at: CHECKED });

/** Every file under `dir`, as text. */
function outputs(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), "utf8")]);
}

let hostile: ScratchSite;
let leaking: ScratchSite;

beforeAll(
  () => {
    const status: StatusFile = { checked_at: CHECKED, mirrors: { "good.example.org": entry("ok", "Checked: ok.") } };
    hostile = buildScratchSite("address-leaks", HOSTILE, status, "en");
    // A status file is an input too: a reason holding a contact would be published as it is.
    leaking = buildScratchSite(
      "address-leaks-status",
      { "good.example.org": HOSTILE["good.example.org"] ?? "" },
      { checked_at: CHECKED, mirrors: { "good.example.org": entry("broken", "Write to noc@good.example.org.") } },
      "en",
    );
  },
  2 * BUILD_TIMEOUT_MS + 20_000,
);

afterAll(() => {
  hostile.remove();
  leaking.remove();
});

describe("a registry that tries to publish addresses and passwords", () => {
  const log = () => `${hostile.build.stdout}\n${hostile.build.stderr}`;

  it("builds, refusing each file with the diagnostic that names the field", () => {
    expect(hostile.build.status, log()).toBe(0);
    expect(log()).toMatch(/rsync\.example\.org\.yml:\d+:\d+ email-in-url `address\.rsync`/);
    expect(log()).toMatch(/user\.example\.org\.yml:\d+:\d+ url-credentials `sponsor_url`/);
    expect(log()).toMatch(/password\.example\.org\.yml:\d+:\d+ url-credentials `sponsor_url`/);
    expect(log()).toMatch(/path\.example\.org\.yml:\d+:\d+ email-in-url `address\.https`/);
    expect(log()).toMatch(/query\.example\.org\.yml:\d+:\d+ email-in-url `sponsor_url`/);
    expect(log()).toMatch(/subnets\.example\.org\.yml:\d+:\d+ email-in-url `subnets`/);
    expect(log()).toMatch(/1:1 at-sign-in-file-name/);
    expect(log()).toMatch(/none holds any of the 10 contact addresses/);
  });

  it("logs registry text escaped, so that no line of the log is a workflow command", () => {
    expect(log()).toContain("unknown-country `DE%0A::add-mask::DE%0D::error::forged`");
    const plain = stripVTControlCharacters(log());
    expect(plain.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith("::"))).toEqual([]);
  });

  it("publishes the sound mirrors and no trace of any address or password, in any output", () => {
    expect(hostile.page("mirrors/good.example.org/index.html")).toContain("good.example.org");
    expect(hostile.page("mirrors/judy.example.org/index.html")).toContain("(address hidden)");
    const leaks = outputs(hostile.dist).flatMap(([file, text]) =>
      TRACES.filter((trace) => text.toLowerCase().includes(trace.toLowerCase())).map((trace) => `${file}: ${trace}`),
    );
    expect(leaks).toEqual([]);
  });
});

describe("an output that holds a mirror file's contact", () => {
  const log = () => `${leaking.build.stdout}\n${leaking.build.stderr}`;

  it("fails the build, naming the output and the mirror file but not the address", () => {
    expect(leaking.build.status).not.toBe(0);
    expect(log()).toContain("output files hold a mirror file's contact address");
    expect(log()).toMatch(/status\/v1\.json: the contact of .*good\.example\.org\.yml/);
    expect(log()).not.toContain("noc@good.example.org");
  });
});
