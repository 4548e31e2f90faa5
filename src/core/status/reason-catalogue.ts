/**
 * The English wording of every reason the mirror checker gives, keyed as the site's locale
 * files key it: `reason.<code>`, or `reason.<code>.<variant>` where one code has several wordings
 * (the reason's `variant` param picks one). `reason.part.failure.*` name why a request failed;
 * templates pull them in with `$t(reason.part.failure.{{failure}})`.
 *
 * The checker writes each reason's code and params beside its English `reason`, which is this
 * wording rendered as plain text (`englishReason` in `reason-text.ts`), so that readers of the
 * status file without codes get the same sentence; the site renders the code in the page's
 * language with `diagnostic-text.ts`'s renderer, so templates use the same syntax: `{{name}}`,
 * `{{name, number}}`, `{{name, duration}}` (seconds, in the largest whole unit), `{{name, codes}}`,
 * and backticks around code spans (a file, a URL, a host). The English locale file holds these
 * same strings (a unit test holds them equal).
 */

/** Every reason code, in the order a check reaches them. */
export const REASON_CODES = [
  "private-unchecked",
  "no-web-url",
  "host-failed",
  "no-answer",
  "base-failed",
  "base-status",
  "base-ok",
  "time-failed",
  "time-missing",
  "time-status",
  "time-no-epoch",
  "time-age",
  "repodata-failed",
  "repodata-missing",
  "repodata-status",
  "repodata-not-repomd",
  "repodata-ok",
  "repomd-in-sync",
  "repomd-behind",
  "repomd-stale",
  "file-failed",
  "file-missing",
  "file-status",
  "file-ok",
  "folder-failed",
  "folder-missing",
  "folder-status",
  "folder-behind",
  "folder-mismatch",
  "folder-absent",
  "iso-folders-ok",
  "deadline",
  "set-ok",
  "all-ok",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** A key of the catalogue: a code's wording, one of its variants, or a shared part. */
export type ReasonKey = `reason.${ReasonCode}` | `reason.${ReasonCode}.${string}` | `reason.part.${string}`;

/** Whether a status file's `reason_code` is one this build can word (a newer checker's is not). */
export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === "string" && (REASON_CODES as readonly string[]).includes(code);
}

const SLOW = "the mirror answers too slowly";
const FAILURE = "$t(reason.part.failure.{{failure}})";

/**
 * English templates, one for each key: the one place they are written. `npm run generate` copies
 * them into the site's `en.json` (a unit test fails while it differs).
 */
