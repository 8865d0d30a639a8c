import { Dec, ONE, dec } from './decimal.js';
import {
  type Ratio,
  bigDivRound,
  sumRatios,
  divRound,
  gcd,
  lcm,
  mulDivRound,
  pow10,
  RATE_PLACES,
  ratioString,
  toFixedInt,
  toRatio,
} from './fixed.js';
import type { AllocationInput, CriterionInput, PotKey, RateInput, Stage, UnitInput } from './input-schema.js';
import { largestRemainder } from './rounding.js';
import { controlCalculation } from './control.js';
import type { AllocationResult, BudgetDifference, CriterionSummary, UnitResult } from './result.js';
import { AllocationInputError, parseAllocationInput } from './validate.js';

/**
 * 2.0: fixed-point integers (money in øre, rates in millionths of a krone, counts as exact
 * ratios) instead of 40-digit decimals in every cell.
 */
export const ENGINE_VERSION = '2.0.0';

const MICRO = pow10(RATE_PLACES);
/** Micro-kroner per øre. */
const MICRO_PER_ØRE = MICRO / 100;

/** A rate in NOK per driver unit: money as given, or hours turned into money (exact decimal). */
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

interface HoursRateMemo {
  weeklyHours: unknown;
  annualHours: unknown;
  uplift: unknown;
  weeks: unknown;
  cost: unknown;
  micro: number;
}

/**
 * Hours rates are recomputed only when one of their values changed: scenario sweeps vary one rate
 * and pass the others unchanged. Every value is compared, so a rate edited in place is recomputed.
 */
const hoursRateMemo = new WeakMap<RateInput, HoursRateMemo[]>();

/** The rate in micro-kroner (rounded half up to a millionth of a krone). */
function rateMicro(rate: RateInput, stage: Stage, input: AllocationInput): number {
  if ('nok' in rate) return toFixedInt(rate.nok, RATE_PLACES);
  const cost = input.hourCost[stage] ?? 0;
  const weeklyHours = 'weeklyHours' in rate ? rate.weeklyHours : undefined;
  const uplift = 'weeklyHours' in rate ? rate.uplift : undefined;
  const annualHours = 'annualHours' in rate ? rate.annualHours : undefined;
  const memos = hoursRateMemo.get(rate);
  if (memos) {
    for (const m of memos) {
      if (
        m.weeklyHours === weeklyHours &&
        m.annualHours === annualHours &&
        m.uplift === uplift &&
        m.weeks === input.teachingWeeks &&
        m.cost === cost
      ) {
        return m.micro;
      }
    }
  }
  const micro = hoursRateMicro(rate, stage, input, cost);
  const entry = { weeklyHours, annualHours, uplift, weeks: input.teachingWeeks, cost, micro };
  if (!memos) hoursRateMemo.set(rate, [entry]);
  else if (memos.unshift(entry) > 4) memos.pop();
  return micro;
}

function hoursRateMicro(rate: Exclude<RateInput, { nok: unknown }>, stage: Stage, input: AllocationInput, cost: number | string): number {
  const factors: Ratio[] =
    'weeklyHours' in rate
      ? [toRatio(rate.weeklyHours), toRatio(input.teachingWeeks), toRatio(cost), plusOne(toRatio(rate.uplift ?? 0))]
      : [toRatio(rate.annualHours), toRatio(cost)];
  let num = 1;
  let den = 1;
  for (const f of factors) {
    num *= f.num;
    den *= f.den;
  }
  if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) return mulDivRound(num, MICRO, den);
  return toFixedInt(rateInNok(rate, stage, input).toFixed(), RATE_PLACES);
}

const plusOne = (r: Ratio): Ratio => ({ num: r.den + r.num, den: r.den });

/** Driver values of every unit as exact ratios over one common denominator. */
interface Column {
  num: number[];
  den: number;
}

function toColumn(ratios: readonly Ratio[]): Column {
  let den = 1;
  for (const r of ratios) if (r.den !== den) den = lcm(den, r.den);
  const num = new Array<number>(ratios.length);
  for (let i = 0; i < ratios.length; i++) {
    const r = ratios[i]!;
    const v = r.den === den ? r.num : r.num * (den / r.den);
    if (!Number.isSafeInteger(v)) throw new RangeError('a count is outside the fixed-point range');
    num[i] = v;
  }
  return { num, den };
}

