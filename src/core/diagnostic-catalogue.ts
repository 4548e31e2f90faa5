/**
 * The English wording of every diagnostic, keyed as the site's locale files key it:
 * `diagnostic.<code>`, or `diagnostic.<code>.<variant>` where one code has several wordings
 * (the diagnostic's `variant` param picks one). `diagnostic.part.*` are pieces that several
 * messages share, pulled in with i18next's nesting syntax, `$t(diagnostic.part.…)`.
 *
 * Templates use i18next's `{{name}}` placeholders, with three formats (see `diagnostic-text.ts`):
 * `{{name, number}}`, `{{name, region}}` (a country code, named in the reader's language) and
 * `{{name, codes}}` (a list, each item a code span). Backticks delimit code spans. The English
 * locale file holds these same strings (a unit test holds them equal); the CLI prints them.
 */

/** Every diagnostic code, as docs/DIAGNOSTICS.md lists them. */
export const DIAGNOSTIC_CODES = [
  "file-too-large",
  "yaml-syntax",
  "empty-file",
  "not-a-mapping",
  "yaml-aliases",
  "duplicate-key",
  "missing-key",
  "missing-web-url",
  "wrong-type",
  "name-not-host",
  "unknown-value",
  "cloud-needs-regions",
  "monopoly-needs-private",
  "asn-out-of-range",
  "out-of-range",
  "empty-value",
  "unsafe-url-scheme",
  "bad-url",
  "url-credentials",
  "email-in-url",
  "at-sign-in-file-name",
  "scheme-mismatch",
  "url-fragment",
  "rsync-syntax",
  "rsync-user",
  "url-without-scheme",
  "bad-subnet",
  "private-unreachable",
  "unknown-country",
  "country-alias",
  "missing-geolocation",
  "continent-mismatch",
  "email-in-public-field",
  "update-frequency-format",
  "email-not-address",
  "unknown-key",
  "yaml11-boolean",
  "duplicate-name",
  "file-name-mismatch",
  "special-address-url",
  "ip-address-url",
  "subnet-too-wide",
  "subnet-wide",
  "subnet-special-range",
  "subnet-overlap",
  "bad-reference-url",
  "unknown-reference-tree",
  "unknown-version",
  "unknown-arch",
  "duplicate-repo",
  "duplicate-image-tree",
  "unsafe-repo-path",
  "schema",
  "bad-format",
  "not-a-regular-file",
  "file-unreadable",
  "status-unreadable",
  "status-too-large",
  "status-syntax",
  "status-schema",
  "status-entry",
  "address-in-other-country",
  "address-far-from-place",
  "approximate-location",
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/**
 * A key of the catalogue: a code's message, one of its variants, or a shared part. A key naming
 * no code (a misspelling) is a type error.
 */
export type DiagnosticKey =
  | `diagnostic.${DiagnosticCode}`
  | `diagnostic.${DiagnosticCode}.${string}`
  | `diagnostic.part.${string}`;

/** Whether `code` (read from outside, such as a cache file) is a diagnostic code of this build. */
export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === "string" && (DIAGNOSTIC_CODES as readonly string[]).includes(code);
}

const RERUN_CHECKER =
  "mirrors are shown as not checked. Run `npm run check-mirrors -- --out {{path}}` and point MIRRORS_STATUS at that file, or unset MIRRORS_STATUS.";
const KNOWN_KEY = "`{{key}}` is not a known key $t(diagnostic.part.mapping.{{mapping}}), so it is ignored.";
const REFUSED_KEY =
  "`{{key}}` is not a key the format defines $t(diagnostic.part.mapping.{{mapping}}), so the file is refused.";
const SPONSOR_URL =
  "`{{path}}` must be a web address starting with `https://` (or `http://`), like `https://example.org`.";
const OVERLAP = "`{{subnet}}` overlaps `{{otherSubnet}}` of {{otherFile}} (`{{otherName}}`).";
const AGREE = "Agree which mirror serves the network, and list it in that file only.";
const DUPLICATE_NAME = "The name `{{name}}` is also used by {{others}}.";
const MISSING_KEY_FIX = "Add `{{key}}:` $t(diagnostic.part.hint.{{hint}}).";
const BESIDE = `\`{{property}}\` needs \`{{key}}\` beside it. ${MISSING_KEY_FIX}`;
const WEB_URL_ONLY = SPONSOR_URL;

