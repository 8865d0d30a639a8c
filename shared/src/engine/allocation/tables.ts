import { Dec } from './decimal.js';
import { mulDivRound } from './fixed.js';
import type { AllocationInput } from './input-schema.js';
import type { AllocationResult, UnitResult } from './result.js';
import { allocate } from './allocate.js';

/**
 * The report's tables (chapter 4 of the 2009 report) read from one result: Figur 4-1 per unit and
 * criterion in NOK and per pupil, Tabell 4-3 (and 4-5 after a frame change) the model against the current
 * budget, Tabell 4-4 the rates before and after a frame change with the per-unit effect, and each
 * criterion's share of the frame. Every table has its totals row. Pure: the page (for a stored or a
 * live result) and the XLSX export read the same numbers.
 */

const øre = (kr: number): number => Math.round(kr * 100);
const kr = (ø: number): number => ø / 100;
/** `part / whole` in per cent to two decimals (half up), computed on øre; null when the whole is 0. */
const pctOf = (partØre: number, wholeØre: number): number | null => (wholeØre === 0 ? null : mulDivRound(partØre, 10000, wholeØre) / 100);
/** Kroner per pupil, to the øre; null without pupils. */
const perPupilOf = (amount: number, pupils: number): number | null =>
  pupils > 0 ? Number(new Dec(amount).div(pupils).toDecimalPlaces(2).toString()) : null;

export interface CellPair {
  amount: number;
  perPupil: number | null;
}

/** Figur 4-1 as a table: each unit's criteria in NOK and per pupil, adjustments apart, and the totals row. */
export interface PerUnitTable {
  criteria: { id: string; label: string }[];
  rows: {
    id: string;
    name: string;
    stage: UnitResult['stage'];
    pupils: number;
    cells: Record<string, CellPair>;
    adjustments: CellPair;
    total: CellPair;
  }[];
  totals: { pupils: number; cells: Record<string, CellPair>; adjustments: CellPair; total: CellPair };
  /** True when some unit has an adjustment (the column is shown then). */
  hasAdjustments: boolean;
}

/** Tabell 4-3 (and 4-5 after a frame change): the model against the current budget, per unit and in all. */
export interface BudgetTable {
  rows: { id: string; name: string; model: number; budget: number | null; diffNok: number | null; diffPct: number | null }[];
  /** Over the units that have a budget. */
  totals: { model: number; budget: number; diffNok: number; diffPct: number | null };
  /** False when some units have no budget (they are left out of the totals' difference). */
  complete: boolean;
}

/** Tabell 4-4: each rate before and after the frame change, and what the change does to each unit. */
export interface FrameChangeTable {
  frameBefore: number;
  frameAfter: number;
  change: number;
  /** Every rate changes by this per cent (the one scale factor − 1). */
  ratePct: number;
  rates: { criterion: string; label: string; kind: 'criterion' | 'pot'; key: string; before: number; after: number; diffNok: number }[];
  units: { id: string; name: string; before: number; after: number; diffNok: number; diffPct: number | null }[];
  totals: { before: number; after: number; diffNok: number; diffPct: number | null };
}

/** Each criterion's (and the adjustments') share of the frame: not earmarking, only what the model carries. */
export interface SharesTable {
  rows: {
    id: string;
    label: string;
    kind: 'criterion' | 'pot' | 'adjustments';
    amount: number;
    sharePct: number | null;
    perPupil: number | null;
  }[];
  totals: { amount: number; sharePct: number | null; perPupil: number | null };
  frame: number;
}

export interface ReportTables {
  perUnit: PerUnitTable;
  /** Null when no unit has a current budget. */
  againstBudget: BudgetTable | null;
  /** Against last year's budget; null when no unit has one. */
  againstLastYear: BudgetTable | null;
  /** Null when the scenario does not change the frame (scale 1). */
  frameChange: FrameChangeTable | null;
  shares: SharesTable;
}

function perUnitTable(result: AllocationResult): PerUnitTable {
  const ids = result.criteria.map((c) => c.id);
  const rows = result.units.map((u) => ({
    id: u.id,
    name: u.name,
    stage: u.stage,
    pupils: u.pupils,
    cells: Object.fromEntries(ids.map((id) => [id, { amount: u.criteria[id]?.amount ?? 0, perPupil: u.criteria[id]?.perPupil ?? null }])),
    adjustments: { amount: u.adjustmentsTotal, perPupil: perPupilOf(u.adjustmentsTotal, u.pupils) },
    total: { amount: u.total, perPupil: u.totalPerPupil },
  }));
  return {
    criteria: result.criteria.map((c) => ({ id: c.id, label: c.label })),
    rows,
    totals: {
      pupils: result.pupils,
      cells: Object.fromEntries(result.criteria.map((c) => [c.id, { amount: c.amount, perPupil: c.perPupil }])),
      adjustments: { amount: result.adjustmentsTotal, perPupil: perPupilOf(result.adjustmentsTotal, result.pupils) },
      total: { amount: result.total, perPupil: perPupilOf(result.total, result.pupils) },
    },
    hasAdjustments: result.units.some((u) => u.adjustments.length > 0),
  };
}

