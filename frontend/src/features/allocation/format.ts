import { numberFormat } from '../../i18n/index.js';

/** Number formats of the allocation pages (whole kroner), in the language on screen. */
export const nok = { format: (n: number | bigint) => numberFormat({ maximumFractionDigits: 0 }).format(n) };
export const pct = { format: (n: number | bigint) => numberFormat({ maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(n) };
export const signed = { format: (n: number | bigint) => numberFormat({ maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(n) };
