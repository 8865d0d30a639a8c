import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_LOCALES, isLanguage, translateMessage, type Language } from '@samrad/shared/i18n';
import { en } from './en.js';
import { nb } from './nb.js';
import { nn } from './nn.js';

/** Where the browser remembers the language before log-in (after log-in the person's setting rules). */
export const LANGUAGE_STORAGE_KEY = 'samrad.language';

function remembered(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

void i18n.use(initReactI18next).init({
  lng: remembered() ?? 'nb',
  fallbackLng: 'nb',
  supportedLngs: ['nb', 'nn', 'en'],
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

// The page says which language it is in (screen readers pronounce it; axe checks it).
const setLangAttribute = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
setLangAttribute(i18n.language);
i18n.on('languageChanged', setLangAttribute);

/** The language on screen. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'nb';
}

/** The locale of numbers and dates in the language on screen (nb-NO, nn-NO or en-GB). */
export function locale(): string {
  return LANGUAGE_LOCALES[currentLanguage()];
}

/** Switches the interface (texts, `<html lang>`, numbers and dates), and remembers it in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the switch still holds for this page.
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** A message from the API or a contract in the language on screen (the shared catalogue; bokmål when it has none). */
export const translated = (message: string) => translateMessage(message, currentLanguage());

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
/** An Intl format for the language on screen, made once per language and options. */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale()}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale(), options)));
  return f as Intl.DateTimeFormat;
}
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale()}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale(), options)));
  return f as Intl.NumberFormat;
}

/** A date (ISO) as an Oslo date in the language on screen, e.g. «1. desember 2026» or «1 December 2026». */
export const formatDate = (iso: string | null | undefined) =>
  iso
    ? dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(
        new Date(`${iso.slice(0, 10)}T12:00:00Z`),
      )
    : '';

/** An instant as Oslo date and time, e.g. «1. desember 2026 kl. 12:00». */
export const formatDateTime = (iso: string) =>
  dateTimeFormat({ timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

export default i18n;