function budgetTable(result: AllocationResult, which: 'againstBudget' | 'againstLastYear'): BudgetTable | null {
  const known = result.units.filter((u) => u[which] !== null);
  if (known.length === 0) return null;
  let model = 0;
  let budget = 0;
  for (const u of known) {
    model += øre(u.total);
    budget += øre(u[which]!.budget);
  }
  return {
    rows: result.units.map((u) => {
      const d = u[which];
      return { id: u.id, name: u.name, model: u.total, budget: d?.budget ?? null, diffNok: d?.nok ?? null, diffPct: d?.pct ?? null };
    }),
    totals: { model: kr(model), budget: kr(budget), diffNok: kr(model - budget), diffPct: pctOf(model - budget, budget) },
    complete: known.length === result.units.length,
  };
}

/**
 * The result before the frame change: the same input with the model's own sum (allocation mode), as the
 * report's Tabell 4-1 stands to 4-4. Null when the result changes no frame.
 */
export function resultBeforeFrameChange(input: AllocationInput, result: AllocationResult): AllocationResult | null {
  if (result.mode !== 'distribution' || result.scaleExact === '1') return null;
  return allocate({ ...input, mode: 'allocation', frame: null, frameChange: null });
}

function frameChangeTable(result: AllocationResult, before: AllocationResult): FrameChangeTable {
  const ratePct = Number(new Dec(result.scaleExact).minus(1).times(100).toDecimalPlaces(2).toString());
  const rates: FrameChangeTable['rates'] = [];
  for (const c of result.criteria) {
    for (const [key, rate] of Object.entries(c.rates)) {
      if (!rate) continue;
      rates.push({
        criterion: c.id,
        label: c.label,
        kind: c.kind,
        key,
        before: rate.base,
        after: rate.scaled,
        diffNok: kr(øre(rate.scaled) - øre(rate.base)),
      });
    }
  }
  const prior = new Map(before.units.map((u) => [u.id, u]));
  let b = 0;
  let a = 0;
  const units = result.units.map((u) => {
    const was = prior.get(u.id)?.total ?? 0;
    b += øre(was);
    a += øre(u.total);
    return { id: u.id, name: u.name, before: was, after: u.total, diffNok: u.total - was, diffPct: pctOf(øre(u.total - was), øre(was)) };
  });
  return {
    frameBefore: before.frame,
    frameAfter: result.frame,
    change: result.frame - before.frame,
    ratePct,
    rates,
    units,
    totals: { before: kr(b), after: kr(a), diffNok: kr(a - b), diffPct: pctOf(a - b, b) },
  };
}

function sharesTable(result: AllocationResult): SharesTable {
  const frame = øre(result.frame);
  const rows: SharesTable['rows'] = result.criteria.map((c) => ({
    id: c.id,
    label: c.label,
    kind: c.kind,
    amount: c.amount,
    sharePct: pctOf(øre(c.amount), frame),
    perPupil: c.perPupil,
  }));
  if (result.adjustmentsTotal !== 0) {
    rows.push({
      id: 'adjustments',
      label: 'adjustments',
      kind: 'adjustments',
      amount: result.adjustmentsTotal,
      sharePct: pctOf(øre(result.adjustmentsTotal), frame),
      perPupil: perPupilOf(result.adjustmentsTotal, result.pupils),
    });
  }
  let sum = 0;
  for (const r of rows) sum += øre(r.amount);
  return {
    rows,
    totals: { amount: kr(sum), sharePct: pctOf(sum, frame), perPupil: perPupilOf(kr(sum), result.pupils) },
    frame: result.frame,
  };
}

/** The report's tables of one result (`input` is the exact input it was computed from). */
export function reportTables(input: AllocationInput, result: AllocationResult): ReportTables {
  const before = resultBeforeFrameChange(input, result);
  return {
    perUnit: perUnitTable(result),
    againstBudget: budgetTable(result, 'againstBudget'),
    againstLastYear: budgetTable(result, 'againstLastYear'),
    frameChange: before ? frameChangeTable(result, before) : null,
    shares: sharesTable(result),
  };
}

/** The totals row of a comparison: every unit's total, and the other side and the difference over the units that have one. */
export interface ComparisonTotals {
  total: number;
  against: number | null;
  diffNok: number | null;
  diffPct: number | null;
}

/**
 * The totals row of a per-unit comparison (against another scenario, a budget, or the result a revision
 * replaces). Units with nothing to compare with are left out of the other side and the difference.
 */
export function comparisonTotals(units: readonly { total: number; against: number | null }[]): ComparisonTotals {
  let total = 0;
  let known = 0;
  let against = 0;
  let count = 0;
  for (const u of units) {
    total += øre(u.total);
    if (u.against === null) continue;
    known += øre(u.total);
    against += øre(u.against);
    count++;
  }
  if (count === 0) return { total: kr(total), against: null, diffNok: null, diffPct: null };
  return { total: kr(total), against: kr(against), diffNok: kr(known - against), diffPct: pctOf(known - against, against) };
}
