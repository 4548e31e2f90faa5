/** Text and comments that are safe in any XML 1.0 document, whatever they were given. */

/** Characters XML 1.0 forbids outright (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/F). */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ["&", "&amp;"],
  ["<", "&lt;"],
  [">", "&gt;"],
  ['"', "&quot;"],
  ["'", "&apos;"],
]);

/** Escaped for element text and attribute values alike. */
export function xmlEscape(text: string): string {
  return text.replace(FORBIDDEN, "\ufffd").replace(/[&<>"']/g, (c) => ENTITIES.get(c) ?? c);
}

/** A comment whose text cannot end it early: no `--`, no trailing `-`, one line. */
export function xmlComment(text: string): string {
  const safe = text
    .replace(FORBIDDEN, "\ufffd")
    .replace(/[\r\n]+/g, " ")
    .replace(/-(?=-)/g, "- ")
    .replace(/-$/, "- ");
  return `<!-- ${safe} -->`;
}
