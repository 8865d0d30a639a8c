import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allocate, comparisonTotals, parseAllocationInput, reportTables, type AllocationInputDraft } from '../src/engine/index.js';
import { baseInput } from './helpers.js';

const tablesOf = (draft: AllocationInputDraft) => {
  const input = parseAllocationInput(draft);
  return reportTables(input, allocate(input));
};

describe('the report’s tables', () => {
  it('Tabell 4-3: the model against the current budget per unit, with a totals row (checked by hand)', () => {
    const t = tablesOf({ ...baseInput(), currentBudget: { a: 4500000, b: 11500000 } });
    // a: 4,554,952 − 4,500,000 = 54,952 (1.22 %); b: 11,418,000 − 11,500,000 = −82,000 (−0.71 %).
    expect(t.againstBudget!.rows).toEqual([
      { id: 'a', name: 'A skole', model: 4554952, budget: 4500000, diffNok: 54952, diffPct: 1.22 },
      { id: 'b', name: 'B skole', model: 11418000, budget: 11500000, diffNok: -82000, diffPct: -0.71 },
    ]);
    // 15,972,952 − 16,000,000 = −27,048, −0.17 % of the budget.
    expect(t.againstBudget!.totals).toEqual({ model: 15972952, budget: 16000000, diffNok: -27048, diffPct: -0.17 });
    expect(t.againstBudget!.complete).toBe(true);
    expect(t.againstLastYear).toBeNull();
    expect(t.frameChange).toBeNull();
  });

  it('leaves a unit without a budget out of the totals and says the table is incomplete', () => {
    const t = tablesOf({ ...baseInput(), currentBudget: { a: 4500000 } });
    expect(t.againstBudget!.rows[1]).toMatchObject({ id: 'b', budget: null, diffNok: null });
    expect(t.againstBudget!.totals).toEqual({ model: 4554952, budget: 4500000, diffNok: 54952, diffPct: 1.22 });
    expect(t.againstBudget!.complete).toBe(false);
    expect(tablesOf(baseInput()).againstBudget).toBeNull();
  });

  it('Tabell 4-4: every rate before and after a frame change, the per-unit effect and its totals', () => {
    const t = tablesOf({ ...baseInput(), mode: 'distribution', frameChange: -500000 });
    const fc = t.frameChange!;
    // Unscaled 15,972,951.80; the frame after is 500,000 less, in whole kroner.
    expect(fc.frameBefore).toBe(15972952);
    expect(fc.frameAfter).toBe(15472952);
    expect(fc.change).toBe(-500000);
    // 500,000 / 15,972,951.80 = 3.1303 %: every rate changes by the same per cent.
    expect(fc.ratePct).toBe(-3.13);
    const perPupilB = fc.rates.find((r) => r.criterion === 'perPupil' && r.key === 'barnetrinn')!;
    expect(perPupilB.before).toBe(44240);
    expect(perPupilB.after).toBeCloseTo(44240 * (15472951.8 / 15972951.8), 2);
    expect(perPupilB.diffNok).toBeCloseTo(perPupilB.after - 44240, 2);
    expect(fc.units.map((u) => u.before)).toEqual([4554952, 11418000]);
    expect(fc.units.reduce((s, u) => s + u.after, 0)).toBe(15472952);
    expect(fc.totals).toEqual({ before: 15972952, after: 15472952, diffNok: -500000, diffPct: -3.13 });
    for (const u of fc.units) expect(u.diffNok).toBe(u.after - u.before);
  });

  it('criterion shares of the frame, the adjustments apart, and a totals row of 100 %', () => {
    const t = tablesOf({
      ...baseInput(),
      mode: 'distribution',
      frame: 16000000,
      adjustments: [{ unit: 'a', amount: 400000, reason: 'Paviljong' }],
    });
    const s = t.shares;
    expect(s.frame).toBe(16000000);
    expect(s.rows.map((r) => r.id)).toEqual(['perPupil', 'minority', 'adjustments']);
    // The adjustments are 400,000 of 16,000,000: 2.5 %.
    expect(s.rows[2]).toMatchObject({ kind: 'adjustments', amount: 400000, sharePct: 2.5 });
    expect(s.totals.amount).toBeCloseTo(16000000, 0);
    expect(s.totals.sharePct).toBe(100);
    expect(t.perUnit.hasAdjustments).toBe(true);
    expect(t.perUnit.rows[0]!.adjustments).toEqual({ amount: 400000, perPupil: 4000 });
  });

  it('Figur 4-1 as a table: the totals row is the criteria’s sums and the average per pupil', () => {
    const t = tablesOf(baseInput());
    expect(t.perUnit.totals.pupils).toBe(300);
    expect(t.perUnit.totals.cells.perPupil).toEqual({ amount: 15842000, perPupil: 52806.67 });
    expect(t.perUnit.totals.total).toEqual({ amount: 15972952, perPupil: 53243.17 });
    for (const c of t.perUnit.criteria) {
      const sum = t.perUnit.rows.reduce((acc, r) => acc + Math.round(r.cells[c.id]!.amount * 100), 0) / 100;
      expect(t.perUnit.totals.cells[c.id]!.amount).toBeCloseTo(sum, 2);
    }
  });

  it('the Grimstad 2009 model: a cut of NOK 5.1 million lowers every rate by about 3 %, as the report says', () => {
    const doc = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/grimstad-2009.input.json', import.meta.url)), 'utf8'));
    const t = tablesOf({ ...doc, mode: 'distribution', frameChange: -5100000 });
    expect(t.frameChange!.change).toBe(-5100000);
    expect(t.frameChange!.ratePct).toBeLessThan(-2.9);
    expect(t.frameChange!.ratePct).toBeGreaterThan(-3.3);
    expect(t.frameChange!.totals.diffNok).toBe(-5100000);
  });

  it('a comparison’s totals row: every unit’s total, the other side and the difference over the units that have one', () => {
    expect(
      comparisonTotals([
        { total: 100, against: 90 },
        { total: 50.5, against: 60.25 },
        { total: 7, against: null },
      ]),
    ).toEqual({ total: 157.5, against: 150.25, diffNok: 0.25, diffPct: 0.17 });
    expect(comparisonTotals([{ total: 7, against: null }])).toEqual({ total: 7, against: null, diffNok: null, diffPct: null });
    expect(comparisonTotals([{ total: 0, against: 0 }])).toEqual({ total: 0, against: 0, diffNok: 0, diffPct: null });
  });
});
