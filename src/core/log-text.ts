/**
 * Registry text made safe to print on one line of a log. A GitHub Actions runner reads every
 * line a step prints, and a line starting with `::` is a workflow command (`::error …`,
 * `::add-mask::…`, `::stop-commands::…`); a mirror file's key or value holding a line break
 * could start one in any message that quotes it. So every printed diagnostic, build warning and
 * checker line escapes its text as GitHub's own annotations do (`%` → `%25`, CR → `%0D`,
 * LF → `%0A`), and goes further: every other control character (a terminal escape, a NEL) and
 * the Unicode line and paragraph separators are percent-encoded too. Text without any of them
 * is unchanged.
 */
const UNSAFE = /[%\p{Cc}\p{Zl}\p{Zp}]/gu;

export function escapeLogText(text: string): string {
  return text.replace(UNSAFE, (c) => encodeURIComponent(c));
}
