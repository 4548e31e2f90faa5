/** Small text helpers shared by the join page's elements. */

import { type DiagnosticStrings, type MessageSegment, messageSegments } from "../core/diagnostic-text.ts";
import type { Diagnostic } from "../core/diagnostics.ts";

/**
 * Appends `text` with a line-break chance after each slash (not inside `//`), so that a long URL
 * or path wraps after a slash instead of at any character, which left lines starting with `/.`.
 */
function appendBreakable(parent: HTMLElement, text: string): void {
  text.split(/(?<=\/)(?!\/)/).forEach((piece, i) => {
    if (i > 0) parent.append(document.createElement("wbr"));
    parent.append(piece);
  });
}

/** Appends `segments` to `parent`, each code span as a `<code>` element; never parses HTML. */
export function appendSegments(parent: HTMLElement, segments: readonly MessageSegment[]): void {
  for (const segment of segments) {
    if (segment.code) {
      const code = document.createElement("code");
      // Keys, URLs and values read left to right, also on a right-to-left page.
      code.dir = "ltr";
      appendBreakable(code, segment.text);
      parent.append(code);
    } else {
      parent.append(segment.text);
    }
  }
}

/**
 * The page's diagnostic wording: the `diagnostic.*` strings of its locale only, which the page
 * carries in `#diagnostic-strings` (an English page carries none: the core's catalogue is English).
 */
let pageStrings: { strings: DiagnosticStrings; locale: string } | null = null;

function pageDiagnosticStrings(): { strings: DiagnosticStrings; locale: string } {
  if (pageStrings === null) {
    const holder = document.getElementById("diagnostic-strings");
    const strings = JSON.parse(holder?.dataset.strings ?? "{}") as DiagnosticStrings;
    pageStrings = { strings, locale: document.documentElement.lang || "en" };
  }
  return pageStrings;
}

/** Appends the message of `diagnostic`, in the page's language, to `parent`. */
export function appendDiagnosticMessage(parent: HTMLElement, diagnostic: Diagnostic): void {
  const { strings, locale } = pageDiagnosticStrings();
  appendSegments(parent, messageSegments(diagnostic.code, diagnostic.params, strings, locale));
}

/** The plural form of `forms` (keyed by `Intl.PluralRules` category) for `count`, filled in. */
export function plural(locale: string, forms: Record<string, string>, count: number): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? "";
  return form.replace("{{count}}", new Intl.NumberFormat(locale).format(count));
}
