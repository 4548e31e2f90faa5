/**
 * The one e-mail pattern of the project: what the validator refuses in published text and URLs,
 * and what the build masks in every text it shows (notes on pages, logged diagnostics). It is
 * Unicode-aware: a local part or domain in any script (`judy@bücher.example`), the full-width
 * and small at signs (`＠`, `﹫`) and the ideographic and full-width full stops (`。`, `．`, `｡`)
 * that browsers read as dots in a domain.
 *
 * A match starts only at a token's start (the lookbehind), so a long hostile value is scanned
 * once, not quadratically. A token is a run of characters other than white space, at signs,
 * brackets, backticks, commas and semicolons, which no address holds unquoted.
 */
const EMAIL_SHAPE =
  /(?<![^\s@\uFF20\uFE6B<>()[\]`,;])[^\s@\uFF20\uFE6B<>()[\]`,;]+[@\uFF20\uFE6B][^\s@\uFF20\uFE6B<>()[\]`,;]+[.\u3002\uFF0E\uFF61][^\s@\uFF20\uFE6B<>()[\]`,;]+/u;
const EMAIL_SHAPES = new RegExp(EMAIL_SHAPE.source, "gu");

/** Whether `text` holds something shaped like an e-mail address. */
export function holdsEmail(text: string): boolean {
  return EMAIL_SHAPE.test(text);
}

/** Whether `text` holds an at sign (any of the three), percent-escaped or not. */
export function holdsAtSign(text: string): boolean {
  return /[@\uFF20\uFE6B]/u.test(decodedUrlText(text));
}

/** What every e-mail-like address is replaced with. */
export const HIDDEN_ADDRESS = "(address hidden)";

/** `text` with every e-mail-like address replaced: none may reach `dist/`. */
export function hideEmails(text: string): string {
  return text.replace(EMAIL_SHAPES, HIDDEN_ADDRESS);
}

/**
 * A URL's text as a reader (or a harvester) sees it: percent-escapes decoded where they decode,
 * so that `erin%40example.org` is found as well as `erin@example.org`.
 */
export function decodedUrlText(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    // A stray `%` somewhere: decode the escapes that are whole UTF-8 sequences, one by one.
    return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
