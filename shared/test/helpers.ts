import type { AllocationInputDraft } from '../src/engine/index.js';

export function baseInput(): AllocationInputDraft {
  return {
    format: 'samrad.allocation-input/v1',
    mode: 'allocation',
    teachingWeeks: 38,
    hourCost: { barnetrinn: 765.8, ungdomstrinn: 881.6 },
    criteria: [
      { id: 'perPupil', label: 'Pr. elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 }, ungdomstrinn: { nok: 57090 } } },
      {
        id: 'minority',
        label: 'Minoritetsspråklige',
        driver: 'minorityPupils',
        rate: { barnetrinn: { weeklyHours: 1.5 }, ungdomstrinn: { weeklyHours: 1.5 } },
      },
    ],
    units: [
      { id: 'a', name: 'A skole', stage: 'barnetrinn', counts: { pupils: 100, minorityPupils: 3 } },
      { id: 'b', name: 'B skole', stage: 'ungdomstrinn', counts: { pupils: 200, minorityPupils: 0 } },
    ],
  };
}
