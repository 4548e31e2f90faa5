import { describe, expect, it } from "vitest";
import { check, replacing, SOUND, withLines } from "./helpers.ts";

describe("a sound mirror file", () => {
  it("passes with no diagnostic and is normalised", () => {
    const { mirror, found } = check(SOUND);
    expect(found).toEqual([]);
    expect(mirror).toMatchObject({
      name: "mirror.example.org",
      urls: {
        http: "http://mirror.example.org/almalinux/",
        https: "https://mirror.example.org/almalinux/",
      },
      kittenUrls: null,
      location: {
        country: "DE",
        continent: "EU",
        region: "Hesse",
        city: "Frankfurt",
        coordinates: null,
      },
      private: false,
      monopoly: false,
    });
    expect(JSON.stringify(mirror)).not.toContain("noc@example.org");
  });
});

describe("the contact e-mail stays private", () => {
  // Found by the property test: an alias carried the contact address into a published field.
  it("refuses the e-mail reached through a YAML alias, where it sits", () => {
    const aliased = SOUND.replace("email: noc@example.org", "email: &contact noc@example.org").replace(
      "state_province: Hesse",
      "state_province: *contact",
    );
    const { mirror, found } = check(aliased);
    expect(mirror).toBeNull();
    expect(found).toEqual(["12:19 error email-in-public-field"]);
  });

  it("refuses an address copied into the sponsor, the city or a cloud region", () => {
    expect(check(SOUND.replace("sponsor: Example Hosting", "sponsor: Example Hosting noc@example.org")).found).toEqual([
      "7:10 error email-in-public-field",
    ]);
    expect(check(SOUND.replace("city: Frankfurt", "city: ops@elsewhere.example")).found).toEqual([
      "13:9 error email-in-public-field",
    ]);
    expect(check(withLines("cloud_type: aws", "cloud_regions: [eu-west-1, a@b.example]")).found).toEqual([
      "15:28 error email-in-public-field",
    ]);
  });

  it("lets an @ that is no address through", () => {
    expect(check(SOUND.replace("sponsor: Example Hosting", "sponsor: Hosting @ Example")).found).toEqual([]);
  });
});

describe("schema gaps upstream leaves open", () => {
  it("rejects monopoly without private", () => {
    expect(check(withLines("monopoly: true", "asn: 64500")).found).toEqual(["14:1 error monopoly-needs-private"]);
    expect(check(withLines("monopoly: false")).found).toEqual([]);
  });

  it("rejects cloud_type without cloud_regions, and unknown providers", () => {
    expect(check(withLines("cloud_type: aws")).found).toEqual(["14:1 error cloud-needs-regions"]);
    expect(check(withLines("cloud_type: hetzner", "cloud_regions: [all]")).found).toEqual([
      "14:13 error unknown-value",
    ]);
    expect(check(withLines("cloud_type: gcp", "cloud_regions: [all]")).mirror?.cloud).toEqual({
      type: "gcp",
      regions: ["all"],
    });
  });

  it("rejects a URL as name", () => {
    expect(check(replacing("name", "name: https://mirror.example.org")).found).toEqual(["2:7 error name-not-host"]);
  });

  it("needs an http or https address", () => {
    const text = SOUND.replace(/ {2}http: .*\n {2}https: .*\n/, "  rsync: rsync://mirror.example.org/almalinux/\n");
    expect(check(text).found).toEqual(["3:1 error missing-web-url"]);
  });

  it("reports a missing required key at the place it belongs", () => {
    expect(check(SOUND.replace(/^sponsor: .*\n/m, "")).found).toEqual(["2:1 error missing-key"]);
  });
});

