import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nb } from './nb.js';

void i18n.use(initReactI18next).init({
  lng: 'nb',
  fallbackLng: 'nb',
  resources: { nb: { translation: nb } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const dateFormat = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
export const formatDate = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '');

export default i18n;

const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });
/** An instant as Oslo date and time, e.g. «1. desember 2026 kl. 12:00». */
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
