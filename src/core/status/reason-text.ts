/**
 * A checker reason in any language: its code and params rendered from the English catalogue
 * (`reason-catalogue.ts`) or a locale file's `reason.*` strings, as segments of text and code
 * spans, with the diagnostics' renderer. Param values are only ever text.
 */
import { catalogueSegments, type DiagnosticParams, type MessageSegment } from "../diagnostic-text.ts";
import { isReasonCode, REASON_MESSAGES, type ReasonCode } from "./reason-catalogue.ts";

/** A reason as data: what the checker writes beside its English text. */
export interface ReasonRef {
  code: ReasonCode;
  params: DiagnosticParams;
}

/** The key of a reason's template: `reason.<code>`, or `.<variant>` after it. */
export function reasonKey(code: ReasonCode, params: DiagnosticParams): string {
  const variant = params.variant;
  return variant === undefined ? `reason.${code}` : `reason.${code}.${variant}`;
}

/** The reason `code` with `params`, from `strings` (else English), as segments. */
export function reasonSegments(
  code: ReasonCode,
  params: DiagnosticParams,
  strings: Readonly<Record<string, string>> = REASON_MESSAGES,
  locale = "en",
): MessageSegment[] {
  return catalogueSegments(reasonKey(code, params), params, strings, REASON_MESSAGES, locale);
}

/**
 * The English reason the status file stores beside `code` and `params`: the catalogue's wording as
 * plain text (code spans without their backticks), so that it and every page's words for the
 * reason come from the same template.
 */
export function englishReason(code: ReasonCode, params: DiagnosticParams): string {
  return reasonSegments(code, params)
    .map((s) => s.text)
    .join("");
}

/**
 * The reason a status file gives as `code` and `params`, as segments; null when this build
 * cannot word it whole (an unknown code, or a variant or failure no catalogue has, as a newer
 * checker or a forged status file may write), so that the page shows the stored English reason.
 */
export function knownReasonSegments(
  code: unknown,
  params: DiagnosticParams | undefined,
  strings: Readonly<Record<string, string>>,
  locale: string,
): MessageSegment[] | null {
  if (!isReasonCode(code) || params === undefined) return null;
  const missing: string[] = [];
  const segments = catalogueSegments(reasonKey(code, params), params, strings, REASON_MESSAGES, locale, missing);
  return missing.length === 0 ? segments : null;
}