const ZERO_RATIO: Ratio = { num: 0, den: 1 };
const ONE_RATIO: Ratio = { num: 1, den: 1 };

/** Reads counts per unit: budget-year counts, or two school years weighted by `countWeights`. */
class Counts {
  private readonly columns = new Map<string, Column>();
  private readonly w1: number;
  private readonly w2: number;

  constructor(
    private readonly units: readonly UnitInput[],
    weights: AllocationInput['countWeights'],
  ) {
    const [a, b] = weights ? [toRatio(weights[0]), toRatio(weights[1])] : [ONE_RATIO, ONE_RATIO];
    // Integer weights in the same proportion: a.num/a.den : b.num/b.den.
    this.w1 = a.num * b.den;
    this.w2 = b.num * a.den;
  }

  ratio(unit: UnitInput, name: string): Ratio {
    if (unit.counts) {
      const v = unit.counts[name];
      return v === undefined ? ZERO_RATIO : toRatio(v);
    }
    const [first, second] = unit.schoolYears!;
    const a = first[name] === undefined ? ZERO_RATIO : toRatio(first[name]!);
    const b = second[name] === undefined ? ZERO_RATIO : toRatio(second[name]!);
    const den = lcm(a.den, b.den);
    return {
      num: this.w1 * a.num * (den / a.den) + this.w2 * b.num * (den / b.den),
      den: den * (this.w1 + this.w2),
    };
  }

  /** True when every unit gives this count as a whole number in `counts` (the common case). */
  wholeCounts(name: string): number[] | null {
    const units = this.units;
    const out = new Array<number>(units.length);
    for (let i = 0; i < units.length; i++) {
      const c = units[i]!.counts;
      if (!c) return null;
      const v = c[name];
      if (v === undefined) out[i] = 0;
      else if (typeof v === 'number' && Number.isSafeInteger(v)) out[i] = v;
      else return null;
    }
    return out;
  }

  column(name: string): Column {
    let col = this.columns.get(name);
    if (!col) {
      const whole = this.wholeCounts(name);
      col = whole ? { num: whole, den: 1 } : toColumn(this.units.map((u) => this.ratio(u, name)));
      this.columns.set(name, col);
    }
    return col;
  }
}

function gradeWeighted(unit: UnitInput, weights: Record<string, number | string>): Ratio {
  let num = 0;
  let den = 1;
  for (const [grade, n] of Object.entries(unit.gradeCounts ?? {})) {
    const c = toRatio(n);
    const w = weights[grade] === undefined ? ONE_RATIO : toRatio(weights[grade]!);
    const termDen = c.den * w.den;
    const common = lcm(den, termDen);
    num = num * (common / den) + c.num * w.num * (common / termDen);
    den = common;
  }
  return { num, den };
}

function driverColumn(criterion: CriterionInput, units: readonly UnitInput[], counts: Counts): Column {
  switch (criterion.driver) {
    case 'unit':
      return { num: units.map(() => 1), den: 1 };
    case 'pupils':
      return criterion.gradeWeights ? toColumn(units.map((u) => gradeWeighted(u, criterion.gradeWeights!))) : counts.column('pupils');
    case 'gradesTaught':
      if (units.every((u) => u.counts?.gradesTaught !== undefined)) return counts.column('gradesTaught');
      return toColumn(
        units.map((u) => {
          const explicit = u.counts?.gradesTaught ?? u.schoolYears?.[1].gradesTaught;
          if (explicit !== undefined) return counts.ratio(u, 'gradesTaught');
          return { num: Object.values(u.gradeCounts ?? {}).filter((n) => Number(n) > 0).length, den: 1 };
        }),
      );
    default:
      return counts.column(criterion.driver);
  }
}

/**
 * Micro-kroner. A scaled rate or portion is a BigInt when it leaves the safe-integer range (a frame
 * far larger than the criteria); the cells it gives are still checked to be safe.
 */
