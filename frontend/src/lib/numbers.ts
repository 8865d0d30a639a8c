/**
 * Numbers as a Norwegian types them (spaces or non-breaking spaces between thousands, a decimal comma) for the
 * contracts, and back. Whole numbers become JSON numbers; a number with decimals stays an exact decimal string
 * («1862,50» → "1862.50"), so money is never rounded by a float. Anything that is not a number is handed on as
 * typed, so the contract names the problem in its own words.
 */
export function decimalOf(value: string): number | string {
  const t = normalized(value);
  if (!NUMBER.test(t)) return value.trim();
  return t.includes('.') ? t : Number(t);
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** Thousands spaces out, the decimal comma as a point. */
const normalized = (value: string) => value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');

/**
 * A quantity as a Norwegian types it (hours, weeks, counts, rates) as a JSON number, since the contracts want one;
 * anything else as typed. Money goes through {@link decimalOf} instead, so it stays exact.
 */
export function numberOf(value: string): number | string {
  const t = normalized(value);
  return NUMBER.test(t) ? Number(t) : value.trim();
}

/** A form field's money: empty is null, anything else as {@link decimalOf}. */
export const amountOf = (value: FormDataEntryValue | null): number | string | null => {
  const text = typeof value === 'string' ? value : '';
  return text.trim() === '' ? null : decimalOf(text);
};

/** An optional field: empty is left out (undefined), anything else as {@link decimalOf}. */
export const optionalDecimalOf = (value: string): number | string | undefined => (value.trim() === '' ? undefined : decimalOf(value));

/** A stored number or decimal string as a Norwegian reads and edits it: 33150 → «33 150», "0.2" → «0,2». */
export function showDecimal(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const whole = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${m[1]}${whole}${m[3] ? `,${m[3]}` : ''}`;
}
