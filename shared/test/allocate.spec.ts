import { describe, expect, it } from 'vitest';
import { computeAllocation, rateInNok } from '../src/engine/index.js';
import { baseInput } from './helpers.js';

describe('allocate', () => {
  it('turns weekly hours into money: hours × weeks × hour cost × (1 + uplift)', () => {
    const rate = rateInNok({ weeklyHours: 14.4, uplift: 0.2 }, 'barnetrinn', { teachingWeeks: 38, hourCost: { barnetrinn: 765.8 } });
    expect(rate.toString()).toBe('502854.912');
    expect(rateInNok({ annualHours: 2 }, 'ungdomstrinn', { teachingWeeks: 38, hourCost: { ungdomstrinn: 881.6 } }).toString()).toBe(
      '1763.2',
    );
  });

  it('allocation mode: the total is the sum of the rates', () => {
    const r = computeAllocation(baseInput());
    // a: 100 × 44240 + 3 × 1.5 × 38 × 765.8 = 4,424,000 + 130,951.8
    expect(r.units[0]!.criteria.perPupil).toEqual({ amount: 4424000, perPupil: 44240 });
    expect(r.units[0]!.criteria.minority!.amount).toBe(130951.8);
    expect(r.units[0]!.total).toBe(4554952);
    expect(r.units[1]!.total).toBe(11418000);
    expect(r.scale).toBe(1);
  });

  it('distribution mode scales every rate by one factor and sums to the frame', () => {
    const input = { ...baseInput(), mode: 'distribution' as const, frame: 15000000 };
    const r = computeAllocation(input);
    expect(r.total).toBe(15000000);
    expect(r.units.reduce((s, u) => s + u.total, 0)).toBe(15000000);
    const scale = 15000000 / (4554951.8 + 11418000);
    expect(r.scale).toBeCloseTo(scale, 12);
    expect(r.criteria[0]!.rates.barnetrinn!.scaled).toBeCloseTo(44240 * scale, 2);
  });

  it('a frame change is relative to the unscaled total; adjustments stay outside the scaling', () => {
    const input = {
      ...baseInput(),
      mode: 'distribution' as const,
      frameChange: -500000,
      adjustments: [{ unit: 'b', amount: 250000, reason: 'Forsterket avdeling' }],
    };
    const r = computeAllocation(input);
    expect(r.frame).toBe(Math.round(4554951.8 + 11418000 + 250000 - 500000));
    expect(r.total).toBe(r.frame);
    const b = r.units[1]!;
    expect(b.adjustments).toEqual([{ amount: 250000, reason: 'Forsterket avdeling' }]);
    expect(b.adjustmentsTotal).toBe(250000);
    expect(r.scale).toBeCloseTo((r.frame - 250000) / (4554951.8 + 11418000), 6);
  });

  it('weights two school years (7/12 + 5/12) into the budget year count', () => {
    const input = baseInput();
    input.countWeights = [7, 5];
    input.units[0] = { id: 'a', name: 'A', stage: 'barnetrinn', schoolYears: [{ pupils: 120 }, { pupils: 96 }] };
    const r = computeAllocation(input);
    expect(r.units[0]!.pupils).toBe(110);
    expect(r.units[0]!.criteria.perPupil!.amount).toBe(110 * 44240);
  });

  it('plain average of two school years by default', () => {
    const input = baseInput();
    input.units[0] = { id: 'a', name: 'A', stage: 'barnetrinn', schoolYears: [{ pupils: 101 }, { pupils: 100 }] };
    expect(computeAllocation(input).units[0]!.pupils).toBe(100.5);
  });

  it('grade weights: 1st grade +20 %', () => {
    const input = baseInput();
    input.criteria[0]!.gradeWeights = { '1': 1.2 };
    input.units = input.units.map((u) => ({
      ...u,
      gradeCounts: (u.stage === 'barnetrinn' ? { '1': 10, '2': 20 } : { '8': 50 }) as Record<string, number>,
    }));
    const r = computeAllocation(input);
    expect(r.units[0]!.criteria.perPupil!.amount).toBe((12 + 20) * 44240);
  });

  it('gradesTaught derived from grade counts when not given', () => {
    const input = baseInput();
    input.criteria.push({
      id: 'perGrade',
      label: 'Pr. trinn',
      driver: 'gradesTaught',
      rate: { barnetrinn: { weeklyHours: 2 }, ungdomstrinn: { weeklyHours: 2 } },
    });
    input.units = input.units.map((u) => ({
      ...u,
      gradeCounts: (u.stage === 'barnetrinn' ? { '1': 10, '2': 20, '3': 0 } : { '8': 5, '9': 5, '10': 5 }) as Record<string, number>,
    }));
    const r = computeAllocation(input);
    expect(r.units[0]!.criteria.perGrade!.amount).toBe(116401.6); // 2 grades × 2 h × 38 weeks × 765.8
    expect(r.units[1]!.criteria.perGrade!.amount).toBe(201004.8); // 3 grades × 2 h × 38 weeks × 881.6
  });

  it('splits a pot by percentage keys over FTEs, units and pupils (office staff 20/40/40)', () => {
    const input = baseInput();
    input.units[0]!.fte = 10;
    input.units[1]!.fte = 30;
    input.pots = [{ id: 'office', label: 'Kontorressurs', amount: 1000000, keys: { fte: 0.2, unit: 0.4, pupils: 0.4 } }];
    const r = computeAllocation(input);
    // a: 200,000 × 10/40 + 400,000 / 2 + 400,000 × 100/300
    expect(r.units[0]!.criteria.office!.amount).toBeCloseTo(50000 + 200000 + 133333.33, 2);
    expect(r.criteria.find((c) => c.id === 'office')!.amount).toBe(1000000);
    expect(r.criteria.find((c) => c.id === 'office')!.rates.fte!.base).toBe(5000);
  });

  it('compares against the current budget in NOK and %', () => {
    const input = baseInput();
    input.currentBudget = { a: 4500000 };
    input.units[1]!.currentBudget = 12000000;
    const r = computeAllocation(input);
    expect(r.units[0]!.againstBudget).toEqual({ budget: 4500000, nok: 54952, pct: 1.22 });
    expect(r.units[1]!.againstBudget).toEqual({ budget: 12000000, nok: -582000, pct: -4.85 });
  });

  it('each criterion’s share of the frame', () => {
    const r = computeAllocation(baseInput());
    const total = 4554951.8 + 11418000;
    expect(r.criteria[0]!.sharePct).toBe(Math.round(((4424000 + 11418000) / total) * 10000) / 100);
    expect(r.criteria.reduce((s, c) => s + c.sharePct, 0)).toBeCloseTo(100, 1);
  });

  it('control calculation flags a unit whose free hours are below zero', () => {
    const input = baseInput();
    input.control = {
      requiredHours: {
        a: { minimumLessons: 4000, specialEducation: 1500, leadership: 400 },
        b: { minimumLessons: 20000 },
      },
      teacherNorm: {
        a: [
          { grades: '1-4', pupils: 64, teacherFte: 4 },
          { grades: '5-10', pupils: 42, teacherFte: 2 },
        ],
      },
    };
    const r = computeAllocation(input);
    const a = r.control!.rows.find((x) => x.unit === 'a')!;
    expect(a.frameHours).toBeCloseTo(4554952 / 765.8, 2);
    expect(a.requiredTotal).toBe(5900);
    expect(a.freeHours).toBeCloseTo(4554952 / 765.8 - 5900, 2);
    expect(a.belowZero).toBe(false);
    const b = r.control!.rows.find((x) => x.unit === 'b')!;
    expect(b.belowZero).toBe(true);
    expect(r.control!.teacherNorm).toEqual([
      { unit: 'a', grades: '1-4', pupilsPerTeacher: 16, limit: 15, breach: true },
      { unit: 'a', grades: '5-10', pupilsPerTeacher: 21, limit: 20, breach: true },
    ]);
    expect(r.control!.flagged.sort()).toEqual(['a', 'b']);
  });

  it('a frame far above the criteria: the factor divides the exact total, not the rounded cells, and huge scaled rates stay exact', () => {
    // One unit with one high-needs pupil: 502,854.912 kr, rounded to 502,854.91 in the cell. Scaled to a
    // frame about 1,000 times larger, the 0.2 øre must not become 2 kroner.
    const one = baseInput();
    one.units = [{ id: 'a', name: 'A', stage: 'barnetrinn', counts: { pupils: 0, highNeedsPupils: 1 } }];
    one.criteria = [
      { id: 'highNeeds', label: 'Store behov', driver: 'highNeedsPupils', rate: { barnetrinn: { weeklyHours: 14.4, uplift: 0.2 } } },
    ];
    const r = computeAllocation({ ...one, mode: 'distribution', frame: 501597648 });
    expect(r.total).toBe(501597648);
    expect(r.units[0]!.criteria.highNeeds!.amount).toBe(501597648);
    // A model worth 1 krone and a frame of a million: unused rates scale beyond the safe-integer range.
    const tiny = baseInput();
    tiny.units = [{ id: 'a', name: 'A', stage: 'barnetrinn', counts: { pupils: 0 } }];
    tiny.criteria = [
      { id: 'perPupil', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { nok: 13850 } } },
      { id: 'perUnit', label: 'Per skole', driver: 'unit', rate: { barnetrinn: { nok: 1 } } },
    ];
    const big = computeAllocation({ ...tiny, mode: 'distribution', frame: 1_000_000 });
    expect(big.units[0]!.criteria.perUnit!.amount).toBe(1_000_000);
    expect(big.criteria[0]!.rates.barnetrinn!.scaled).toBe(13_850_000_000);
  });
});
