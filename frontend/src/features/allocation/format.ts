import { numberFormat } from '../../i18n/index.js';

/** Number formats of the allocation pages (whole kroner), in the language on screen. */
export const nok = numberFormat({ maximumFractionDigits: 0 });
export const pct = numberFormat({ maximumFractionDigits: 2, signDisplay: 'exceptZero' });
export const signed = numberFormat({ maximumFractionDigits: 0, signDisplay: 'exceptZero' });