type Micro = number | bigint;

/** `a × b / d` in øre (rounded half up) for a rate that may be a BigInt. */
function mulDivRoundMicro(a: Micro, b: number, d: number): number {
  if (typeof a === 'number') return mulDivRound(a, b, d);
  const out = Number(bigDivRound(a * BigInt(b), BigInt(d)));
  if (!Number.isSafeInteger(out)) throw new RangeError('an amount is outside the fixed-point range');
  return out;
}

/** Amounts in øre for one line: `rate × driver` per unit, each rounded half up to the øre. */
function rateLine(stageRates: Partial<Record<Stage, Micro>>, upper: Uint8Array, col: Column): number[] {
  // rate [µNOK] × num / den → øre: divide by den × µNOK-per-øre, after taking out common factors.
  const divisor = col.den * MICRO_PER_ØRE;
  const rb = stageRates.barnetrinn ?? 0;
  const ru = stageRates.ungdomstrinn ?? 0;
  if (typeof rb === 'bigint' || typeof ru === 'bigint') {
    return col.num.map((x, i) => mulDivRoundMicro(upper[i] === 1 ? ru : rb, x, divisor));
  }
  const gb = gcdOrOne(rb, divisor);
  const gu = gcdOrOne(ru, divisor);
  const nb = rb / gb;
  const db = divisor / gb;
  const nu = ru / gu;
  const du = divisor / gu;
  const num = col.num;
  const n = num.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    out[i] = upper[i] === 1 ? mulDivRound(nu, num[i]!, du) : mulDivRound(nb, num[i]!, db);
  }
  return out;
}

/** A common factor to divide out before multiplying (1 when both are 0). */
const gcdOrOne = (a: number, b: number): number => gcd(a, b) || 1;

interface PotPart {
  key: PotKey;
  /** The portion of the pot in µNOK. */
  portion: number;
  col: Column;
  /** Sum of the drivers' numerators (over `col.den`). */
  driverSum: number;
}

