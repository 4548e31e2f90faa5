/**
 * Hostile mirror files that try to publish an e-mail address or a password through a URL, a
 * file name or a non-ASCII address: each is refused by the validator (or, for rsync's user
 * name, dropped from what is published), the one e-mail pattern masks every address it shows,
 * and the build's last check finds a contact address in any output text.
 */
import { describe, expect, it } from "vitest";
import { contactIndex, findContacts } from "../../src/core/contact-leaks.ts";
import { hideEmails, holdsEmail } from "../../src/core/email-shape.ts";
import { checkMirrorFile } from "../../src/core/mirror-file.ts";
import { buildRegistry } from "../../src/core/registry.ts";
import { siteMirrorsOf } from "../../src/site/model.ts";
import { SOUND } from "./helpers.ts";

const WITH_CONTACT = (contact: string) => SOUND.replace("email: noc@example.org", `email: ${contact}`);
const HTTPS = "https://mirror.example.org/almalinux/";

/** The codes of `text`'s errors and warnings, and the URLs it would publish. */
function verdict(text: string, file = "mirror.example.org.yml") {
  const { mirror, diagnostics } = checkMirrorFile(file, text);
  return {
    codes: diagnostics.map((d) => `${d.severity} ${d.code} ${d.path.join(".")}`),
    published: mirror === null ? null : JSON.stringify(mirror),
  };
}

describe("addresses and passwords in URLs", () => {
  it("refuses an rsync user name that spells the contact address, and drops any other one", () => {
    const spelled = verdict(
      WITH_CONTACT("alice.one@example.org").replace(
        "update_frequency",
        "  rsync: rsync://alice.one@example.org/almalinux/\nupdate_frequency",
      ),
    );
    expect(spelled.codes).toContain("error email-in-url address.rsync");
    expect(spelled.published).toBeNull();
    const anonymous = verdict(
      SOUND.replace("update_frequency", "  rsync: rsync://rsync@mirror.example.org:/almalinux\nupdate_frequency"),
    );
    expect(anonymous.codes).toEqual(["warning rsync-user address.rsync"]);
    expect(anonymous.published).toContain('"rsync":"rsync://mirror.example.org/almalinux/"');
    expect(anonymous.published).not.toContain("rsync@");
  });

  it.each([
    ["a user name in sponsor_url", "sponsor_url: https://bob@example.org/", "error url-credentials sponsor_url"],
    [
      "a password in sponsor_url",
      "sponsor_url: https://kim:Secr3tPass@example.org/",
      "error url-credentials sponsor_url",
    ],
    [
      "an address in a URL path",
      `sponsor_url: https://example.org/~dave@example.org/`,
      "error email-in-url sponsor_url",
    ],
    [
      "an address in a query",
      "sponsor_url: https://example.org/?mail=erin@example.org",
      "error email-in-url sponsor_url",
    ],
    [
      "an escaped address",
      "sponsor_url: https://example.org/?mail=erin%40example.org",
      "error email-in-url sponsor_url",
    ],
    ["an address without a scheme", "sponsor_url: example.org/~dave@example.org", "error email-in-url sponsor_url"],
    ["a non-ASCII address", "sponsor_url: https://example.org/judy@bücher.example", "error email-in-url sponsor_url"],
    ["a full-width at sign", "sponsor_url: https://example.org/judy＠example。org", "error email-in-url sponsor_url"],
  ])("refuses %s", (_, line, code) => {
    const { codes, published } = verdict(SOUND.replace("sponsor_url: https://example.org", line));
    expect(codes).toContain(code);
    expect(published).toBeNull();
  });

  it("refuses credentials and addresses in base URLs, Kitten's included, and in a subnets list URL", () => {
    const cases: [string, string][] = [
      [SOUND.replace(HTTPS, "https://user:pw@mirror.example.org/almalinux/"), "error url-credentials address.https"],
      [SOUND.replace(HTTPS, "https://ops@mirror.example.org/almalinux/"), "error url-credentials address.https"],
      [
        SOUND.replace("update_frequency", "  rsync: rsync://u:Secr3t@mirror.example.org/almalinux/\nupdate_frequency"),
        "error url-credentials address.rsync",
      ],
      [SOUND.replace(HTTPS, "https://mirror.example.org/~dave@example.org/"), "error email-in-url address.https"],
      [
        `${SOUND}address_optional:\n  kitten:\n    https: https://mirror.example.org/k/?to=ops@example.org\n`,
        "error email-in-url address_optional.kitten.https",
      ],
      [`${SOUND}private: true\nsubnets: https://frank:pw@example.org/nets.txt\n`, "error url-credentials subnets"],
      [
        `${SOUND}private: true\nsubnets: https://example.org/nets.txt?by=frank@example.org\n`,
        "error email-in-url subnets",
      ],
    ];
    for (const [text, code] of cases) {
      const { codes, published } = verdict(text);
      expect(codes, text).toContain(code);
      expect(published, text).toBeNull();
    }
  });

  it("refuses a file name with an at sign, in any of its forms, but not a folder with one", () => {
    for (const file of ["mirrors.d/ivan@example.org.yml", "ivan＠example.org.yml", "ivan%40example.org.yml"]) {
      expect(verdict(SOUND, file).codes, file).toContain("error at-sign-in-file-name ");
    }
    expect(verdict(SOUND, "/home/u@host/mirrors.d/mirror.example.org.yml").codes).toEqual([]);
  });
});

