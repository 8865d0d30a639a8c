import { Dec } from './decimal.js';

/**
 * Exact fixed-point arithmetic on safe integers, the engine's hot path. Money is held in øre
 * (1/100 krone), rates and pot portions in micro-kroner (1/1,000,000 krone), counts as exact
 * rationals `num / den`. Every product that would leave the safe-integer range is done in BigInt,
 * so the results are exact whatever the input; the common case never allocates.
 */

const MAX = Number.MAX_SAFE_INTEGER;
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

export const ØRE_PER_KRONE = 100;
/** Rates are kept to a millionth of a krone. */
export const RATE_PLACES = 6;
/** Counts are kept to six decimals (pupils averaged over two school years are exact rationals on top). */
export const COUNT_PLACES = 6;

export function pow10(k: number): number {
  const p = POW10[k];
  if (p === undefined) throw new RangeError(`10^${k} is outside the fixed-point range`);
  return p;
}

function safe(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is outside the fixed-point range`);
  return n;
}

/** Rounds `n / d` to an integer, half away from zero (decimal.js' ROUND_HALF_UP). `d` > 0, both safe. */
export function divRound(n: number, d: number): number {
  if (n > 2 ** 52 || n < -(2 ** 52)) return divRoundSlow(n, d);
  // The float quotient is within one of the answer; the remainder, computed exactly, settles it.
  let q = Math.round(n / d);
  let r = n - q * d;
  if (2 * r > d) {
    q += 1;
    r -= d;
  } else if (2 * r < -d) {
    q -= 1;
    r += d;
  }
  if (2 * r === d) return n < 0 ? q : q + 1;
  if (2 * r === -d) return n < 0 ? q - 1 : q;
  return q;
}

function divRoundSlow(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  if (2 * Math.abs(r) >= d) return n < 0 ? q - 1 : q + 1;
  return q;
}

/** `n / d` rounded half away from zero, for BigInts (`d` > 0). */
export function bigDivRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** `round(a × b / d)` half away from zero, exact for safe integers `a`, `b` and `d` > 0. */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= MAX && p >= -MAX) return divRound(p, d);
  return safe(Number(bigDivRound(BigInt(a) * BigInt(b), BigInt(d))), 'a product');
}

/** Floor division for integers, `d` > 0. */
export function floorDiv(n: number, d: number): number {
  const r = n % d;
  return (n - r) / d - (r < 0 ? 1 : 0);
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** The plain decimal digits of a number or decimal string: sign, integer part and fraction. */
function digits(value: number | string): { negative: boolean; int: string; frac: string } {
  let s = typeof value === 'number' ? String(value) : value.trim();
  if (/e/i.test(s)) s = new Dec(s).toFixed();
  const negative = s.startsWith('-');
  if (negative || s.startsWith('+')) s = s.slice(1);
  const dot = s.indexOf('.');
  return dot < 0 ? { negative, int: s, frac: '' } : { negative, int: s.slice(0, dot), frac: s.slice(dot + 1) };
}

/**
 * A decimal as an integer number of `10^-places` units, rounded half away from zero when it has
 * more decimals. Exact: the decimal's own digits are used, never a binary approximation.
 */
export function toFixedInt(value: number | string, places: number): number {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const n = value * pow10(places);
    if (n <= MAX && n >= -MAX) return n;
  }
  const { negative, int, frac } = digits(value);
  let n: number;
  if (frac.length <= places) {
    n = Number(int + frac.padEnd(places, '0'));
  } else {
    n = Number(int + frac.slice(0, places)) + (frac.charCodeAt(places) >= 53 /* '5' */ ? 1 : 0);
  }
  safe(n, `the number ${String(value)}`);
  return negative ? -n : n;
}

/** An exact rational `num / den` (den > 0). */
export interface Ratio {
  num: number;
  den: number;
}

/** A decimal as an exact ratio over a power of ten (at most {@link COUNT_PLACES} decimals). */
export function toRatio(value: number | string): Ratio {
  if (typeof value === 'number' && Number.isInteger(value)) return { num: value, den: 1 };
  const { frac } = digits(value);
  const k = Math.min(frac.replace(/0+$/, '').length, COUNT_PLACES);
  return { num: toFixedInt(value, k), den: pow10(k) };
}

/** Lowest common multiple, checked to stay a safe integer. */
export function lcm(a: number, b: number): number {
  return a === b ? a : safe((a / gcd(a, b)) * b, 'a common denominator');
}

/** Decimal string of `num / den` to 40 significant digits (for reporting the scale factor). */
export function ratioString(num: number, den: number): string {
  return new Dec(num).div(den).toString();
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** Σ num/den over exact ratios, as one ratio (BigInt). */
export function sumRatios(terms: readonly { num: bigint; den: bigint }[]): { num: bigint; den: bigint } {
  let den = 1n;
  for (const t of terms) den = (den / bigGcd(den, t.den)) * t.den;
  let num = 0n;
  for (const t of terms) num += t.num * (den / t.den);
  return { num, den };
}