/** Amounts in øre for a pot: each key's portion split by its driver, rounded per key to the øre. */
function potLine(parts: readonly PotPart[], portions: readonly Micro[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  parts.forEach((p, k) => {
    const divisor = p.driverSum * MICRO_PER_ØRE;
    const whole = portions[k]!;
    if (typeof whole === 'bigint') {
      for (let i = 0; i < n; i++) out[i]! += mulDivRoundMicro(whole, p.col.num[i]!, divisor);
      return;
    }
    const g = gcdOrOne(whole, divisor);
    const portion = whole / g;
    const d = divisor / g;
    for (let i = 0; i < n; i++) out[i]! += mulDivRound(portion, p.col.num[i]!, d);
  });
  return out;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  if (!Number.isSafeInteger(s)) throw new RangeError('a total is outside the fixed-point range');
  return s;
}

/**
 * The exact unscaled total in micro-kroner, Σ rate × driver before any rounding, as a ratio. The
 * scale factor divides by this, not by the sum of the rounded cells, so the cells' øre rounding is not
 * multiplied by the factor (with a frame 1,000 times the criteria, 0.2 øre would become 2 kroner).
 */
function exactUnscaledMicro(
  rates: readonly Partial<Record<Stage, number>>[],
  cols: readonly Column[],
  upper: Uint8Array,
  pots: readonly PotPart[][],
): { num: bigint; den: bigint } {
  const terms: { num: bigint; den: bigint }[] = [];
  rates.forEach((r, li) => {
    const num = cols[li]!.num;
    let lower = 0;
    let higher = 0;
    for (let i = 0; i < num.length; i++) {
      if (upper[i] === 1) higher += num[i]!;
      else lower += num[i]!;
    }
    if (!Number.isSafeInteger(lower) || !Number.isSafeInteger(higher))
      throw new RangeError('a driver total is outside the fixed-point range');
    terms.push({
      num: BigInt(r.barnetrinn ?? 0) * BigInt(lower) + BigInt(r.ungdomstrinn ?? 0) * BigInt(higher),
      den: BigInt(cols[li]!.den),
    });
  });
  for (const parts of pots) for (const p of parts) terms.push({ num: BigInt(p.portion), den: 1n });
  return sumRatios(terms);
}

const kr = (øre: number): number => øre / 100;

/** Øre per pupil, as kroner with two decimals; null when there are no pupils. */
function perPupil(øre: number, pupils: Ratio): number | null {
  return pupils.num === 0 ? null : mulDivRound(øre, pupils.den, pupils.num) / 100;
}

function difference(totalØre: number, budget: number | string | undefined): BudgetDifference | null {
  if (budget === undefined) return null;
  const b = toFixedInt(budget, 2);
  const diff = totalØre - b;
  return { budget: kr(b), nok: kr(diff), pct: b === 0 ? null : mulDivRound(diff, 10000, b) / 100 };
}

/**
 * Computes the distribution for validated input. Pure: the same input always gives the same result,
 * whatever the order of the units.
 *
 * Arithmetic (exact, in integers): every rate is taken to a millionth of a krone; each cell
 * (unit × criterion) is rate × driver rounded half up to the øre; in distribution mode every rate
 * (and every pot portion) is scaled by (frame − adjustments) ÷ the exact unscaled total (before any
 * cell is rounded) and again taken to a millionth of a krone; unit totals in øre are rounded to whole kroner by largest remainder so
 * that they add up to the frame exactly.
 */
export function allocate(input: AllocationInput): AllocationResult {
  return allocateTraced(input).result;
}

/**
 * The engine's intermediate values for one computation, in its own units (µNOK for rates and pot
 * portions, øre for amounts, exact ratios for drivers): what `explainCell` reads to show a cell's formula.
 */
export interface AllocationTrace {
  /** The criteria's ids, then the pots'. */
  lineIds: string[];
  /** Per criterion: its rate per stage before scaling (µNOK). */
  criterionRates: Partial<Record<Stage, number>>[];
  /** Per criterion: its rate per stage after scaling (µNOK). */
  scaledRates: Partial<Record<Stage, number | bigint>>[];
  /** Per criterion: the driver of every unit (numerators over one denominator). */
  criterionDrivers: { num: number[]; den: number }[];
  /** Per pot: each key's portion (µNOK), scaled portion, drivers and their sum. */
  potParts: { key: PotKey; portion: number; scaledPortion: number | bigint; num: number[]; den: number; driverSum: number }[][];
  /** Amounts per line and unit in øre (after scaling). */
  cells: number[][];
  /** Every unit's pupils (numerators over one denominator). */
  pupils: { num: number[]; den: number };
  /** Adjustments per unit in øre. */
  adjustments: Map<string, { amount: number; reason: string }[]>;
  /** Unit totals in øre before rounding to kroner. */
  exactTotals: number[];
  /** The scale factor as an exact ratio (num/den) when rates are scaled; null in allocation mode or at 1. */
  factor: { num: bigint; den: bigint } | null;
  /** The frame in øre, and the amount the criteria distribute (frame − adjustments), in øre. */
  frame: number;
  toDistribute: number;
}

/** {@link allocate}, also handing back its intermediate values. */
export function allocateTraced(input: AllocationInput): { result: AllocationResult; trace: AllocationTrace } {
  const warnings: string[] = [];
  const units = input.units;
  const n = units.length;
  const counts = new Counts(units, input.countWeights);
  const upper = new Uint8Array(n);
  for (let i = 0; i < n; i++) upper[i] = units[i]!.stage === 'ungdomstrinn' ? 1 : 0;
  const pupilsCol = counts.column('pupils');
  const pupilsOf = (i: number): Ratio => ({ num: pupilsCol.num[i]!, den: pupilsCol.den });

  // Lines are the criteria followed by the pots.
  const lineIds: string[] = [];
  const unscaled: number[][] = [];
  const criterionRates: Partial<Record<Stage, number>>[] = [];
  const criterionCols: Column[] = [];
  for (const criterion of input.criteria) {
    const rates: Partial<Record<Stage, number>> = {};
    for (const stage of ['barnetrinn', 'ungdomstrinn'] as const) {
      const rate = criterion.rate[stage];
      if (rate) rates[stage] = rateMicro(rate, stage, input);
    }
    const col = driverColumn(criterion, units, counts);
    lineIds.push(criterion.id);
    criterionRates.push(rates);
    criterionCols.push(col);
    unscaled.push(rateLine(rates, upper, col));
  }

  const potParts: PotPart[][] = [];
  for (const pot of input.pots ?? []) {
    const amount = toFixedInt(pot.amount, RATE_PLACES);
    const parts: PotPart[] = [];
    for (const [key, share] of Object.entries(pot.keys) as [PotKey, string | number][]) {
      const s = toRatio(share);
      const portion = mulDivRound(amount, s.num, s.den);
      const col =
        key === 'unit'
          ? { num: units.map(() => 1), den: 1 }
          : key === 'pupils'
            ? pupilsCol
            : toColumn(units.map((u) => (u.fte === undefined ? ZERO_RATIO : toRatio(u.fte))));
      const driverSum = sum(col.num);
      if (driverSum === 0) {
        if (portion !== 0)
          warnings.push(`Potten «${pot.label}»: ingen enheter har ${key}, så ${ratioString(portion, MICRO)} kr fordeles ikke`);
        continue;
      }
      parts.push({ key, portion, col, driverSum });
    }
    lineIds.push(pot.id);
    potParts.push(parts);
    unscaled.push(
      potLine(
        parts,
        parts.map((p) => p.portion),
        n,
      ),
    );
  }

  let unscaledTotal = 0;
  for (const line of unscaled) unscaledTotal += sum(line);

  const adjustmentsByUnit = new Map<string, { amount: number; reason: string }[]>();
  let adjustmentsTotal = 0;
  for (const a of input.adjustments ?? []) {
    const amount = toFixedInt(a.amount, 2);
    const list = adjustmentsByUnit.get(a.unit) ?? [];
    list.push({ amount, reason: a.reason });
    adjustmentsByUnit.set(a.unit, list);
    adjustmentsTotal += amount;
  }

  // The scale factor is the exact ratio toDistribute / (exact unscaled total).
  const exact = exactUnscaledMicro(criterionRates, criterionCols, upper, potParts);
  let frame = unscaledTotal + adjustmentsTotal;
  let toDistribute = unscaledTotal;
  let scaling = false;
  let tMicro = 0n;
  if (input.mode === 'distribution') {
    if (input.frame !== undefined && input.frame !== null) frame = toFixedInt(input.frame, 2);
    else frame = frame + toFixedInt(input.frameChange ?? 0, 2);
    toDistribute = frame - adjustmentsTotal;
    if (toDistribute <= 0) {
      throw new AllocationInputError([
        { path: 'frameChange', message: `Rammen (${kr(frame)}) må være større enn summen av justeringene (${kr(adjustmentsTotal)})` },
      ]);
    }
    if (exact.num === 0n) {
      throw new AllocationInputError([{ path: 'criteria', message: 'Kriteriene gir 0 kr, så rammen kan ikke fordeles' }]);
    }
    // toDistribute (øre) in µNOK over the exact total's denominator.
    tMicro = BigInt(toDistribute) * BigInt(MICRO_PER_ØRE) * exact.den;
    scaling = tMicro !== exact.num;
  }
  /** A rate or portion (µNOK) times the scale factor, rounded half up to a millionth of a krone. */
  const scaleExactly = (value: number): Micro => {
    const out = bigDivRound(BigInt(value) * tMicro, exact.num);
    const asNumber = Number(out);
    return Number.isSafeInteger(asNumber) ? asNumber : out;
  };

  const scaledRates = criterionRates.map((rates): Partial<Record<Stage, Micro>> => {
    if (!scaling) return rates;
    const out: Partial<Record<Stage, Micro>> = {};
    for (const [stage, r] of Object.entries(rates) as [Stage, number][]) out[stage] = scaleExactly(r);
    return out;
  });
  const scaledPortions = potParts.map((parts) => parts.map((p) => (scaling ? scaleExactly(p.portion) : p.portion)));
  const scaled: number[][] = scaling
    ? [
        ...scaledRates.map((rates, li) => rateLine(rates, upper, criterionCols[li]!)),
        ...potParts.map((parts, pi) => potLine(parts, scaledPortions[pi]!, n)),
      ]
    : unscaled;

  const exactTotals = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const line of scaled) s += line[i]!;
    const adjustments = adjustmentsByUnit.get(units[i]!.id);
    if (adjustments) for (const a of adjustments) s += a.amount;
    exactTotals[i] = s;
  }
  const target = divRound(frame, 100);
  const roundedTotals = largestRemainder(
    exactTotals,
    target,
    units.map((u) => u.id),
  );

  const totalPupils: Ratio = { num: sum(pupilsCol.num), den: pupilsCol.den };
  const lineTotals = scaled.map(sum);

  const budgets = input.currentBudget ?? {};
  const unitResults: UnitResult[] = new Array(n);
  // Every unit's criteria object has the same keys in the same order (one hidden class).
  const template: UnitResult['criteria'] = {};
  for (const id of lineIds) template[id] = { amount: 0, perPupil: null };
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const pupils = pupilsOf(i);
    const criteria: UnitResult['criteria'] = { ...template };
    let criteriaTotal = 0;
    for (let li = 0; li < scaled.length; li++) {
      const amount = scaled[li]![i]!;
      criteriaTotal += amount;
      criteria[lineIds[li]!] = { amount: kr(amount), perPupil: perPupil(amount, pupils) };
    }
    const adjustments = adjustmentsByUnit.get(u.id) ?? [];
    let adjTotal = 0;
    for (const a of adjustments) adjTotal += a.amount;
    const totalØre = roundedTotals[i]! * 100;
    const result: UnitResult = {
      id: u.id,
      name: u.name,
      stage: u.stage,
      pupils: mulDivRound(pupils.num, 10000, pupils.den) / 10000,
      criteria,
      criteriaTotal: kr(criteriaTotal),
      adjustments: adjustments.map((a) => ({ amount: kr(a.amount), reason: a.reason })),
      adjustmentsTotal: kr(adjTotal),
      total: roundedTotals[i]!,
      totalPerPupil: perPupil(totalØre, pupils),
      againstBudget: difference(totalØre, u.currentBudget ?? budgets[u.id]),
      againstLastYear: difference(totalØre, u.lastYearBudget),
    };
    if (u.school !== undefined) result.school = u.school;
    if (u.orgNumber !== undefined) result.orgNumber = u.orgNumber;
    unitResults[i] = result;
  }

  const microToKr = (micro: Micro) =>
    (typeof micro === 'bigint' ? Number(bigDivRound(micro, BigInt(MICRO_PER_ØRE))) : divRound(micro, MICRO_PER_ØRE)) / 100;
  const criteria: CriterionSummary[] = [];
  input.criteria.forEach((c, li) => {
    const rates: CriterionSummary['rates'] = {};
    for (const [stage, r] of Object.entries(criterionRates[li]!) as [Stage, number][]) {
      rates[stage] = { base: microToKr(r), scaled: microToKr(scaledRates[li]![stage]!) };
    }
    criteria.push(summary(c.id, c.label, 'criterion', c.driver, lineTotals[li]!, rates));
  });
  (input.pots ?? []).forEach((p, pi) => {
    const rates: CriterionSummary['rates'] = {};
    potParts[pi]!.forEach((part, k) => {
      const perDriver = (portion: Micro) => mulDivRoundMicro(portion, part.col.den, part.driverSum * MICRO_PER_ØRE) / 100;
      rates[part.key] = { base: perDriver(part.portion), scaled: perDriver(scaledPortions[pi]![k]!) };
    });
    criteria.push(summary(p.id, p.label, 'pot', 'pot', lineTotals[input.criteria.length + pi]!, rates));
  });

  function summary(
    id: string,
    label: string,
    kind: 'criterion' | 'pot',
    driver: string,
    total: number,
    rates: CriterionSummary['rates'],
  ): CriterionSummary {
    return {
      id,
      label,
      kind,
      driver,
      amount: kr(total),
      sharePct: frame === 0 ? 0 : mulDivRound(total, 10000, frame) / 100,
      rates,
      perPupil: perPupil(total, totalPupils),
    };
  }

  const average: Record<string, number | null> = {};
  for (const c of criteria) average[c.id] = c.perPupil;

  const driverCols = new Map<string, Column>();
  const driverValue = (driver: string, i: number) => {
    let col = driverCols.get(driver);
    if (!col) {
      col = driverColumn({ id: driver, label: driver, driver, rate: {} }, units, counts);
      driverCols.set(driver, col);
    }
    return dec(col.num[i]!).div(col.den);
  };
  const control = input.control
    ? controlCalculation(
        input,
        unitResults,
        roundedTotals.map((t) => dec(t)),
        units.map((_, i) => dec(pupilsCol.num[i]!).div(pupilsCol.den)),
        driverValue,
      )
    : null;

  const scaleExact = scaling ? new Dec(tMicro.toString()).div(exact.num.toString()).toString() : '1';
  let total = 0;
  for (const t of roundedTotals) total += t;
  const result: AllocationResult = {
    format: 'samrad.allocation-result/v1',
    engineVersion: ENGINE_VERSION,
    mode: input.mode,
    scale: Number(scaleExact),
    scaleExact,
    unscaledTotal: kr(unscaledTotal),
    frame: target,
    total,
    adjustmentsTotal: kr(adjustmentsTotal),
    pupils: mulDivRound(totalPupils.num, 10000, totalPupils.den) / 10000,
    criteria,
    units: unitResults,
    average,
    control,
    warnings,
  };
  const trace: AllocationTrace = {
    lineIds,
    criterionRates,
    scaledRates,
    criterionDrivers: criterionCols,
    potParts: potParts.map((parts, pi) =>
      parts.map((p, k) => ({
        key: p.key,
        portion: p.portion,
        scaledPortion: scaledPortions[pi]![k]!,
        num: p.col.num,
        den: p.col.den,
        driverSum: p.driverSum,
      })),
    ),
    cells: scaled,
    pupils: pupilsCol,
    adjustments: adjustmentsByUnit,
    exactTotals,
    factor: scaling ? { num: tMicro, den: exact.num } : null,
    frame,
    toDistribute,
  };
  return { result, trace };
}

