import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeAllocation, largestRemainder } from '../src/engine/index.js';
import { divRound, floorDiv, mulDivRound, toFixedInt } from '../src/engine/allocation/fixed.js';

const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
const big = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('fixed-point arithmetic', () => {
  it('divRound rounds half away from zero, like decimal.js ROUND_HALF_UP', () => {
    expect([divRound(5, 2), divRound(-5, 2), divRound(7, 2), divRound(-7, 2), divRound(1, 3), divRound(-2, 3)]).toEqual([
      3, -3, 4, -4, 0, -1,
    ]);
    fc.assert(
      fc.property(big, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n, d) => {
        expect(divRound(n, d)).toBe(new D(n).div(d).toDecimalPlaces(0).toNumber());
      }),
      { numRuns: 2000 },
    );
  });

  it('mulDivRound is exact beyond the safe-integer range (BigInt path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        (a, b, d) => {
          const expected = new D(a).times(b).div(d).toDecimalPlaces(0);
          fc.pre(expected.abs().lte(Number.MAX_SAFE_INTEGER));
          expect(mulDivRound(a, b, d)).toBe(expected.toNumber());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('floorDiv floors negatives', () => {
    expect([floorDiv(7, 100), floorDiv(-7, 100), floorDiv(-100, 100), floorDiv(250, 100)]).toEqual([0, -1, -1, 2]);
  });

  it('toFixedInt reads the decimal digits, not the binary approximation', () => {
    expect(toFixedInt(0.1 + 0.2, 2)).toBe(30); // 0.30000000000000004
    expect(toFixedInt('1234.565', 2)).toBe(123457);
    expect(toFixedInt('-1234.565', 2)).toBe(-123457);
    expect(toFixedInt(1.005, 2)).toBe(101); // the decimal 1.005, half up
    expect(toFixedInt(1e-7, 6)).toBe(0);
    expect(toFixedInt(5e-7, 6)).toBe(1);
    expect(toFixedInt(44240, 6)).toBe(44240000000);
    expect(() => toFixedInt('123456789012345678', 2)).toThrow(RangeError);
  });

  it('largest remainder gives the kroner to the largest remainders, ties by key, and takes back from the smallest', () => {
    expect(largestRemainder([150, 160, 170], 5, ['a', 'b', 'c'])).toEqual([1, 2, 2]);
    expect(largestRemainder([150, 150, 150], 5, ['c', 'a', 'b'])).toEqual([1, 2, 2]);
    expect(largestRemainder([150, 150, 150], 2, ['c', 'a', 'b'])).toEqual([0, 1, 1]);
    expect(largestRemainder([-150, 250], 1, ['a', 'b'])).toEqual([-1, 2]);
    expect(largestRemainder([100, 200], 6, ['a', 'b'])).toEqual([3, 3]);
  });
});

describe('the engine against 80-digit decimals', () => {
  it('every cell in allocation mode is rate × driver rounded half up to the øre', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ pupils: fc.integer({ min: 0, max: 900 }), hours: fc.integer({ min: 0, max: 5000 }).map((h) => h / 10) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 10_000_000 }).map((r) => r / 100),
        fc.integer({ min: 0, max: 300 }).map((h) => h / 10),
        (units, perPupil, weekly) => {
          const r = computeAllocation({
            format: 'samrad.allocation-input/v1',
            mode: 'allocation',
            teachingWeeks: 38,
            hourCost: { barnetrinn: 765.83 },
            criteria: [
              { id: 'p', label: 'Pr. elev', driver: 'pupils', rate: { barnetrinn: { nok: perPupil } } },
              { id: 's', label: 'Senior', driver: 'seniorReducedHours', rate: { barnetrinn: { weeklyHours: weekly, uplift: 0.125 } } },
            ],
            units: units.map((u, i) => ({
              id: `u${i}`,
              name: `U${i}`,
              stage: 'barnetrinn' as const,
              counts: { pupils: u.pupils, seniorReducedHours: u.hours },
            })),
          });
          const hourRate = new D(weekly).times(38).times('765.83').times('1.125').toDecimalPlaces(6);
          units.forEach((u, i) => {
            expect(r.units[i]!.criteria.p!.amount).toBe(new D(perPupil).times(u.pupils).toDecimalPlaces(2).toNumber());
            expect(r.units[i]!.criteria.s!.amount).toBe(hourRate.times(u.hours).toDecimalPlaces(2).toNumber());
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
