import { describe, expect, it } from 'vitest';
import { amountOf, decimalOf, numberOf, optionalDecimalOf, showDecimal } from './numbers.js';

describe('Norwegian numbers in forms', () => {
  it.each([
    ['1862', 1862],
    ['33 150', 33150],
    ['33\u00a0150', 33150],
    ['1 862,50', '1862.50'],
    ['0,2', '0.2'],
    ['-30 493 500', -30493500],
    [' mye ', 'mye'],
    ['', ''],
  ])('«%s» → %j', (typed, sent) => expect(decimalOf(typed)).toEqual(sent));

  it('leaves an empty optional field out', () => {
    expect(optionalDecimalOf('  ')).toBeUndefined();
    expect(optionalDecimalOf('15')).toBe(15);
  });

  it.each([
    [33150, '33 150'],
    ['1862.50', '1 862,50'],
    [0.2, '0,2'],
    [-1000, '-1 000'],
    [undefined, ''],
  ])('%j is shown as «%s», and reads back the same', (stored, shown) => {
    expect(showDecimal(stored)).toBe(shown);
    if (shown) expect(String(decimalOf(shown))).toBe(String(stored));
  });

  it.each([
    ['38', 38],
    ['1 862,5', 1862.5],
    ['0,25', 0.25],
    ['tretti', 'tretti'],
  ])('a quantity «%s» is sent as %j (a JSON number, as the contracts want)', (typed, sent) => expect(numberOf(typed)).toEqual(sent));

  it('a money field: empty is null, whole kroner a number, øre an exact decimal string', () => {
    expect(amountOf('  ')).toBeNull();
    expect(amountOf(null)).toBeNull();
    expect(amountOf('-5 100 000')).toBe(-5100000);
    expect(amountOf('1 000 000,10')).toBe('1000000.10');
  });
});
