import { AMOUNT_PLACES, type Dec, ONE, ZERO, dec, toNumber } from './decimal.js';
import type { AllocationInput, CriterionInput, PotKey, RateInput, Stage, UnitInput } from './input-schema.js';
import { largestRemainder } from './rounding.js';
import { controlCalculation } from './control.js';
import type {
  AllocationResult,
  BudgetDifference,
  CriterionSummary,
  CriterionRate,
  UnitResult,
} from './result.js';
import { AllocationInputError, parseAllocationInput } from './validate.js';

export const ENGINE_VERSION = '1.0.0';

/** A rate in NOK per driver unit: money as given, or hours turned into money. */
export function rateInNok(rate: RateInput, stage: Stage, input: Pick<AllocationInput, 'teachingWeeks' | 'hourCost'>): Dec {
  if ('nok' in rate) return dec(rate.nok);
  const hourCost = dec(input.hourCost[stage] ?? 0);
  if ('weeklyHours' in rate) {
    return dec(rate.weeklyHours)
      .times(input.teachingWeeks)
      .times(hourCost)
      .times(ONE.plus(rate.uplift ?? 0));
  }
  return dec(rate.annualHours).times(hourCost);
}

interface UnitCounts {
  get(name: string): Dec;
}

function unitCounts(unit: UnitInput, weights: readonly [Dec, Dec]): UnitCounts {
  if (unit.counts) {
    const counts = unit.counts;
    return { get: (name) => (counts[name] === undefined ? ZERO : dec(counts[name]!)) };
  }
  const [first, second] = unit.schoolYears!;
  const total = weights[0].plus(weights[1]);
  return {
    get(name) {
      const a = first[name] === undefined ? ZERO : dec(first[name]!);
      const b = second[name] === undefined ? ZERO : dec(second[name]!);
      return a.times(weights[0]).plus(b.times(weights[1])).div(total);
    },
  };
}

function driverValue(criterion: CriterionInput, unit: UnitInput, counts: UnitCounts): Dec {
  switch (criterion.driver) {
    case 'unit':
      return ONE;
    case 'pupils': {
      if (!criterion.gradeWeights) return counts.get('pupils');
      let sum = ZERO;
      for (const [grade, n] of Object.entries(unit.gradeCounts ?? {})) {
        sum = sum.plus(dec(n).times(criterion.gradeWeights[grade] ?? 1));
      }
      return sum;
    }
    case 'gradesTaught': {
      const explicit = unit.counts?.gradesTaught ?? unit.schoolYears?.[1].gradesTaught;
      if (explicit !== undefined) return counts.get('gradesTaught');
      return dec(Object.values(unit.gradeCounts ?? {}).filter((n) => Number(n) > 0).length);
    }
    default:
      return counts.get(criterion.driver);
  }
}

function potDriver(key: PotKey, unit: UnitInput, pupils: Dec): Dec {
  if (key === 'unit') return ONE;
  if (key === 'pupils') return pupils;
  return unit.fte === undefined ? ZERO : dec(unit.fte);
}

function difference(total: Dec, budget: number | string | undefined): BudgetDifference | null {
  if (budget === undefined) return null;
  const b = dec(budget);
  const diff = total.minus(b);
  return {
    budget: toNumber(b),
    nok: toNumber(diff),
    pct: b.isZero() ? null : toNumber(diff.div(b).times(100)),
  };
}

const perPupil = (amount: Dec, pupils: Dec): number | null => (pupils.isZero() ? null : toNumber(amount.div(pupils)));

/**
 * Computes the distribution for validated input. Pure: the same input always gives the same result,
 * whatever the order of the units.
 */
