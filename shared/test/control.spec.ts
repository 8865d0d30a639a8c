import { describe, expect, it } from 'vitest';
import { computeAllocation, validateAllocationInput, type AllocationInputDraft, type ControlRuleInput } from '../src/engine/index.js';
import { baseInput } from './helpers.js';

/**
 * Control rules (kontrollberegning): required hours per purpose from each unit's counts. baseInput's
 * units: A (barnetrinn, 100 pupils, 3 minority pupils, total 4,554,952 kr at 765.80 kr/hour) and
 * B (ungdomstrinn, 200 pupils, total 11,418,000 kr at 881.60 kr/hour).
 */
const withRules = (rules: ControlRuleInput[], requiredHours?: Record<string, Record<string, number>>): AllocationInputDraft => ({
  ...baseInput(),
  control: { rules, ...(requiredHours ? { requiredHours } : {}) },
});

const minimumLessons: ControlRuleInput = {
  purpose: 'minstetimetall',
  label: 'Minstetimetall',
  driver: 'pupils',
  hours: { barnetrinn: { weeklyHours: 1 }, ungdomstrinn: { weeklyHours: 1.2 } },
};
const leadership: ControlRuleInput = {
  purpose: 'adm',
  label: 'Administrasjon',
  driver: 'unit',
  hours: { barnetrinn: { annualHours: 300 }, ungdomstrinn: { annualHours: 300 } },
};

const row = (input: AllocationInputDraft, unit: string) => computeAllocation(input).control!.rows.find((r) => r.unit === unit);

describe('control rules: required hours per unit from its counts', () => {
  // [case, rule, unit, required hours]
  const table: [string, ControlRuleInput, string, number][] = [
    ['weekly hours per pupil × 38 weeks (A: 1 × 38 × 100)', minimumLessons, 'a', 3800],
    ['weekly hours per pupil on ungdomstrinn (B: 1.2 × 38 × 200)', minimumLessons, 'b', 9120],
    ['annual hours per unit', leadership, 'a', 300],
    [
      'weekly hours with an uplift (A: 2 × 38 × 1.25 × 3 minority pupils)',
      { purpose: 'norsk', label: 'Særskilt norsk', driver: 'minorityPupils', hours: { barnetrinn: { weeklyHours: 2, uplift: 0.25 } } },
      'a',
      285,
    ],
    [
      'NOK per driver ÷ the hour cost (A: 4,000 kr × 3 ÷ 765.80 = 15.67)',
      { purpose: 'norsk', label: 'Særskilt norsk', driver: 'minorityPupils', hours: { barnetrinn: { nok: 4000 } } },
      'a',
      15.67,
    ],
    [
      'a stage without hours requires none (B has no ungdomstrinn hours)',
      { purpose: 'sfo', label: 'SFO', driver: 'pupils', hours: { barnetrinn: { annualHours: 1 } } },
      'b',
      0,
    ],
  ];
  it.each(table)('%s', (_, rule, unit, hours) => {
    const r = row(withRules([rule]), unit)!;
    expect(r.requiredHours[rule.purpose]).toBe(hours);
    expect(r.requiredTotal).toBe(hours);
  });

  it('frame hours, free hours and per pupil, with two purposes', () => {
    const control = computeAllocation(withRules([minimumLessons, leadership])).control!;
    expect(control.purposes).toEqual([
      { id: 'minstetimetall', label: 'Minstetimetall' },
      { id: 'adm', label: 'Administrasjon' },
    ]);
    // A: 4,554,952 ÷ 765.80 = 5,947.9655… hours; required 3,800 + 300 = 4,100; free 1,847.9655…, 18.48 per pupil.
    expect(control.rows[0]).toEqual({
      unit: 'a',
      hourCost: 765.8,
      frameHours: 5947.97,
      frameHoursPerPupil: 59.48,
      requiredHours: { minstetimetall: 3800, adm: 300 },
      requiredTotal: 4100,
      freeHours: 1847.97,
      freeHoursPerPupil: 18.48,
      belowZero: false,
    });
    // B: 11,418,000 ÷ 881.60 = 12,951.4519… hours; required 9,120 + 300 = 9,420.
    expect(control.rows[1]).toMatchObject({
      unit: 'b',
      frameHours: 12951.45,
      requiredTotal: 9420,
      freeHours: 3531.45,
      freeHoursPerPupil: 17.66,
    });
    expect(control.flagged).toEqual([]);
  });

  it('rules for the same purpose add up', () => {
    const perUnit = { ...leadership, purpose: 'minstetimetall', label: 'Minstetimetall' };
    expect(row(withRules([minimumLessons, perUnit]), 'a')!.requiredHours).toEqual({ minstetimetall: 4100 });
  });

  it('hours given for a unit replace the rules’ hours for that purpose; other purposes are added', () => {
    const r = row(withRules([minimumLessons, leadership], { a: { minstetimetall: 5000, spes: 900.5 } }), 'a')!;
    expect(r.requiredHours).toEqual({ minstetimetall: 5000, adm: 300, spes: 900.5 });
    expect(r.requiredTotal).toBe(6200.5);
    expect(r.freeHours).toBe(-252.53);
    expect(r.belowZero).toBe(true);
    // B keeps the rules' hours.
    expect(row(withRules([minimumLessons, leadership], { a: { minstetimetall: 5000 } }), 'b')!.requiredHours.minstetimetall).toBe(9120);
  });

  it('a negative remainder is flagged', () => {
    const heavy: ControlRuleInput = { ...minimumLessons, hours: { barnetrinn: { weeklyHours: 1.6 }, ungdomstrinn: { weeklyHours: 1 } } };
    const r = computeAllocation(withRules([heavy]));
    // A: 1.6 × 38 × 100 = 6,080 > 5,947.97 frame hours.
    expect(r.control!.rows[0]).toMatchObject({ requiredTotal: 6080, freeHours: -132.03, freeHoursPerPupil: -1.32, belowZero: true });
    expect(r.control!.flagged).toEqual(['a']);
  });

  it('counts over two school years are weighted before the rule applies', () => {
    const input = withRules([minimumLessons]);
    input.countWeights = [7, 5];
    input.units = [{ id: 'a', name: 'A skole', stage: 'barnetrinn', schoolYears: [{ pupils: 100 }, { pupils: 112 }] }];
    // (7 × 100 + 5 × 112) / 12 = 105 pupils × 38 hours.
    expect(row(input, 'a')!.requiredHours.minstetimetall).toBe(3990);
  });

  it('a custom driver (e.g. groups) can carry a rule without a criterion', () => {
    const input = withRules([
      { purpose: 'minstetimetall', label: 'Minstetimetall', driver: 'groups', hours: { barnetrinn: { annualHours: 753 } } },
    ]);
    input.customDrivers = [{ id: 'groups', label: 'Grupper' }];
    input.units = [{ id: 'a', name: 'A skole', stage: 'barnetrinn', counts: { pupils: 100, minorityPupils: 3, groups: 5 } }];
    expect(row(input, 'a')!.requiredHours.minstetimetall).toBe(3765);
  });

  it('purposes named in the model come first, in their order, with their names', () => {
    const input = withRules([minimumLessons, leadership], { a: { spes: 100 } });
    input.control!.purposes = [
      { id: 'spes', label: 'Spesialundervisning (enkeltvedtak)' },
      { id: 'minstetimetall', label: 'Minstetimetall' },
    ];
    expect(computeAllocation(input).control!.purposes).toEqual([
      { id: 'spes', label: 'Spesialundervisning (enkeltvedtak)' },
      { id: 'minstetimetall', label: 'Minstetimetall' },
      { id: 'adm', label: 'Administrasjon' },
    ]);
  });

  it('the absolute form alone still works: only the units given have rows', () => {
    const input: AllocationInputDraft = { ...baseInput(), control: { requiredHours: { b: { minimumLessons: 20000 } } } };
    const control = computeAllocation(input).control!;
    expect(control.rows.map((r) => r.unit)).toEqual(['b']);
    expect(control.purposes).toEqual([{ id: 'minimumLessons', label: 'minimumLessons' }]);
    expect(control.flagged).toEqual(['b']);
  });
});

