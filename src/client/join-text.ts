/** Small text helpers shared by the join page's elements. */

/** Appends `message` to `parent`, with `backticked` parts as `<code>`; never parses HTML. */
export function appendMessage(parent: HTMLElement, message: string): void {
  message.split("`").forEach((part, i) => {
    if (i % 2 === 1) {
      const code = document.createElement("code");
      code.textContent = part;
      parent.append(code);
    } else if (part) {
      parent.append(part);
    }
  });
}

/** The plural form of `forms` (keyed by `Intl.PluralRules` category) for `count`, filled in. */
export function plural(locale: string, forms: Record<string, string>, count: number): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other ?? "";
  return form.replace("{{count}}", new Intl.NumberFormat(locale).format(count));
}
