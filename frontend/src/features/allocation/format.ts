/** Number formats of the allocation pages (bokmål, whole kroner). */
export const nok = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
export const pct = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
export const signed = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
