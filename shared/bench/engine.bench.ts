import { bench, describe } from 'vitest';
import { allocate } from '../src/engine/index.js';
import { allocateFloat } from './float-baseline.js';
import { totalsOnlyFloat } from './totals-only-float.js';
import { syntheticModel } from './model-fixtures.js';

const big = syntheticModel(3000);
const small = syntheticModel(50);
const SWEEP = 10_000;

describe('one compute: 3,000 units × 8 criteria', () => {
  bench('exact engine (fixed-point integers)', () => {
    allocate(big);
  });
  bench('float baseline', () => {
    allocateFloat(big);
  });
  bench('float, unit totals only (lower bound, not the target)', () => {
    totalsOnlyFloat(big);
  });
});

describe('sweep: 10,000 scenarios over 50 units (perPupil rate varied)', () => {
  bench(
    'exact engine (fixed-point integers)',
    () => {
      for (let k = 0; k < SWEEP; k++) {
        const factor = 0.9 + (0.2 * k) / SWEEP;
        const input = {
          ...small,
          criteria: small.criteria.map((c) =>
            c.id === 'perPupil' ? { ...c, rate: { barnetrinn: { nok: 44240 * factor }, ungdomstrinn: { nok: 57090 * factor } } } : c,
          ),
        };
        allocate(input);
      }
    },
    { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
  bench(
    'float baseline',
    () => {
      for (let k = 0; k < SWEEP; k++) allocateFloat(small, { criterion: 'perPupil', factor: 0.9 + (0.2 * k) / SWEEP });
    },
    { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
  bench(
    'float, unit totals only (lower bound, not the target)',
    () => {
      for (let k = 0; k < SWEEP; k++) totalsOnlyFloat(small, { criterion: 'perPupil', factor: 0.9 + (0.2 * k) / SWEEP });
    },
    { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
});
