import { describe, expect, it } from 'vitest';
import { allocate } from '../src/engine/index.js';
import { allocateFloat } from '../bench/float-baseline.js';
import { syntheticModel } from '../bench/model-fixtures.js';

// The benchmark compares the exact engine with a float implementation; this keeps that
// comparison honest: both must compute the same numbers (floats to within rounding).
describe('the benchmark’s float baseline', () => {
  it('computes what the exact engine computes, to the krone', () => {
    const input = syntheticModel(300);
    const exact = allocate(input);
    const float = allocateFloat(input);
    expect(float.frame).toBe(exact.frame);
    expect(float.scale).toBeCloseTo(exact.scale, 9);
    float.units.forEach((u, i) => {
      const e = exact.units[i]!;
      expect(Math.abs(u.total - e.total)).toBeLessThanOrEqual(1);
      for (const [id, cell] of Object.entries(u.criteria)) {
        expect(Math.abs(cell.amount - e.criteria[id]!.amount)).toBeLessThanOrEqual(0.02);
        expect(Math.abs(cell.perPupil! - e.criteria[id]!.perPupil!)).toBeLessThanOrEqual(0.02);
      }
    });
    float.criteria.forEach((c, li) => {
      expect(Math.abs(c.amount - exact.criteria[li]!.amount)).toBeLessThanOrEqual(1);
      expect(c.sharePct).toBeCloseTo(exact.criteria[li]!.sharePct, 1);
    });
  });
});