describe("URLs", () => {
  it("refuses non-web schemes anywhere", () => {
    expect(check(replacing("sponsor_url", "sponsor_url: javascript:alert(1)")).found).toEqual([
      "8:14 error unsafe-url-scheme",
    ]);
    expect(check(SOUND.replace("http://mirror.example.org/almalinux/", "data:text/html,hi")).found).toEqual([
      "4:9 error unsafe-url-scheme",
    ]);
    expect(check(SOUND.replace("https://mirror.example.org/almalinux/", "file:///etc/passwd")).found).toEqual([
      "5:10 error unsafe-url-scheme",
    ]);
  });

  it("uses a web URL under the scheme it really has, with a warning", () => {
    const { mirror, found } = check(SOUND.replace(/ {2}http: .*\n/, "").replace("https: https://", "https: http://"));
    expect(found).toEqual(["4:10 warning scheme-mismatch"]);
    expect(mirror?.urls).toEqual({ http: "http://mirror.example.org/almalinux/" });
  });

  it("reads rsync in URL and daemon form, and warns about the mixed form", () => {
    const daemon = check(
      withLines().replace("update_frequency", "  rsync: mirror.example.org::almalinux\nupdate_frequency"),
    );
    expect(daemon.found).toEqual([]);
    expect(daemon.mirror?.urls.rsync).toBe("rsync://mirror.example.org/almalinux/");
    const mixed = check(
      SOUND.replace("update_frequency", "  rsync: rsync://mirror.example.org::almalinux\nupdate_frequency"),
    );
    expect(mixed.found).toEqual(["6:10 warning rsync-syntax"]);
  });

  it("drops a fragment from a base URL, with a warning", () => {
    const { mirror, found } = check(
      SOUND.replace("https://mirror.example.org/almalinux/", "https://mirror.example.org/almalinux/#top"),
    );
    expect(found).toEqual(["5:10 warning url-fragment"]);
    expect(mirror?.urls.https).toBe("https://mirror.example.org/almalinux/");
  });

  it("refuses passwords in URLs", () => {
    expect(check(SOUND.replace("https://mirror", "https://user:secret@mirror")).found).toEqual([
      "5:10 error url-credentials",
    ]);
  });

  it("reads a sponsor_url without scheme as https, with a warning", () => {
    const { mirror, found } = check(replacing("sponsor_url", "sponsor_url: example.org"));
    expect(found).toEqual(["8:14 warning url-without-scheme"]);
    expect(mirror?.sponsorUrl).toBe("https://example.org/");
  });
});

describe("networks", () => {
  it("accepts IPv4 and IPv6 CIDR and canonicalises them", () => {
    const { mirror, found } = check(
      withLines("private: true", "subnets: ['147.32.0.0/16', '2001:0718:0002::/48']", "asn: [2852]"),
    );
    expect(found).toEqual([]);
    expect(mirror).toMatchObject({
      subnets: ["147.32.0.0/16", "2001:718:2::/48"],
      asns: [2852],
      private: true,
    });
  });

  it("rejects a malformed subnet at its list item", () => {
    expect(check(withLines("subnets:", "  - 147.32.0.0/16", "  - 300.1.1.1/24")).found).toEqual([
      "16:5 error bad-subnet",
    ]);
  });

  it("accepts an https URL to a list of subnets", () => {
    expect(check(withLines("subnets: https://example.org/nets.txt")).mirror?.subnetsUrl).toBe(
      "https://example.org/nets.txt",
    );
  });

  it("rejects ASNs out of range or not integers", () => {
    expect(check(withLines("asn: 0")).found).toEqual(["14:6 error asn-out-of-range"]);
    expect(check(withLines("asn: [64500, 4294967296]")).found).toEqual(["14:14 error asn-out-of-range"]);
    expect(check(withLines("asn: AS64500")).found).toEqual(["14:6 error wrong-type"]);
  });

  it("warns that a private mirror with neither subnets nor ASN is never served", () => {
    expect(check(withLines("private: true")).found).toEqual(["14:1 warning private-unreachable"]);
  });
});

describe("countries and location", () => {
  it("normalises known aliases with a warning", () => {
    for (const alias of ["UK", "Germany", "de"]) {
      const { mirror, found } = check(SOUND.replace("country: DE", `country: ${alias}`));
      expect(found).toEqual(["11:12 warning country-alias"]);
      expect(mirror?.location?.country).toBe(alias === "UK" ? "GB" : "DE");
    }
  });

  it("rejects unknown countries", () => {
    expect(check(SOUND.replace("country: DE", "country: Atlantis")).found).toEqual(["11:12 error unknown-country"]);
  });

  it("accepts the optional continent, by name or code, when the country is on it", () => {
    const withContinent = (text: string, country = "DE") =>
      SOUND.replace("country: DE", `continent: ${text}\n  country: ${country}`);
    for (const text of ["Europe", "EU", "europe", "'North  America'"]) {
      const country = text.includes("America") ? "US" : "DE";
      expect(check(withContinent(text, country)).found, text).toEqual([]);
    }
    // Russia lies on two continents; countries-list puts it in Asia.
    expect(check(withContinent("Europe", "RU")).found).toEqual([]);
    expect(check(withContinent("Asia", "RU")).found).toEqual([]);
  });

  it("warns when the continent is not the country's, and lists the mirror under the country's", () => {
    const { mirror, found } = check(SOUND.replace("country: DE", "continent: North America\n  country: DE"));
    expect(found).toEqual(["11:14 warning continent-mismatch"]);
    expect(mirror?.location?.continent).toBe("EU");
    expect(check(SOUND.replace("country: DE", "continent: Atlantis\n  country: DE")).found).toEqual([
      "11:14 warning continent-mismatch",
    ]);
  });

  it("keeps a mirror without geolocation, with a warning", () => {
    const { mirror, found } = check(SOUND.replace(/geolocation:\n( {2}.*\n)+/, ""));
    expect(found).toEqual(["2:1 warning missing-geolocation"]);
    expect(mirror?.location).toBeNull();
  });

  it("takes exact coordinates when given", () => {
    const { mirror } = check(
      SOUND.replace("  city: Frankfurt", "  city: Frankfurt\n  latitude: 50.11\n  longitude: 8.68"),
    );
    expect(mirror?.location?.coordinates).toEqual({ latitude: 50.11, longitude: 8.68 });
  });
});

