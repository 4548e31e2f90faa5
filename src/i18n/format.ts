/**
 * Locale-aware names and numbers from `Intl`: no hand-kept tables of country or continent names.
 */
import type { ContinentCode } from "../core/types.ts";
import type { Locale } from "./locales.ts";

/** UN M49 codes that CLDR names; Antarctica is named as a region. */
const CONTINENT_REGIONS: Record<ContinentCode, string> = {
  AF: "002",
  AN: "AQ",
  AS: "142",
  EU: "150",
  NA: "003",
  OC: "009",
  SA: "005",
};

/** One formatter per locale and kind for the whole build: thousands of pages ask for them. */
function memo<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale);
      made.set(locale, value);
    }
    return value;
  };
}

const numberFormat = memo((locale) => new Intl.NumberFormat(locale));
const dateTimeFormat = memo(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "UTC",
      timeZoneName: "short",
    }),
);
/** Durations in words ("3 hours", "3 Stunden"): CLDR's units carry each language's plural forms. */
const unitFormat = (unit: "minute" | "hour" | "day") =>
  memo((locale) => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }));
const minutesFormat = unitFormat("minute");
const hoursFormat = unitFormat("hour");
const daysFormat = unitFormat("day");
const percentFormat = memo((locale) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }));
const dayFormat = memo((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }));
const conjunctions = memo((locale) => new Intl.ListFormat(locale, { type: "conjunction" }));
const collators = memo((locale) => new Intl.Collator(locale, { sensitivity: "base", numeric: true }));
const regions = memo((locale) => new Intl.DisplayNames([locale], { type: "region", fallback: "code" }));

/** The country's name in `locale` (ISO 3166-1 alpha-2 code in). */
export function countryName(locale: Locale, code: string): string {
  return regions(locale).of(code) ?? code;
}

export function continentName(locale: Locale, code: ContinentCode): string {
  return regions(locale).of(CONTINENT_REGIONS[code]) ?? code;
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormat(locale).format(value);
}

/** A date and time, in UTC so that every build of the same data prints the same text. */
export function formatDateTime(locale: Locale, iso: string): string {
  return dateTimeFormat(locale).format(new Date(iso));
}

/**
 * A duration in words, rounded to one unit a reader takes in at a glance: minutes under an hour
 * (at least one), hours under two days, then days. `seconds` must be positive.
 */
export function formatDuration(locale: Locale, seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return minutesFormat(locale).format(minutes);
  const hours = Math.round(seconds / 3600);
  if (hours < 48) return hoursFormat(locale).format(hours);
  return daysFormat(locale).format(Math.round(seconds / 86_400));
}

/** A share (0–1) as a percentage in `locale`, at most two decimals: "99.5%", "99,5 %". */
export function formatPercent(locale: Locale, ratio: number): string {
  return percentFormat(locale).format(ratio);
}

/** A UTC day (`YYYY-MM-DD`) as a date in `locale`. */
export function formatDay(locale: Locale, day: string): string {
  return dayFormat(locale).format(new Date(`${day}T00:00:00Z`));
}

/** Items joined as readers of `locale` list them: "A, B and C". */
export function formatList(locale: Locale, items: readonly string[]): string {
  return conjunctions(locale).format(items);
}

/** A collator for sorting names the way readers of `locale` expect. */
export function collator(locale: Locale): Intl.Collator {
  return collators(locale);
}

/**
 * `value` between Unicode's first-strong isolate and pop directional isolate (U+2068, U+2069),
 * for a Latin value (a host, an address, a file) put into a sentence of a right-to-left
 * language: its punctuation stays with it instead of moving to the sentence's other end.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

/** Locales whose sentences end in a full-width stop and follow each other without a space. */
const UNSPACED_SENTENCES: ReadonlySet<Locale> = new Set(["ja", "zh-CN"]);

/** What goes between two sentences put side by side: a space, or nothing in Japanese and Chinese. */
export function sentenceGap(locale: Locale): string {
  return UNSPACED_SENTENCES.has(locale) ? "" : " ";
}
