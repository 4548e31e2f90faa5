/**
 * Translation: one i18next instance per locale over `locales/<lang>.json` (flat dotted keys;
 * English defines the key set). `t()` takes only keys English has, so a misspelt key fails the
 * type check; plural keys (`x_one`, `x_other`, …) are asked for by their base name with `count`.
 */
import i18next, { type i18n } from "i18next";
import ar from "./locales/ar.json" with { type: "json" };
import de from "./locales/de.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };
import es from "./locales/es.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };
import id from "./locales/id.json" with { type: "json" };
import ja from "./locales/ja.json" with { type: "json" };
import ptBR from "./locales/pt-BR.json" with { type: "json" };
import ru from "./locales/ru.json" with { type: "json" };
import zhCN from "./locales/zh-CN.json" with { type: "json" };
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

export { ALL_LOCALES, DEFAULT_LOCALE, LOCALES, type Locale, localeSegment } from "./locales.ts";

type Messages = typeof en;
type PluralSuffix = "_zero" | "_one" | "_two" | "_few" | "_many" | "_other";
type BaseKey<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** Every key `t()` accepts. */
export type MessageKey = BaseKey<keyof Messages & string>;
/** Values interpolated into `{{name}}` placeholders; `count` also picks the plural form. */
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Every locale's messages; `tests/unit/i18n-parity.test.ts` holds them to English's key set. */
export const RESOURCES: Record<Locale, Record<string, string>> = {
  en,
  de,
  fr,
  es,
  "pt-BR": ptBR,
  ru,
  ja,
  "zh-CN": zhCN,
  id,
  ar,
};

const instances = new Map<Locale, i18n>();

function instanceFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    // Astro escapes every interpolated text when it renders, so i18next must not escape too.
    void instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources: { [locale]: { translation: RESOURCES[locale] }, [DEFAULT_LOCALE]: { translation: en } },
      initAsync: false,
      interpolation: { escapeValue: false },
      keySeparator: false,
      nsSeparator: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

/** The translate function of `locale`. */
export function useTranslations(locale: Locale): Translate {
  const instance = instanceFor(locale);
  return (key, values) => instance.t(key, values ?? {});
}

/** A piece of a message: its own text, or the name of a value the page renders itself. */
export type MessagePart = { text: string } | { value: string };

/** Marks where a value goes; never in a translation, and the values themselves are not passed in. */
const SLOT = "\u0000";

/**
 * `key` translated with each of `slots` left as a part of its own, where the translation puts it,
 * so that a page can wrap it in markup: a repo path in `<bdi dir="ltr">` on a right-to-left page.
 */
export function messageParts(
  t: Translate,
  key: MessageKey,
  values: MessageValues,
  slots: readonly string[],
): MessagePart[] {
  const marked: MessageValues = { ...values };
  for (const name of slots) marked[name] = `${SLOT}${name}${SLOT}`;
  return t(key, marked)
    .split(SLOT)
    .map((piece, i) => (i % 2 === 1 ? { value: piece } : { text: piece }))
    .filter((part) => !("text" in part) || part.text !== "");
}

/**
 * Every plural form of `key` in `locale`, keyed by `Intl.PluralRules` category, for browser
 * code that formats counts itself (it gets the forms, not i18next).
 */
export function pluralForms(locale: Locale, key: MessageKey): Record<string, string> {
  const messages = RESOURCES[locale];
  const forms: Record<string, string> = {};
  for (const [name, text] of Object.entries(messages)) {
    if (name.startsWith(`${key}_`)) forms[name.slice(key.length + 1)] = text;
  }
  return forms;
}

/** The name of `locale` in its own language, capitalised as a menu entry starts ("Français"). */
export function nativeName(locale: Locale): string {
  let name = nativeNames.get(locale);
  if (name === undefined) {
    const own = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
    name = own.charAt(0).toLocaleUpperCase(locale) + own.slice(1);
    nativeNames.set(locale, name);
  }
  return name;
}

const nativeNames = new Map<Locale, string>();

/** The text direction of `locale`. */
export function directionOf(locale: Locale): "ltr" | "rtl" {
  return new Intl.Locale(locale).getTextInfo?.().direction === "rtl" ? "rtl" : "ltr";
}