describe("the one e-mail pattern", () => {
  it("finds addresses in any script and with any at sign, and hides every one", () => {
    for (const text of [
      "judy@bücher.example",
      "иван@пример.рф",
      "ops＠example．org",
      "a﹫b。c",
      "x (ops@example.org)",
    ]) {
      expect(holdsEmail(text), text).toBe(true);
    }
    expect(hideEmails("`judy@bücher.example`, or ops@example.org; a@b.org;c@d.org")).toBe(
      "`(address hidden)`, or (address hidden); (address hidden);(address hidden)",
    );
    expect(holdsEmail("no address @ all, not even user@localhost")).toBe(false);
  });

  it("masks a non-ASCII address named as an unknown key in the notes a page shows", () => {
    const registry = buildRegistry(
      [{ file: "mirror.example.org.yml", text: `${SOUND}judy@bücher.example: hi\n` }],
      null,
    );
    const note = registry.diagnostics.find((d) => d.code === "unknown-key");
    expect(JSON.stringify(note)).toContain("judy@bücher.example");
    expect(hideEmails(JSON.stringify(note))).not.toContain("bücher");
    const [site] = siteMirrorsOf(
      registry,
      registry.mirrors.map((mirror) => ({ mirror, placement: null, address: null, disagreement: null })),
    );
    expect(JSON.stringify(site?.notes)).not.toContain("bücher");
    expect(JSON.stringify(site?.notes)).toContain("(address hidden)");
  });
});

describe("the build's last check for contact addresses", () => {
  const index = contactIndex([
    { file: "mirrors.d/a.yml", address: "Alice.One@Example.org" },
    { file: "mirrors.d/b.yml", address: "judy@bücher.example" },
    { file: "mirrors.d/c.yml", address: "judy@bücher.example" },
  ]);

  it("finds a contact in any case, escaped in a URL, and names every file that gives it", () => {
    expect(findContacts("<p>mail ALICE.ONE@EXAMPLE.ORG</p>", index)).toEqual(["mirrors.d/a.yml"]);
    expect(findContacts("https://x/?m=alice.one%40example.org", index)).toEqual(["mirrors.d/a.yml"]);
    expect(findContacts('"judy@bücher.example"', index)).toEqual(["mirrors.d/b.yml", "mirrors.d/c.yml"]);
    expect(findContacts("bob@example.org, one@example.org, alice.one@example.net", index)).toEqual([]);
  });

  it("reads a text of nothing but at signs, and one at its very edges", () => {
    expect(findContacts("e@".repeat(1_000_000), index)).toEqual([]);
    expect(findContacts("@judy@bücher.example@", index)).toEqual(["mirrors.d/b.yml", "mirrors.d/c.yml"]);
  });
});