/**
 * English templates, one for each key: the one place they are written. `npm run generate` copies
 * them into the site's `en.json` (a unit test fails while it differs).
 */
export const DIAGNOSTIC_MESSAGES: Readonly<Record<string, string>> = {
  "diagnostic.file-too-large.chars":
    "The file has {{size}} characters; it must stay under {{limit}}. Keep only the keys its format defines.",
  "diagnostic.file-too-large.bytes":
    "The file has {{size}} bytes; it must stay under {{limit}}, so it is not read. Keep only the keys its format defines.",
  "diagnostic.yaml-syntax.parser": "{{detail}}. Fix the YAML syntax at line {{line}}, column {{column}}.",
  "diagnostic.yaml-syntax.too-deep":
    "The YAML nests lists or mappings too deeply to be read. Write the values out flat, one key a line.",
  "diagnostic.empty-file": "The file holds no YAML document. Write the mirror's keys (name, address, …) as a mapping.",
  "diagnostic.not-a-mapping":
    "The document must be a mapping of keys (name:, address:, …), not a list or a single value.",
  "diagnostic.yaml-aliases":
    "The document uses YAML aliases too often (more than {{limit}} expansions). Write the values out instead of using aliases.",
  "diagnostic.duplicate-key": "This key appears more than once in the mapping; only its last value is used. Keep one.",
  "diagnostic.missing-key": `$t(diagnostic.part.where.{{where}}) has no \`{{key}}\` key. ${MISSING_KEY_FIX}`,
  "diagnostic.missing-key.beside": BESIDE,
  "diagnostic.missing-web-url":
    "$t(diagnostic.part.where.{{where}}) needs an `http` or `https` URL: package managers download over HTTP. Add `https: https://your.host/almalinux/`.",
  "diagnostic.wrong-type":
    "$t(diagnostic.part.where.{{where}}) must be $t(diagnostic.part.type.{{type}}); write it as $t(diagnostic.part.example.{{example}}).",
  "diagnostic.name-not-host":
    "`name` must be the mirror's host name, like `mirror.example.org`, without `https://` or a path.",
  "diagnostic.unknown-value": "$t(diagnostic.part.where.{{where}}) must be one of {{allowed, codes}}.",
  "diagnostic.cloud-needs-regions": BESIDE,
  "diagnostic.monopoly-needs-private":
    "`monopoly: true` only applies to a private mirror. Add `private: true` with its `subnets` or `asn`, or remove `monopoly`.",
  "diagnostic.asn-out-of-range": "$t(diagnostic.part.where.{{where}}) must be $t(diagnostic.part.limit.{{bound}}).",
  "diagnostic.out-of-range": "$t(diagnostic.part.where.{{where}}) must be $t(diagnostic.part.limit.{{bound}}).",
  "diagnostic.empty-value.text": "$t(diagnostic.part.where.{{where}}) is empty. Write a value or remove the key.",
  "diagnostic.empty-value.list":
    "$t(diagnostic.part.where.{{where}}) is an empty list. List at least one item or remove the key.",
  "diagnostic.unsafe-url-scheme.web": WEB_URL_ONLY,
  "diagnostic.unsafe-url-scheme.mirror":
    "`{{path}}` uses the `{{scheme}}:` scheme; a mirror URL must start with http://, https://, rsync:// or ftp://.",
  "diagnostic.bad-url.web": WEB_URL_ONLY,
  "diagnostic.bad-url.mirror": "`{{path}}` is not a URL. Write the full base URL, like `{{example}}`.",
  "diagnostic.url-credentials": "`{{path}}` holds a user name or password; publish a URL that needs none.",
  "diagnostic.email-in-url":
    "`{{path}}` is published on the site, and this URL holds an e-mail address (as a user name, in its path or in its query). Remove it: a contact address belongs only in `email`, which is never published.",
  "diagnostic.at-sign-in-file-name":
    "The file name holds `@`, and the site publishes file names (in each mirror page's edit link), so it could publish an address. Name the file after the mirror, like `mirror.example.org.yml`.",
  "diagnostic.scheme-mismatch.daemon":
    "`{{path}}` holds an rsync address (`host::module`); put it under `rsync:` and write an {{key}} URL here.",
  "diagnostic.scheme-mismatch.rsync":
    "`{{path}}` holds an {{scheme}}:// URL; put it under `{{scheme}}:` and write a {{key}} address here.",
  "diagnostic.scheme-mismatch.web":
    "`{{path}}` holds an {{scheme}}:// URL, so it is listed as {{scheme}}. Move it under `{{scheme}}:`, or write the {{key}}:// URL here.",
  "diagnostic.url-fragment":
    "`{{path}}` ends with a fragment (`{{fragment}}`), which is dropped: paths are appended to a base URL. Remove it.",
  "diagnostic.rsync-syntax":
    "`{{path}}` mixes the two rsync syntaxes (`rsync://` and `host::module`); it is read as `{{url}}`. Write either `rsync://{{host}}/{{module}}` or `{{host}}::{{module}}`.",
  "diagnostic.rsync-user":
    "`{{path}}` names the rsync user `{{user}}`, which anonymous rsync does not need, so the site publishes the URL without it. Remove `{{user}}@`.",
  "diagnostic.url-without-scheme":
    "`{{path}}` has no scheme, so it is read as `https://{{value}}`. Write the full address with `https://`.",
  "diagnostic.bad-subnet.url":
    "A list of subnets given by URL must be fetched over https; write a full `https://` URL, like `https://example.org/subnets.txt`.",
  "diagnostic.bad-subnet.cidr":
    "`{{value}}` is not an IPv4 or IPv6 network in CIDR form. Write it like `192.0.2.0/24` or `2001:db8::/48` (a single address is `/32` or `/128`).",
  "diagnostic.private-unreachable":
    "The mirror is private but lists neither `subnets` nor `asn`, so no client will ever be sent to it. Add the networks it serves, or remove the file if the mirror is retired.",
  "diagnostic.unknown-country":
    "`{{value}}` is not an ISO 3166-1 alpha-2 country code. Write the two-letter code, like `DE` for Germany or `GB` for the United Kingdom.",
  "diagnostic.country-alias":
    "`{{value}}` is read as `{{country}}` ({{country, region}}). Write the ISO 3166-1 alpha-2 code `{{country}}` instead.",
  "diagnostic.missing-geolocation":
    'The file has no `geolocation`, so the mirror is listed under "Location unknown", is not on the map, and dnf cannot pick it by distance. Add `geolocation:` with `country`, `state_province` and `city`.',
  "diagnostic.continent-mismatch.unknown":
    "`{{written}}` is not a continent. The mirror is listed under {{listedName}} (`{{listed}}`), the continent of its country. Write `{{listedName}}`, or remove the optional `continent`.",
  "diagnostic.continent-mismatch.mismatch":
    "`{{written}}` does not match the country: {{country, region}} (`{{country}}`) is not in {{named}}. The mirror is listed under {{listedName}} (`{{listed}}`), the continent of its country. Write `{{listedName}}`, or remove the optional `continent`.",
  "diagnostic.email-in-public-field":
    "`{{field}}` is published on the site, and this value holds an e-mail address. Remove it: a contact address belongs only in `email`, which is never published.",
  "diagnostic.update-frequency-format":
    "`{{value}}` is not a sync interval in the registry's form: a whole number and a unit, `m`, `h` or `d`. Write the time between two syncs like `3h` or `30m`.",
  "diagnostic.email-not-address":
    "`email` does not hold an e-mail address, so nobody can reach the mirror's owner about it. Write one address, like `owner@example.net`; it is never published.",
  "diagnostic.unknown-key.similar": `${KNOWN_KEY} Did you mean \`{{suggestion}}\`? Rename it, or remove the key.`,
  "diagnostic.unknown-key.known": `${KNOWN_KEY} The keys known there are {{known, codes}}; remove it or use one of those.`,
  "diagnostic.unknown-key.misplaced": `${KNOWN_KEY} \`{{key}}\` belongs at the top level of the file, not under \`{{parent}}\`; move it there.`,
  "diagnostic.unknown-key.refused-similar": `${REFUSED_KEY} Did you mean \`{{suggestion}}\`? Rename it, or remove the key.`,
  "diagnostic.unknown-key.refused-known": `${REFUSED_KEY} The keys known there are {{known, codes}}; remove it or use one of those.`,
  "diagnostic.yaml11-boolean": "`{{value}}` is read as `{{meaning}}`, as YAML 1.1 parsers do. Write `{{meaning}}`.",
  "diagnostic.duplicate-name.kept": `${DUPLICATE_NAME} This file, named after the mirror, stays listed; remove the duplicate, or give it its own host name.`,
  "diagnostic.duplicate-name.other-kept": `${DUPLICATE_NAME} Only {{keeper}}, named after the mirror, is listed; merge this file into it, or give this mirror its own host name.`,
  "diagnostic.duplicate-name.none": `${DUPLICATE_NAME} None of these files is listed: keep one, named \`{{name}}.yml\`, and remove the others.`,
  "diagnostic.file-name-mismatch":
    "The file holds the mirror `{{name}}`, so name it `{{name}}.yml`: a second file for the same mirror is then found at once.",
  "diagnostic.special-address-url":
    "`{{path}}` points at `{{host}}`, in the $t(diagnostic.part.range.{{range}}) range, which is no address on the public internet. Write the public host name of the server instead, like `https://mirror.example.org/almalinux/`.",
  "diagnostic.ip-address-url":
    "`{{path}}` points at the IP address `{{host}}` rather than a host name, so it breaks when the server is renumbered and an https certificate rarely matches it. Write the server's host name instead.",
  "diagnostic.subnet-too-wide.all":
    "`{{cidr}}` covers every {{family}} address, so every client would be sent to this mirror. List only the networks the mirror serves, like `192.0.2.0/24`.",
  "diagnostic.subnet-too-wide.limit":
    "`{{cidr}}` is wider than any one network (the largest {{family}} allocations are /{{limit}}). List only the networks the mirror serves.",
  "diagnostic.subnet-wide":
    "`{{cidr}}` is wider than a /{{limit}}, so the mirror takes the clients of a very large network. Check that it serves all of it, or list the smaller networks it does serve.",
  "diagnostic.subnet-special-range":
    "`{{cidr}}` overlaps the $t(diagnostic.part.range.{{range}}) range, which never reaches the mirrorlist as a client's address, so it matches no one. List the public networks the mirror serves.",
  "diagnostic.subnet-overlap.shared": `${OVERLAP} Clients there are sent to either mirror. ${AGREE}`,
  "diagnostic.subnet-overlap.monopoly": `${OVERLAP} {{monopolyFile}} is a monopoly mirror, which must be the only one for its networks, so neither mirror is listed. ${AGREE}`,
  "diagnostic.bad-reference-url.url":
    "`{{path}}` must be the http(s) URL of the origin tree, like `https://repo.example.org/distro/`.",
  "diagnostic.bad-reference-url.credentials": "`{{path}}` must not carry a user name or password.",
  "diagnostic.unknown-reference-tree":
    "`reference_url.{{tree}}` names no tree: use `main` or an optional module of `optional_module_versions` ({{modules, codes}}).",
  "diagnostic.unknown-version.alias":
    "The alias `{{alias}}` → `{{target}}` needs both versions in `versions`. Add them there, or fix the alias.",
  "diagnostic.unknown-version.repo":
    "Repo `{{repo}}` lists version `{{version}}`, which is in neither `versions`, `vault_versions` nor the optional module versions. Add it there, or remove it here.",
  "diagnostic.unknown-arch":
    "Repo `{{repo}}` lists arch `{{arch}}`, which no version in `arches` has. Add it to a version there, or remove it here.",
  "diagnostic.duplicate-repo": "Repo `{{repo}}` is defined twice (also as repo {{index}}). Keep one definition.",
  "diagnostic.duplicate-image-tree":
    "Image tree `{{tree}}` is defined twice (also as image tree {{index}}). Keep one definition.",
  "diagnostic.unsafe-repo-path":
    "$t(diagnostic.part.where.{{where}}) may hold only letters, digits and `.`, `_`, `-`, `+`, `$`, in parts between slashes that do not start with a dot, like `BaseOS/$basearch/os/`. The site writes it into dnf `.repo` files, where a line break or another sign could add settings.",
  "diagnostic.schema": "$t(diagnostic.part.where.{{where}}) {{detail}}.",
  "diagnostic.bad-format": "$t(diagnostic.part.where.{{where}}) does not have the expected form.",
  "diagnostic.not-a-regular-file.mirror":
    "This is $t(diagnostic.part.file-kind.{{kind}}), not a regular file, so it is not read. Replace it with the mirror's YAML as a plain file (not a link, folder or device), or remove it.",
  "diagnostic.not-a-regular-file.config":
    "This is $t(diagnostic.part.file-kind.{{kind}}), not a regular file, so it is not read. Make the config a plain file, or point MIRRORS_CONFIG at one.",
  "diagnostic.not-a-regular-file.status": `The status file named by MIRRORS_STATUS is $t(diagnostic.part.file-kind.{{kind}}), not a regular file; ${RERUN_CHECKER}`,
  "diagnostic.file-unreadable": "The file cannot be read ({{errno}}). Check that it exists and is readable.",
  "diagnostic.status-unreadable": `The status file named by MIRRORS_STATUS cannot be read ({{errno}}); ${RERUN_CHECKER}`,
  "diagnostic.status-too-large.bytes": `The status file has {{size}} bytes, more than a status file can ({{limit}}); ${RERUN_CHECKER}`,
  "diagnostic.status-too-large.chars":
    "The status file has {{size}} characters, more than a status file can ({{limit}}). Point MIRRORS_STATUS at the file `npm run check-mirrors` writes.",
  "diagnostic.status-syntax":
    "The status file is not valid JSON ({{detail}}). Run `npm run check-mirrors` to write it again.",
  "diagnostic.status-schema":
    "$t(diagnostic.part.status.{{problem}}). The status file is ignored; run `npm run check-mirrors` to write it again.",
  "diagnostic.status-entry":
    "$t(diagnostic.part.status.{{problem}}). This mirror is shown as not checked; run `npm run check-mirrors` to write the file again.",
  "diagnostic.status-entry.more":
    "{{count, number}} more entries do not read either; they are left out too, and those mirrors are shown as not checked. Run `npm run check-mirrors` to write the file again.",
  "diagnostic.address-in-other-country":
    "The file places the mirror in {{country}}, but its address {{address}} is in {{place}} ({{credit}}). The mirrorlist follows the file: dnf clients in {{country}} get this mirror among their own country's, and clients in {{addressCountry}} get it only after theirs. If the mirror is in {{addressCountry}}, fix geolocation.country (and city); if the file is right, nothing needs changing.",
  "diagnostic.address-far-from-place":
    "The file places the mirror at $t(diagnostic.part.file-place.{{filePlace}}), {{km, number}} km from where its address {{address}} is ({{place}}; {{credit}}). The mirrorlist follows the file: dnf ranks this mirror by its distance from the file's place. If the mirror is at {{addressPlace}}, fix geolocation.city (or latitude and longitude); if the file is right, nothing needs changing.",
  "diagnostic.approximate-location.city":
    'The city "{{city}}" is not in GeoNames, so the mirror is drawn at $t(diagnostic.part.drawn-at.{{drawnAt}}). Check the spelling, or add geolocation.latitude and geolocation.longitude.',
  "diagnostic.approximate-location.no-city":
    "No city is given, so the mirror is drawn at $t(diagnostic.part.drawn-at.{{drawnAt}}). Check the spelling, or add geolocation.latitude and geolocation.longitude.",

  "diagnostic.part.where.file": "The file",
  "diagnostic.part.where.status-file": "The status file",
  "diagnostic.part.where.path": "`{{path}}`",
  "diagnostic.part.none": "none",
  "diagnostic.part.hint.name": "with the mirror's host name, like `mirror.example.org`",
  "diagnostic.part.hint.address":
    "with the base URLs of the mirror, like `https: https://mirror.example.org/almalinux/`",
  "diagnostic.part.hint.update_frequency": "with how often the mirror syncs, like `3h`",
  "diagnostic.part.hint.sponsor": "with the name of the organisation that runs the mirror",
  "diagnostic.part.hint.sponsor_url": "with the sponsor's web site, like `https://example.org`",
  "diagnostic.part.hint.country": "with the ISO 3166-1 alpha-2 code of the mirror's country, like `DE`",
  "diagnostic.part.hint.cloud_regions":
    "with the provider's regions the mirror serves, as a list (`- all` for every region)",
  "diagnostic.part.hint.private": "`true`",
  "diagnostic.part.hint.latitude": "in decimal degrees, like `50.11`",
  "diagnostic.part.hint.longitude": "in decimal degrees, like `8.68`",
  "diagnostic.part.hint.other": "with a value",
  "diagnostic.part.type.string": "a string",
  "diagnostic.part.type.integer": "an integer",
  "diagnostic.part.type.number": "a number",
  "diagnostic.part.type.boolean": "a boolean",
  "diagnostic.part.type.object": "an object",
  "diagnostic.part.type.array": "an array",
  "diagnostic.part.type.string-or-null": "a string or null",
  "diagnostic.part.type.integer-or-array": "an integer or array",
  "diagnostic.part.type.string-or-array": "a string or array",
  "diagnostic.part.type.string-or-object": "a string or object",
  "diagnostic.part.type.other": "of another type",
  "diagnostic.part.example.integer": "a number without quotes, like `64500`",
  "diagnostic.part.example.boolean": "`true` or `false` without quotes",
  "diagnostic.part.example.object": "an indented mapping of keys",
  "diagnostic.part.example.array": "a list of `- item` lines",
  "diagnostic.part.example.number": "a decimal number without quotes",
  "diagnostic.part.example.text": "text",
  "diagnostic.part.limit.minimum": "at least {{limit}}",
  "diagnostic.part.limit.maximum": "at most {{limit}}",
  "diagnostic.part.mapping.top": "at the top level",
  "diagnostic.part.mapping.in": "in `{{parent}}`",
  "diagnostic.part.range.unspecified": "unspecified",
  "diagnostic.part.range.loopback": "loopback",
  "diagnostic.part.range.private": "private",
  "diagnostic.part.range.CGNAT": "CGNAT",
  "diagnostic.part.range.link-local": "link-local",
  "diagnostic.part.range.unique-local": "unique-local",
  "diagnostic.part.range.site-local": "site-local",
  "diagnostic.part.range.documentation": "documentation",
  "diagnostic.part.range.benchmarking": "benchmarking",
  "diagnostic.part.range.multicast": "multicast",
  "diagnostic.part.range.broadcast": "broadcast",
  "diagnostic.part.range.reserved": "reserved",
  "diagnostic.part.range.discard-only": "discard-only",
  "diagnostic.part.range.IPv4-mapped": "IPv4-mapped",
  "diagnostic.part.range.NAT64": "NAT64",
  "diagnostic.part.range.cloud-metadata": "cloud metadata",
  "diagnostic.part.range.invalid": "invalid",
  "diagnostic.part.file-kind.symbolic-link": "a symbolic link",
  "diagnostic.part.file-kind.folder": "a folder",
  "diagnostic.part.file-kind.fifo": "a named pipe (FIFO)",
  "diagnostic.part.file-kind.socket": "a socket",
  "diagnostic.part.file-kind.character-device": "a character device",
  "diagnostic.part.file-kind.block-device": "a block device",
  "diagnostic.part.file-kind.special": "a special file",
  "diagnostic.part.status.missing": "$t(diagnostic.part.where.{{where}}) is missing",
  "diagnostic.part.status.enum": "$t(diagnostic.part.where.{{where}}) must be one of {{allowed}}",
  "diagnostic.part.status.invalid": "$t(diagnostic.part.where.{{where}}) is not valid",
  "diagnostic.part.status.other": "$t(diagnostic.part.where.{{where}}) {{detail}}",
  "diagnostic.part.file-place.coordinates": "its coordinates",
  "diagnostic.part.file-place.city": "its city",
  "diagnostic.part.file-place.named": "{{filePlaceName}}",
  "diagnostic.part.drawn-at.region": "the centre of {{region}}",
  "diagnostic.part.drawn-at.place": "{{place}}",
  "diagnostic.part.drawn-at.country": "the centre of {{country, region}}",
} satisfies { [key in DiagnosticKey]?: string };
