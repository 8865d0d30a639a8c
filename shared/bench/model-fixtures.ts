import type { AllocationInput } from '../src/engine/index.js';
import { parseAllocationInput } from '../src/engine/index.js';

/** A deterministic pseudo-random model: `units` units, 8 criteria (about every school in Norway at 3,000). */
export function syntheticModel(units: number): AllocationInput {
  let seed = 42;
  const rnd = (max: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % (max + 1);
  };
  return parseAllocationInput({
    format: 'samrad.allocation-input/v1',
    mode: 'distribution',
    frameChange: -5100000,
    teachingWeeks: 38,
    hourCost: { barnetrinn: 765.8, ungdomstrinn: 881.6 },
    customDrivers: [
      { id: 'distance', label: 'Skyss' },
      { id: 'newcomers', label: 'Nyankomne' },
    ],
    criteria: [
      { id: 'perPupil', label: 'Pr. elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 }, ungdomstrinn: { nok: 57090 } } },
      { id: 'perUnit', label: 'Pr. skole', driver: 'unit', rate: { barnetrinn: { nok: 930400 }, ungdomstrinn: { nok: 600400 } } },
      {
        id: 'perGrade',
        label: 'Pr. trinn',
        driver: 'gradesTaught',
        rate: { barnetrinn: { weeklyHours: 2 }, ungdomstrinn: { weeklyHours: 2 } },
      },
      {
        id: 'highNeeds',
        label: 'Store behov',
        driver: 'highNeedsPupils',
        rate: { barnetrinn: { weeklyHours: 14.4, uplift: 0.2 }, ungdomstrinn: { weeklyHours: 16.4 } },
      },
      {
        id: 'minority',
        label: 'Minoritet',
        driver: 'minorityPupils',
        rate: { barnetrinn: { weeklyHours: 1.5 }, ungdomstrinn: { weeklyHours: 1.5 } },
      },
      {
        id: 'senior',
        label: 'Senior',
        driver: 'seniorReducedHours',
        rate: { barnetrinn: { annualHours: 1 }, ungdomstrinn: { annualHours: 1 } },
      },
      { id: 'distance', label: 'Skyss', driver: 'distance', rate: { barnetrinn: { nok: 1250.5 }, ungdomstrinn: { nok: 1250.5 } } },
      {
        id: 'newcomers',
        label: 'Nyankomne',
        driver: 'newcomers',
        rate: { barnetrinn: { weeklyHours: 3 }, ungdomstrinn: { weeklyHours: 3 } },
      },
    ],
    units: Array.from({ length: units }, (_, i) => {
      const stage = i % 3 === 2 ? 'ungdomstrinn' : 'barnetrinn';
      return {
        id: `u${i}`,
        name: `Skole ${i}`,
        stage,
        counts: {
          pupils: 20 + rnd(600),
          gradesTaught: stage === 'barnetrinn' ? 7 : 3,
          highNeedsPupils: rnd(8),
          minorityPupils: rnd(40),
          seniorReducedHours: rnd(500),
          distance: rnd(200),
          newcomers: rnd(10),
        },
      };
    }),
  });
}