export const REASON_MESSAGES: Readonly<Record<string, string>> = {
  "reason.private-unchecked": "Private mirror: not checked, as it serves only its own networks",
  "reason.no-web-url": "The mirror lists no http or https URL",
  "reason.host-failed": `\`{{host}}\` cannot be reached: ${FAILURE}`,
  "reason.no-answer": "No answer within {{seconds, number}} s: `{{url}}`",
  "reason.base-failed": `The base URL \`{{url}}\` failed: ${FAILURE}`,
  "reason.base-status": "The base URL `{{url}}` answered {{status}}",
  "reason.base-ok": "The base URL answers",
  "reason.time-failed": `\`TIME\` could not be read from \`{{url}}\`: ${FAILURE}`,
  "reason.time-missing": "`TIME` missing: `{{url}}` answered {{status}}",
  "reason.time-status": "`TIME` failed: `{{url}}` answered {{status}}",
  "reason.time-no-epoch": "`TIME` holds no epoch time: `{{url}}`",
  "reason.time-age": "`TIME` is {{age, duration}} old (allowed: `{{allowed}}`)",
  "reason.repodata-failed": `\`repodata/repomd.xml\` failed for \`{{label}}\`: \`{{url}}\`: ${FAILURE}`,
  "reason.repodata-missing": "`repodata/repomd.xml` missing for `{{label}}`: `{{url}}` answered {{status}}",
  "reason.repodata-status": "`repodata/repomd.xml` failed for `{{label}}`: `{{url}}` answered {{status}}",
  "reason.repodata-not-repomd": "`repodata/repomd.xml` for `{{label}}` is not a repomd document: `{{url}}`",
  "reason.repodata-ok": "`repodata/repomd.xml` answers for `{{label}}`",
  "reason.repomd-in-sync": "`{{label}}` is in sync with the origin",
  "reason.repomd-behind": "`{{label}}` is {{lag, duration}} behind the origin",
  "reason.repomd-stale.revision":
    "`repodata/repomd.xml` for `{{label}}` is neither the origin's current one (its current revision is `{{revision}}`) nor any it published in the last {{allowed, duration}}: `{{url}}`. Sync the whole tree again; dnf would refuse this copy",
  "reason.repomd-stale.no-revision":
    "`repodata/repomd.xml` for `{{label}}` is neither the origin's current one nor any it published in the last {{allowed, duration}}: `{{url}}`. Sync the whole tree again; dnf would refuse this copy",
  "reason.file-failed": `\`{{label}}\` failed: \`{{url}}\`: ${FAILURE}`,
  "reason.file-missing": "`{{label}}` missing: `{{url}}` answered {{status}}",
  "reason.file-status": "`{{label}}` failed: `{{url}}` answered {{status}}",
  "reason.file-ok": "`{{label}}` answers",
  "reason.folder-failed": `\`CHECKSUM\` could not be read from \`{{url}}\`: ${FAILURE}`,
  "reason.folder-missing": "No `CHECKSUM` at `{{url}}`: this mirror does not carry `{{folder}}`",
  "reason.folder-status": "`CHECKSUM` failed: `{{url}}` answered {{status}}",
  "reason.folder-behind":
    "`{{folder}}CHECKSUM` is the origin's previous one, replaced {{lag, duration}} ago: the next sync brings the new images",
  "reason.folder-mismatch.empty": "`{{url}}` differs from the origin's and lists no file: sync `{{folder}}` again",
  "reason.folder-mismatch.same-sums":
    "`{{url}}` differs from the origin's (the same sums, other text): sync `{{folder}}` again",
  "reason.folder-mismatch.other-sum":
    "`{{url}}` differs from the origin's: it has another sum for `{{file}}`. Sync `{{folder}}` again, deleting files the origin no longer has",
  "reason.folder-mismatch.unlisted":
    "`{{url}}` differs from the origin's: it does not list `{{file}}`. Sync `{{folder}}` again, deleting files the origin no longer has",
  "reason.folder-absent": "`{{url}}` does not answer",
  "reason.iso-folders-ok": "All {{total, number}} ISO folders match the origin's `CHECKSUM`",
  "reason.deadline.time": `The check stopped after {{seconds, number}} s before \`TIME\` was read: ${SLOW}`,
  "reason.deadline.repodata": `The check stopped after {{seconds, number}} s with {{done, number}} of {{total, number}} repodata files checked: ${SLOW}`,
  "reason.deadline.kitten": `The check stopped after {{seconds, number}} s with {{done, number}} of {{total, number}} Kitten repodata files checked: ${SLOW}`,
  "reason.deadline.isos": `The check stopped after {{seconds, number}} s with {{done, number}} of {{total, number}} ISO files checked: ${SLOW}`,
  "reason.set-ok.repodata": "All {{total, number}} repodata files answer",
  "reason.set-ok.kitten": "All {{total, number}} Kitten repodata files answer",
  "reason.set-ok.isos": "All {{total, number}} ISO files answer",
  "reason.all-ok": "All {{count, number}} repodata files answer; synced {{age, duration}} ago (allowed: `{{allowed}}`)",

  "reason.part.failure.dns": "DNS lookup failed (`{{failureCode}}`)",
  "reason.part.failure.dns-timeout": "DNS lookup timed out after {{failureSeconds, number}} s",
  "reason.part.failure.address-refused":
    "`{{failureHost}}` resolves to {{addresses, codes}}, which the checker does not connect to; it connects only to public addresses",
  "reason.part.failure.address-literal":
    "`{{failureHost}}` is in the `{{failureRange}}` range, which the checker does not connect to; it connects only to public addresses",
  "reason.part.failure.redirect-host":
    "redirects to another host, `{{failureHost}}`; a mirror must serve its files itself",
  "reason.part.failure.redirect-elsewhere": "redirects to another host; a mirror must serve its files itself",
  "reason.part.failure.redirect-port":
    "redirects to another port, `{{failureHost}}`; a mirror must serve its files at the URL it lists",
  "reason.part.failure.redirect-http":
    "redirects from https to http; a mirror listed with https must serve its files over https",
  "reason.part.failure.refused": "connection refused",
  "reason.part.failure.reset": "connection closed before a full answer (`{{failureCode}}`)",
  "reason.part.failure.tls": "TLS handshake failed (`{{failureCode}}`)",
  "reason.part.failure.timeout": "timed out after {{failureSeconds, number}} s",
  "reason.part.failure.redirects": "more than {{failureLimit, number}} redirects",
  "reason.part.failure.body-too-large": "answer larger than {{failureSize}}",
  "reason.part.failure.bad-status": "answered with an invalid status line",
  "reason.part.failure.unreachable-network": "network unreachable (`{{failureCode}}`)",
  "reason.part.failure.other": "request failed (`{{failureCode}}`)",
} satisfies { [key in ReasonKey]?: string };