describe('control rules: Norwegian messages on each field', () => {
  const errors = (input: AllocationInputDraft) => {
    const v = validateAllocationInput(input);
    return v.ok ? [] : v.errors;
  };
  const table: [string, unknown, string, string][] = [
    ['an unknown driver', { ...minimumLessons, driver: 'classes' }, 'control.rules[0].driver', 'Ukjent driver «classes»'],
    ['an empty name', { ...minimumLessons, label: ' ' }, 'control.rules[0].label', 'Formålet må ha et navn'],
    ['a purpose id with spaces', { ...minimumLessons, purpose: 'min timer' }, 'control.rules[0].purpose', 'Formålets id kan bare ha'],
    ['negative hours', { ...minimumLessons, hours: { barnetrinn: { annualHours: -1 } } }, 'control.rules[0].hours.barnetrinn', ''],
    ['an unknown field', { ...minimumLessons, perPupil: true }, 'control.rules[0]', ''],
  ];
  it.each(table)('%s', (_, rule, path, message) => {
    const found = errors({ ...baseInput(), control: { rules: [rule as ControlRuleInput] } });
    const hit = found.find((e) => e.path.startsWith(path));
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.message).toContain(message);
    expect(hit!.message).not.toMatch(/Invalid|expected/);
  });

  it('two names for one purpose', () => {
    const found = errors(withRules([minimumLessons, { ...leadership, purpose: 'minstetimetall' }]));
    expect(found).toEqual([
      {
        path: 'control.rules[1].label',
        message: 'Formålet «minstetimetall» har allerede navnet «Minstetimetall»; regler for samme formål må ha samme navn',
      },
    ]);
  });

  it('rules need an hour cost for every stage in use', () => {
    const input = withRules([minimumLessons, { ...leadership, hours: { ungdomstrinn: { nok: 10000 } } }]);
    input.hourCost = { barnetrinn: 765.8 };
    input.criteria = [{ id: 'perPupil', label: 'Pr. elev', driver: 'pupils', rate: { barnetrinn: { nok: 1 }, ungdomstrinn: { nok: 1 } } }];
    expect(errors(input)).toEqual([
      {
        path: 'control.rules[1].hours.ungdomstrinn',
        message: 'Regelen «Administrasjon» er gitt i kroner, men timekostnad for ungdomstrinn mangler',
      },
      {
        path: 'hourCost.ungdomstrinn',
        message: 'Timekostnad for ungdomstrinn mangler; kontrollberegningen regner rammen om til timer med den',
      },
    ]);
  });
});
