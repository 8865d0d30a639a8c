import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  computeAllocation,
  explainAllocation,
  parseAllocationInput,
  type AllocationInputDraft,
  type AllocationResult,
} from '../src/engine/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const input = JSON.parse(readFileSync(fixture('grimstad-2009.input.json'), 'utf8'));
const figure = JSON.parse(readFileSync(fixture('grimstad-2009.figur-4-1.json'), 'utf8')) as {
  tolerance: number;
  averageTolerance: number;
  units: Record<string, Record<string, number>>;
  average: Record<string, number>;
};

function expectFigure41(result: AllocationResult) {
  for (const [unitId, expected] of Object.entries(figure.units)) {
    const unit = result.units.find((u) => u.id === unitId);
    expect(unit, unitId).toBeDefined();
    for (const [criterion, thousands] of Object.entries(expected)) {
      const actual = unit!.criteria[criterion]!.perPupil! / 1000;
      expect(Math.abs(actual - thousands), `${unitId}.${criterion}: ${actual} vs ${thousands}`).toBeLessThanOrEqual(
        figure.tolerance + 1e-9,
      );
    }
  }
  for (const [criterion, thousands] of Object.entries(figure.average)) {
    const actual = result.average[criterion]! / 1000;
    expect(Math.abs(actual - thousands), `average ${criterion}`).toBeLessThanOrEqual(figure.averageTolerance + 1e-9);
  }
}

describe('Grimstad 2009 (Figur 4-1)', () => {
  it('reproduces the published per-pupil figures through the library', () => {
    const result = computeAllocation(input);
    expect(result.scale).toBe(1);
    expect(result.units).toHaveLength(10);
    expectFigure41(result);
  });

  // A process of its own (npx, tsx): seconds on a busy machine, so a generous limit.
  it('reproduces them through the CLI (json)', { timeout: 60_000 }, () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/model.ts', fixture('grimstad-2009.input.json'), '--format', 'json'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as AllocationResult;
    expect(result.format).toBe('samrad.allocation-result/v1');
    expectFigure41(result);
  });
});

/**
 * A second, independent oracle: the report's worked example for one school (chapter 4.2: «Eide har i
 * 2009 i gjennomsnitt 123 elever i skolen. Skolen tildeles kr 44 200 pr. elev, totalt kr 5 450 000»),
 * recomputed by hand from the report's own rates (Tabell 4-1, chapter 4.1.1) and its published Figur 4-1
 * column for Eide — not from the fixture's counts. Eide is a barnetrinn unit; hour cost 765.80 kr.
 */
