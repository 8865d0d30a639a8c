import { bench, describe } from 'vitest';
import { allocate } from '../src/engine/index.js';
import { allocateFloat } from './float-baseline.js';
import { syntheticModel } from './model-fixtures.js';

const big = syntheticModel(3000);
const small = syntheticModel(50);
const SWEEP = 10_000;

describe('one compute: 3,000 units × 8 criteria', () => {
  bench('exact engine (decimal.js)', () => {
    allocate(big);
  });
  bench('float baseline', () => {
    allocateFloat(big);
  });
});

describe('sweep: 10,000 scenarios over 50 units (perPupil rate varied)', () => {
  bench(
    'exact engine (decimal.js)',
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
    { iterations: 2, time: 0 },
  );
  bench(
    'float baseline',
    () => {
      for (let k = 0; k < SWEEP; k++) allocateFloat(small, { criterion: 'perPupil', factor: 0.9 + (0.2 * k) / SWEEP });
    },
    { iterations: 2, time: 0 },
  );
});
