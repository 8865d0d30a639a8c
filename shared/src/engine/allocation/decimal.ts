import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The engine's decimal type: 40 significant digits, half-up rounding. Money is exact in input and
 * in every product of input values; only the distribution factor (a quotient) is rounded, at 40 digits.
 */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Scaled amounts are kept to 1e-10 NOK so that every later sum is exact and order-independent. */
export const AMOUNT_PLACES = 10;

export function dec(value: number | string | Dec): Dec {
  return new Dec(value);
}

/** A decimal as a JSON number rounded to `places` (øre by default). */
export function toNumber(value: Dec, places = 2): number {
  return Number(value.toDecimalPlaces(places).toString());
}