export function allocate(input: AllocationInput): AllocationResult {
  const warnings: string[] = [];
  const weights: [Dec, Dec] = input.countWeights
    ? [dec(input.countWeights[0]), dec(input.countWeights[1])]
    : [ONE, ONE];
  const units = input.units;
  const counts = units.map((u) => unitCounts(u, weights));
  const pupils = units.map((u, i) => counts[i]!.get('pupils'));

  // Lines are the criteria followed by the pots; amounts[line][unit] is the unscaled amount.
  const lineIds: string[] = [];
  const amounts: Dec[][] = [];
  const baseRates: Record<string, CriterionRate>[] = [];
  const rateValues: Record<string, Dec>[] = [];

  for (const criterion of input.criteria) {
    const stageRates = new Map<Stage, Dec>();
    for (const stage of ['barnetrinn', 'ungdomstrinn'] as const) {
      const rate = criterion.rate[stage];
      if (rate) stageRates.set(stage, rateInNok(rate, stage, input));
    }
    lineIds.push(criterion.id);
    amounts.push(units.map((u, i) => stageRates.get(u.stage)!.times(driverValue(criterion, u, counts[i]!))));
    rateValues.push(Object.fromEntries(stageRates));
    baseRates.push({});
  }

  for (const pot of input.pots ?? []) {
    const line = units.map(() => ZERO);
    const rates: Record<string, Dec> = {};
    for (const [key, share] of Object.entries(pot.keys) as [PotKey, string | number][]) {
      const drivers = units.map((u, i) => potDriver(key, u, pupils[i]!));
      const totalDriver = drivers.reduce((s, d) => s.plus(d), ZERO);
      const portion = dec(pot.amount).times(share);
      if (totalDriver.isZero()) {
        if (!portion.isZero()) warnings.push(`Potten «${pot.label}»: ingen enheter har ${key}, så ${portion.toString()} kr fordeles ikke`);
        continue;
      }
      const rate = portion.div(totalDriver);
      rates[key] = rate;
      drivers.forEach((d, i) => {
        line[i] = line[i]!.plus(rate.times(d));
      });
    }
    lineIds.push(pot.id);
    amounts.push(line.map((a) => a.toDecimalPlaces(AMOUNT_PLACES)));
    rateValues.push(rates);
    baseRates.push({});
  }

  const unscaledTotal = amounts.reduce((s, line) => line.reduce((t, a) => t.plus(a), s), ZERO);
  const adjustmentsByUnit = new Map<string, { amount: Dec; reason: string }[]>();
  let adjustmentsTotal = ZERO;
  for (const a of input.adjustments ?? []) {
    const list = adjustmentsByUnit.get(a.unit) ?? [];
    list.push({ amount: dec(a.amount), reason: a.reason });
    adjustmentsByUnit.set(a.unit, list);
    adjustmentsTotal = adjustmentsTotal.plus(a.amount);
  }

  let scale = ONE;
  let frame = unscaledTotal.plus(adjustmentsTotal);
  if (input.mode === 'distribution') {
    if (input.frame !== undefined && input.frame !== null) frame = dec(input.frame);
    else frame = frame.plus(input.frameChange ?? 0);
    const toDistribute = frame.minus(adjustmentsTotal);
    if (toDistribute.lte(0)) {
      throw new AllocationInputError([
        { path: 'frameChange', message: `Rammen (${frame.toString()}) må være større enn summen av justeringene (${adjustmentsTotal.toString()})` },
      ]);
    }
    if (unscaledTotal.isZero()) {
      throw new AllocationInputError([{ path: 'criteria', message: 'Kriteriene gir 0 kr, så rammen kan ikke fordeles' }]);
    }
    scale = toDistribute.div(unscaledTotal);
  }

  const scaled: Dec[][] = scale.eq(ONE)
    ? amounts
    : amounts.map((line) => line.map((a) => a.times(scale).toDecimalPlaces(AMOUNT_PLACES)));

  const exactTotals = units.map((u, i) => {
    let sum = ZERO;
    for (const line of scaled) sum = sum.plus(line[i]!);
    for (const a of adjustmentsByUnit.get(u.id) ?? []) sum = sum.plus(a.amount);
    return sum;
  });
  const target = frame.toDecimalPlaces(0);
  const roundedTotals = largestRemainder(exactTotals, target, units.map((u) => u.id));

  const totalPupils = pupils.reduce((s, p) => s.plus(p), ZERO);
  const lineTotals = scaled.map((line) => line.reduce((s, a) => s.plus(a), ZERO));
  const distributed = frame;

  const budgets = input.currentBudget ?? {};
  const unitResults: UnitResult[] = units.map((u, i) => {
    const criteria: UnitResult['criteria'] = {};
    let criteriaTotal = ZERO;
    scaled.forEach((line, li) => {
      const amount = line[i]!;
      criteriaTotal = criteriaTotal.plus(amount);
      criteria[lineIds[li]!] = { amount: toNumber(amount), perPupil: perPupil(amount, pupils[i]!) };
    });
    const adjustments = adjustmentsByUnit.get(u.id) ?? [];
    const adjTotal = adjustments.reduce((s, a) => s.plus(a.amount), ZERO);
    const total = roundedTotals[i]!;
    const result: UnitResult = {
      id: u.id,
      name: u.name,
      stage: u.stage,
      pupils: toNumber(pupils[i]!, 4),
      criteria,
      criteriaTotal: toNumber(criteriaTotal),
      adjustments: adjustments.map((a) => ({ amount: toNumber(a.amount), reason: a.reason })),
      adjustmentsTotal: toNumber(adjTotal),
      total: toNumber(total, 0),
      totalPerPupil: perPupil(total, pupils[i]!),
      againstBudget: difference(total, u.currentBudget ?? budgets[u.id]),
      againstLastYear: difference(total, u.lastYearBudget),
    };
    if (u.school !== undefined) result.school = u.school;
    if (u.orgNumber !== undefined) result.orgNumber = u.orgNumber;
    return result;
  });

  const criteria: CriterionSummary[] = [
    ...input.criteria.map((c, li) => ({ id: c.id, label: c.label, kind: 'criterion' as const, driver: c.driver, li })),
    ...(input.pots ?? []).map((p, pi) => ({ id: p.id, label: p.label, kind: 'pot' as const, driver: 'pot', li: input.criteria.length + pi })),
  ].map(({ li, ...meta }) => {
    const rates: CriterionSummary['rates'] = {};
    for (const [key, value] of Object.entries(rateValues[li]!)) {
      rates[key] = { base: toNumber(value), scaled: toNumber(value.times(scale)) };
    }
    return {
      ...meta,
      amount: toNumber(lineTotals[li]!),
      sharePct: distributed.isZero() ? 0 : toNumber(lineTotals[li]!.div(distributed).times(100)),
      rates,
      perPupil: perPupil(lineTotals[li]!, totalPupils),
    };
  });

  const average: Record<string, number | null> = {};
  criteria.forEach((c, li) => {
    average[c.id] = perPupil(lineTotals[li]!, totalPupils);
  });

  const control = input.control ? controlCalculation(input, unitResults, roundedTotals, pupils) : null;

  return {
    format: 'samrad.allocation-result/v1',
    engineVersion: ENGINE_VERSION,
    mode: input.mode,
    scale: Number(scale.toString()),
    scaleExact: scale.toString(),
    unscaledTotal: toNumber(unscaledTotal),
    frame: toNumber(target, 0),
    total: toNumber(roundedTotals.reduce((s, t) => s.plus(t), ZERO), 0),
    adjustmentsTotal: toNumber(adjustmentsTotal),
    pupils: toNumber(totalPupils, 4),
    criteria,
    units: unitResults,
    average,
    control,
    warnings,
  };
}

/** Validates raw interchange input and computes it; throws {@link AllocationInputError} on bad input. */
export function computeAllocation(raw: unknown): AllocationResult {
  return allocate(parseAllocationInput(raw));
}

/** Returns a copy of the input with a new frame or frame change (and distribution mode). */
export function withFrame(input: AllocationInput, change: { frame?: number | string; frameChange?: number | string }): AllocationInput {
  const next: AllocationInput = { ...input, mode: 'distribution', frame: null, frameChange: null };
  if (change.frame !== undefined) next.frame = change.frame;
  if (change.frameChange !== undefined) next.frameChange = change.frameChange;
  return next;
}