describe('Eide by hand (the report’s worked example)', () => {
  // Step 0, the counts, read from the report alone:
  //  - pupils: 123 (the worked example's text).
  //  - high-needs pupils: Figur 4-1 gives Eide 8.18 thousand kr per pupil for this criterion, so
  //    8.18 × 123 = 1,006.14 thousand kr; the rate (step 3) is 502,854.912 kr, and
  //    1,006,140 ÷ 502,854.912 = 2.0009 → 2 pupils.
  //  - minority-language pupils: Figur 4-1 gives 0.00 → 0.
  //  - senior reduced hours: Figur 4-1 gives 0.82 thousand kr per pupil: 0.82 × 123 = 100.86 thousand kr,
  //    ÷ 765.80 kr per hour = 131.7 hours. The figure is rounded to ten kroner per pupil: 131 hours give
  //    0.8156 → 0.82 and 132 give 0.8218 → 0.82, 133 give 0.8281 → 0.83; we take 132, the nearer one, and
  //    check that both give the published figure.
  const eide = (seniorHours: number): AllocationInputDraft => ({
    format: 'samrad.allocation-input/v1',
    mode: 'allocation',
    teachingWeeks: 38,
    hourCost: { barnetrinn: 765.8 },
    criteria: [
      { id: 'perPupil', label: 'Pr. elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 } } },
      { id: 'perUnit', label: 'Pr. skole', driver: 'unit', rate: { barnetrinn: { nok: 930400 } } },
      {
        id: 'highNeeds',
        label: 'Elever med svært store behov',
        driver: 'highNeedsPupils',
        rate: { barnetrinn: { weeklyHours: 14.4, uplift: 0.2, upliftLabel: 'SFO' } },
      },
      { id: 'minority', label: 'Minoritetsspråklige', driver: 'minorityPupils', rate: { barnetrinn: { weeklyHours: 1.5 } } },
      { id: 'seniorReduction', label: 'Lærere over 55 år', driver: 'seniorReducedHours', rate: { barnetrinn: { annualHours: 1 } } },
    ],
    units: [
      {
        id: 'eide',
        name: 'Eide',
        stage: 'barnetrinn',
        counts: { pupils: 123, highNeedsPupils: 2, minorityPupils: 0, seniorReducedHours: seniorHours },
      },
    ],
  });

  it('recomputes every criterion of Eide step by step', () => {
    const result = computeAllocation(eide(132));
    const u = result.units[0]!;
    // Step 1, per pupil: 123 × 44,240 kr = 5,441,520 kr (the report's «totalt kr 5 450 000», rounded);
    // per pupil 44,240 kr → Figur 4-1: 44.24.
    expect(u.criteria.perPupil).toEqual({ amount: 5441520, perPupil: 44240 });
    // Step 2, per school: 930,400 kr once; ÷ 123 = 7,564.227… → 7,564.23 kr per pupil → Figur 4-1: 7.56.
    expect(u.criteria.perUnit).toEqual({ amount: 930400, perPupil: 7564.23 });
    // Step 3, high needs: 14.4 weekly hours × 38 weeks = 547.2 hours; × 765.80 kr = 419,045.76 kr;
    // × (1 + 0.2 for SFO) = 502,854.912 kr per pupil; × 2 pupils = 1,005,709.824 → 1,005,709.82 kr (to the øre);
    // ÷ 123 = 8,176.502… → 8,176.50 kr per pupil → Figur 4-1: 8.18.
    expect(u.criteria.highNeeds).toEqual({ amount: 1005709.82, perPupil: 8176.5 });
    // Step 4, minority-language pupils: 0 × (1.5 × 38 × 765.80 = 43,650.60 kr) = 0.
    expect(u.criteria.minority).toEqual({ amount: 0, perPupil: 0 });
    // Step 5, senior reduction: 132 hours × 765.80 kr = 101,085.60 kr; ÷ 123 = 821.834… → 821.83 → Figur 4-1: 0.82.
    expect(u.criteria.seniorReduction).toEqual({ amount: 101085.6, perPupil: 821.83 });
    // Step 6, the unit's total: 5,441,520 + 930,400 + 1,005,709.82 + 0 + 101,085.60 = 7,478,715.42 kr,
    // rounded to whole kroner: 7,478,715 kr; ÷ 123 = 60,802.560… → 60,802.56 kr per pupil.
    expect(u.criteriaTotal).toBe(7478715.42);
    expect(u.total).toBe(7478715);
    expect(u.totalPerPupil).toBe(60802.56);
  });

  it('matches the report’s published Eide column (Figur 4-1, thousand kr per pupil, two decimals)', () => {
    const published = { perPupil: 44.24, perUnit: 7.56, highNeeds: 8.18, minority: 0, seniorReduction: 0.82 };
    for (const hours of [131, 132]) {
      const u = computeAllocation(eide(hours)).units[0]!;
      for (const [criterion, thousands] of Object.entries(published)) {
        expect(Math.round(u.criteria[criterion]!.perPupil! / 10) / 100, `${criterion} with ${hours} hours`).toBe(thousands);
      }
    }
  });

  it('explains Eide’s high-needs amount with the same numbers as the hand computation', () => {
    const explanation = explainAllocation(parseAllocationInput(eide(132))).explain({ kind: 'cell', unit: 'eide', line: 'highNeeds' });
    expect(explanation.formula.replace(/\s/g, ' ')).toBe(
      'Elever med svært store behov: 2 elever med svært store behov × 502 854,912 kr = 1 005 709,82 kr (avrundet til nærmeste øre)',
    );
    expect(explanation.steps[0]!.replace(/\s/g, ' ')).toContain('14,4 uketimer × 38 uker × 765,80 kr per time × (1 + 0,2 SFO)');
  });
});
