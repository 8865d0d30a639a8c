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

/**
 * Switches the interface (texts, `<html lang>`, numbers and dates). A person's own choice (`remember`) is
 * kept in this browser too, so the log-in page opens in it and a choice made there carries over.
 */
export async function setLanguage(language: Language, options: { remember?: boolean } = {}): Promise<void> {
  if (options.remember)
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode without storage: the switch still holds for this page.
    }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** The language chosen in this browser (on the switch), if any. */
export const rememberedLanguage = remembered;

/** A message from the API or a contract in the language on screen (the shared catalogue; bokmål when it has none). */
export const translated = (message: string) => translateMessage(message, currentLanguage());

/**
 * A number or date format in the language on screen: made again only when the language changes, so a
 * table of thousands of cells formats at the speed of one `Intl` object.
 */
function localized<F extends { format: (v: never) => string }>(make: (locale: string) => F): F {
  let made: { locale: string; format: F } | undefined;
  const current = () => {
    const l = locale();
    if (made?.locale !== l) made = { locale: l, format: make(l) };
    return made.format;
  };
  return { format: (v: never) => current().format(v) } as F;
}
export const numberFormat = (options: Intl.NumberFormatOptions = {}): Pick<Intl.NumberFormat, 'format'> =>
  localized((l) => new Intl.NumberFormat(l, options));
export const dateTimeFormat = (options: Intl.DateTimeFormatOptions): Pick<Intl.DateTimeFormat, 'format'> =>
  localized((l) => new Intl.DateTimeFormat(l, options));

const dateOnly = dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
const dateAndTime = dateTimeFormat({ timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });

/** A date (ISO) as an Oslo date in the language on screen, e.g. «1. desember 2026» or «1 December 2026». */
export const formatDate = (iso: string | null | undefined) => (iso ? dateOnly.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '');

/** An instant as Oslo date and time, e.g. «1. desember 2026 kl. 12:00». */
export const formatDateTime = (iso: string) => dateAndTime.format(new Date(iso));

export default i18n;
