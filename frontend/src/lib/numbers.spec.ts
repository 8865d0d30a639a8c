import { describe, expect, it } from 'vitest';
import { decimalOf, optionalDecimalOf, showDecimal } from './numbers.js';

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
});