/** Validates raw interchange input and computes it; throws {@link AllocationInputError} on bad input. */
export function computeAllocation(raw: unknown): AllocationResult {
  const input = parseAllocationInput(raw);
  try {
    return allocate(input);
  } catch (error) {
    // Values within the schema's limits stay exact; only extreme combinations (say, counts with
    // six decimals weighted over two years, summed over very many units) can leave the range.
    if (error instanceof RangeError) {
      throw new AllocationInputError([
        { path: 'units', message: 'Tallene i modellen er for store eller har for mange desimaler til å regnes eksakt' },
      ]);
    }
    throw error;
  }
}

/** Returns a copy of the input with a new frame or frame change (and distribution mode). */
export function withFrame(input: AllocationInput, change: { frame?: number | string; frameChange?: number | string }): AllocationInput {
  const next: AllocationInput = { ...input, mode: 'distribution', frame: null, frameChange: null };
  if (change.frame !== undefined) next.frame = change.frame;
  if (change.frameChange !== undefined) next.frameChange = change.frameChange;
  return next;
}

/** A scenario's change to one criterion's rate for one stage. */
export interface RateOverride {
  criterion: string;
  stage: Stage;
  rate: RateInput;
}

/**
 * Criteria with a scenario's rate overrides applied (the others as they are). Works on validated input
 * and on a stored model alike, so the server and the browser apply overrides by the same rule.
 */
export function withRateOverrides<C extends { id: string; rate: object }>(
  criteria: readonly C[],
  overrides: readonly { criterion: string; stage: Stage; rate: unknown }[],
): C[] {
  if (overrides.length === 0) return [...criteria];
  return criteria.map((c) => {
    const mine = overrides.filter((o) => o.criterion === c.id);
    if (!mine.length) return c;
    const rate: Record<string, unknown> = { ...c.rate };
    for (const o of mine) rate[o.stage] = o.rate;
    return { ...c, rate };
  });
}
