/**
 * A day's words in a mirror's availability strip ("3 Dec 2026: 47 / 48 checks ok"), memoised:
 * the 530 mirror pages of a locale share few distinct days and counts, so each label goes
 * through i18next's interpolation once rather than 30 times a page.
 */
import { formatDay } from "./format.ts";
import { type Locale, useTranslations } from "./index.ts";

const labels = new Map<string, string>();

export function availabilityDayLabel(locale: Locale, day: string, ok: number, checks: number): string {
  const key = `${locale} ${day} ${ok} ${checks}`;
  let label = labels.get(key);
  if (label === undefined) {
    const t = useTranslations(locale);
    label =
      checks === 0
        ? t("mirror.availabilityNoCheck", { day: formatDay(locale, day) })
        : t("mirror.availabilityDay", { day: formatDay(locale, day), ok, checks });
    labels.set(key, label);
  }
  return label;
}
