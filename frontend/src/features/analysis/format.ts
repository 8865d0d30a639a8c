import { numberFormat } from '../../i18n/index.js';

const nf = numberFormat({ maximumFractionDigits: 0 });
const pf = numberFormat({ style: 'percent', maximumFractionDigits: 1 });

/** NOK as whole kroner, «kr 1 234 567». */
export const kr = (n: number) => `${nf.format(Math.round(n))} kr`;
export const num = (n: number) => nf.format(n);
/** A signed amount: «+7 020 900 kr», «−30 493 500 kr». */
export const signedKr = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '') + kr(Math.abs(n));
export const share = (n: number) => pf.format(n);
