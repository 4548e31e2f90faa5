/**
 * Renders a diagnostic's message from its code and params, in any language whose templates are
 * given (the English catalogue, or a locale file's `diagnostic.*` strings), as segments of plain
 * text and code spans. The CLI joins them with backticks; the site and the join page make each
 * code segment a `<code>` element. Param values are only ever inserted as text, never read as
 * a template, so registry text cannot inject markup, backticks or placeholders. The checker's
 * reasons (`status/reason-catalogue.ts`) are rendered the same way, from their own catalogue.
 */
import { DIAGNOSTIC_MESSAGES, type DiagnosticCode } from "./diagnostic-catalogue.ts";
import { largestUnit } from "./status/durations.ts";

/** The values a message names: flat strings and numbers (a list is joined with `\n`). */
export type DiagnosticParams = Readonly<Record<string, string | number>>;

/** Templates by key, as the locale files hold them. */
export type DiagnosticStrings = Readonly<Record<string, string>>;

/** A run of message text, or a code span (a key, a value, a URL …). */
export interface MessageSegment {
  text: string;
  code: boolean;
}

/** Joins items of a list param (`{{name, codes}}`). */
export const LIST_SEPARATOR = "\n";

/** The key of a diagnostic's template: `diagnostic.<code>`, or `.<variant>` after it. */
export function messageKey(code: DiagnosticCode, params: DiagnosticParams): string {
  const variant = params.variant;
  return variant === undefined ? `diagnostic.${code}` : `diagnostic.${code}.${variant}`;
}

/**
 * The message of `code` with `params`, from `strings` (falling back to the English catalogue
 * for a key they lack), as segments. `locale` names countries and formats numbers.
 */
export function messageSegments(
  code: DiagnosticCode,
  params: DiagnosticParams,
  strings: DiagnosticStrings = DIAGNOSTIC_MESSAGES,
  locale = "en",
): MessageSegment[] {
  return catalogueSegments(messageKey(code, params), params, strings, DIAGNOSTIC_MESSAGES, locale);
}

/**
 * The message under `key` with `params`, from `strings`, falling back to `fallback` (an English
 * catalogue) for a key they lack, as segments. `locale` names countries and formats numbers.
 * A key found in neither (a variant or part named by a param no catalogue has) is shown as the
 * key itself, and added to `missing`.
 */
export function catalogueSegments(
  key: string,
  params: DiagnosticParams,
  strings: DiagnosticStrings,
  fallback: DiagnosticStrings,
  locale: string,
  missing: string[] = [],
): MessageSegment[] {
  const out: MessageSegment[] = [];
  const context = { strings, fallback, locale, missing };
  renderTemplate(templateOf(key, context), params, context, false, out, 0);
  return merge(out);
}

/** Segments as one line of text, each code span between backticks, as the CLI prints it. */
export function segmentsToText(segments: readonly MessageSegment[]): string {
  return segments.map((s) => (s.code ? `\`${s.text}\`` : s.text)).join("");
}

/** The English message of `code` with `params`, as the CLI prints it. */
export function englishMessage(code: DiagnosticCode, params: DiagnosticParams): string {
  return segmentsToText(messageSegments(code, params));
}

interface RenderContext {
  strings: DiagnosticStrings;
  fallback: DiagnosticStrings;
  locale: string;
  /** Keys that no catalogue holds, as they were asked for. */
  missing: string[];
}

/** Nesting deeper than this is a loop in the templates; the rest is dropped. */
const MAX_NESTING = 4;

/** `{{name}}`, `{{name, format}}` or `$t(key)` (whose key may hold `{{name}}`). */
const TOKEN = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}|\$t\(([^()]*)\)|`/g;

function renderTemplate(
  template: string,
  params: DiagnosticParams,
  context: RenderContext,
  inCode: boolean,
  out: MessageSegment[],
  depth: number,
): boolean {
  let code = inCode;
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    out.push({ text: template.slice(last, match.index), code });
    last = match.index + match[0].length;
    const [token, name, format, nestedKey] = match;
    if (token === "`") {
      code = !code;
    } else if (nestedKey !== undefined) {
      if (depth >= MAX_NESTING) continue;
      // The nested key is filled in from the params first, as i18next does.
      const key = nestedKey.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, n: string) => String(paramOf(params, n) ?? ""));
      code = renderTemplate(templateOf(key, context), params, context, code, out, depth + 1);
    } else if (name !== undefined) {
      insertParam(name, paramOf(params, name), format, code, context, out);
    }
  }
  out.push({ text: template.slice(last), code });
  return code;
}

function insertParam(
  name: string,
  value: string | number | undefined,
  format: string | undefined,
  code: boolean,
  context: RenderContext,
  out: MessageSegment[],
): void {
  if (value === undefined) {
    // A param the message names and the diagnostic or status file lacks: the sentence has a hole.
    context.missing.push(`{{${name}}}`);
    return;
  }
  if (format === "number" && typeof value === "number") {
    out.push({
      text: intlOnce(`number ${context.locale}`, () => new Intl.NumberFormat(context.locale)).format(value),
      code,
    });
  } else if (format === "duration" && typeof value === "number") {
    // The largest whole unit, as the checker's English says it ("3 days"), in the reader's words.
    const [n, unit] = largestUnit(value);
    out.push({
      text: intlOnce(
        `unit ${context.locale} ${unit}`,
        () => new Intl.NumberFormat(context.locale, { style: "unit", unit, unitDisplay: "long" }),
      ).format(n),
      code,
    });
  } else if (format === "region") {
    out.push({ text: regionName(context.locale, String(value)), code });
  } else if (format === "codes") {
    const items = String(value) === "" ? [] : String(value).split(LIST_SEPARATOR);
    if (items.length === 0) out.push({ text: templateOf("diagnostic.part.none", context), code });
    items.forEach((item, i) => {
      if (i > 0) out.push({ text: ", ", code });
      out.push({ text: item, code: true });
    });
  } else {
    out.push({ text: String(value), code });
  }
}

function regionName(locale: string, code: string): string {
  try {
    return intlOnce(`region ${locale}`, () => new Intl.DisplayNames([locale], { type: "region" })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `Intl` formatters by locale and options: made once, as the site renders thousands of messages. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DisplayNames>();

function intlOnce<T extends Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function paramOf(params: DiagnosticParams, name: string): string | number | undefined {
  return Object.hasOwn(params, name) ? params[name] : undefined;
}

/** The template of `key` in the strings, else in English, else the key itself (never silent). */
function templateOf(key: string, { strings, fallback, missing }: RenderContext): string {
  if (Object.hasOwn(strings, key)) return strings[key] as string;
  if (Object.hasOwn(fallback, key)) return fallback[key] as string;
  const english: DiagnosticStrings = DIAGNOSTIC_MESSAGES;
  if (Object.hasOwn(english, key)) return english[key] as string;
  missing.push(key);
  return key;
}

/** Drops empty segments and joins neighbours of the same kind. */
function merge(segments: readonly MessageSegment[]): MessageSegment[] {
  const out: MessageSegment[] = [];
  for (const s of segments) {
    if (s.text === "") continue;
    const previous = out.at(-1);
    if (previous && previous.code === s.code) previous.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
