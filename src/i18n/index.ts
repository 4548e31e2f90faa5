/**
 * Translation: one i18next instance per locale over `locales/<lang>.json` (flat dotted keys;
 * English defines the key set). `t()` takes only keys English has, so a misspelt key fails the
 * type check; plural keys (`x_one`, `x_other`, …) are asked for by their base name with `count`.
 */
import i18next, { type i18n } from "i18next";
import en from "./locales/en.json" with { type: "json" };

/** Locales the site is built in; the first is the default and lives at the root. */
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

type Messages = typeof en;
type PluralSuffix = "_zero" | "_one" | "_two" | "_few" | "_many" | "_other";
type BaseKey<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** Every key `t()` accepts. */
export type MessageKey = BaseKey<keyof Messages & string>;
/** Values interpolated into `{{name}}` placeholders; `count` also picks the plural form. */
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const RESOURCES: Record<Locale, Record<string, string>> = { en };

const instances = new Map<Locale, i18n>();

function instanceFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    // Astro escapes every interpolated text when it renders, so i18next must not escape too.
    void instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources: { [locale]: { translation: RESOURCES[locale] } },
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

/** The text direction of `locale`. */
export function directionOf(locale: Locale): "ltr" | "rtl" {
  return new Intl.Locale(locale).getTextInfo?.().direction === "rtl" ? "rtl" : "ltr";
}