describe("unknown keys", () => {
  it("warns with a suggestion", () => {
    const { diagnostics } = check(withLines("address_options:", "  kitten:", "    https: https://x.example/"));
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["14:1 unknown-key"]);
    expect(diagnostics[0]?.message).toContain("Did you mean `address_optional`?");
    expect(check(SOUND.replace("  city:", "  City:")).diagnostics[0]?.message).toContain("Did you mean `city`?");
  });

  it("says where a misplaced asn belongs", () => {
    const { diagnostics } = check(SOUND.replace("  city: Frankfurt", "  city: Frankfurt\n  asn: 64500"));
    expect(diagnostics[0]?.message).toContain("belongs at the top level");
  });
});

describe("YAML 1.1 habits", () => {
  it("reads yes/no in boolean keys as upstream's parser does, with a warning", () => {
    const { mirror, found } = check(withLines("private: no"));
    expect(found).toEqual(["14:10 warning yaml11-boolean"]);
    expect(mirror?.private).toBe(false);
  });

  it("keeps `country: NO` as Norway", () => {
    expect(check(SOUND.replace("country: DE", "country: NO")).mirror?.location?.country).toBe("NO");
  });
});

describe("all problems at once", () => {
  it("reports every error of a broken file in one run", () => {
    const text = `---
name: https://bad.example/
address:
  ftp: ftp://bad.example/
update_frequency: 3h
sponsor: Bad
sponsor_url: javascript:alert(1)
geolocation:
  country: Atlantis
monopoly: true
`;
    const { mirror, found } = check(text);
    expect(mirror).toBeNull();
    expect(found).toEqual([
      "2:7 error name-not-host",
      "3:1 error missing-web-url",
      "7:14 error unsafe-url-scheme",
      "9:12 error unknown-country",
      "10:1 error monopoly-needs-private",
    ]);
  });
});

describe("fields upstream's schema leaves open, held to the registry's form", () => {
  const frequency = (value: string) => check(SOUND.replace(/^update_frequency: .*$/m, `update_frequency: ${value}`));
  const email = (value: string) => check(SOUND.replace("email: noc@example.org", `email: ${value}`));

  it.each(["3h", "30m", "1d", "24h", "10m", '"3h"'])("takes update_frequency %s as the registry writes it", (v) => {
    expect(frequency(v).found).toEqual([]);
  });

  it.each(["every 3 hours", "3 h", "3hours", "hourly", "1.5h", "-3h", "3H"])(
    "warns on update_frequency %s, and still lists the mirror",
    (v) => {
      const { mirror, found, diagnostics } = frequency(v);
      expect(found).toEqual(["6:19 warning update-frequency-format"]);
      expect(diagnostics[0]?.message).toContain("Write the time between two syncs like `3h` or `30m`.");
      expect(mirror).not.toBeNull();
    },
  );

  it.each(["noc@example.org", "first.last+mirror@sub.example.co.uk", "  noc@example.org  "])(
    "takes the e-mail %s",
    (v) => {
      expect(email(JSON.stringify(v)).found).toEqual([]);
    },
  );

  it.each([
    "admin(at)example.net",
    "postmaster",
    "postmaster@localhost",
    "a@b@example.org",
    "a @example.org",
    "a@example.org, b@example.org",
    "@mirror.invalid",
  ])("warns on the e-mail %s without repeating it", (v) => {
    const { mirror, found, diagnostics } = email(JSON.stringify(v));
    expect(found).toEqual(["9:8 warning email-not-address"]);
    expect(diagnostics[0]?.message).not.toContain(v.trim());
    expect(mirror).not.toBeNull();
  });
});
