import { Dec } from './decimal.js';
import { pow10, RATE_PLACES } from './fixed.js';
import { allocateTraced } from './allocate.js';
import type { AllocationInput, RateInput, Stage } from './input-schema.js';
import type { AllocationResult } from './result.js';

/** A cell of the result a reader may ask about. `line` is a criterion's or a pot's id. */
export type CellRef =
  | { kind: 'cell'; unit: string; line: string }
  | { kind: 'cellPerPupil'; unit: string; line: string }
  | { kind: 'unitTotal'; unit: string }
  | { kind: 'unitTotalPerPupil'; unit: string }
  | { kind: 'lineTotal'; line: string }
  | { kind: 'linePerPupil'; line: string }
  | { kind: 'total' };

/** An exact rational as decimal-integer strings. */
export interface ExactRatio {
  num: string;
  den: string;
}

/**
 * The exact numbers behind a cell, in kroner (decimal strings where they may have more than two
 * decimals), so the cell can be recomputed by hand or by a test:
 * - `rate`: amount = round₂(round₆(rate × factor) × driver);
 * - `pot`: per key, portion = round₆(pot × share), scaled = round₆(portion × factor),
 *   part = round₂(scaled × driver ÷ driverSum); amount = Σ parts;
 * - `perPupil`: value = round₂(amount ÷ pupils);
 * - `sum`: exact = Σ terms; value = exact rounded to whole kroner (`rounding` = value − exact).
 */
export type ExplanationCalc =
  | { kind: 'rate'; rate: string; factor: ExactRatio | null; scaledRate: string; driver: ExactRatio; amount: number }
  | {
      kind: 'pot';
      potAmount: string;
      factor: ExactRatio | null;
      parts: {
        key: string;
        share: string;
        portion: string;
        scaledPortion: string;
        driver: ExactRatio;
        driverSum: ExactRatio;
        amount: number;
      }[];
      amount: number;
    }
  | { kind: 'perPupil'; amount: number; pupils: ExactRatio; value: number | null }
  | { kind: 'sum'; terms: number[]; exact: number; rounding: number; value: number };

export interface CellExplanation {
  ref: CellRef;
  /** What the cell is, e.g. «Jappa – Minoritetsspråklige». */
  title: string;
  /** The engine's value of the cell (NOK, or NOK per pupil; null per pupil for a unit without pupils). */
  value: number | null;
  perPupil: boolean;
  /** The formula with its numbers in one line, in Norwegian. */
  formula: string;
  /** The steps, in Norwegian, each with its numbers and the rounding applied. */
  steps: string[];
  calc: ExplanationCalc;
}

const DRIVER_NAMES: Record<string, [one: string, many: string]> = {
  pupils: ['elev', 'elever'],
  unit: ['enhet', 'enheter'],
  gradesTaught: ['trinn', 'trinn'],
  highNeedsPupils: ['elev med svært store behov', 'elever med svært store behov'],
  minorityPupils: ['minoritetsspråklig elev', 'minoritetsspråklige elever'],
  seniorReducedHours: ['time redusert leseplikt', 'timer redusert leseplikt'],
};
const POT_KEY_NAMES: Record<string, [label: string, one: string, many: string]> = {
  fte: ['etter årsverk', 'årsverk', 'årsverk'],
  unit: ['likt per enhet', 'enhet', 'enheter'],
  pupils: ['per elev', 'elev', 'elever'],
};

const fmt = (places: number, max = places) => new Intl.NumberFormat('nb-NO', { minimumFractionDigits: places, maximumFractionDigits: max });
const kr2 = fmt(2);
const upTo6 = fmt(0, 6);
const upTo4 = fmt(0, 4);
/** Kroner with øre, e.g. «166 373,12 kr». */
const kr = (v: number | Dec) => `${kr2.format(Number(v.toString()))} kr`;
const money6 = fmt(2, 6);
/** Kroner with at least two and up to six decimals, e.g. «42 476,123456». */
const num6 = (v: Dec | string) => money6.format(Number(new Dec(v).toDecimalPlaces(6).toString()));
/** Whole kroner, e.g. «16 073 814 kr». */
const krWhole = (v: number) => `${fmt(0).format(v)} kr`;
/** A count, exact when it has up to four decimals, else «≈ 123,5833». */
function count(r: ExactRatio): string {
  const d = new Dec(r.num).div(r.den);
  const shown = d.toDecimalPlaces(4);
  return `${shown.eq(d) ? '' : '≈ '}${upTo4.format(Number(shown.toString()))}`;
}
const ratioOf = (num: number | bigint, den: number | bigint): ExactRatio => ({ num: String(num), den: String(den) });
/** µNOK as an exact krone decimal string. */
const microKr = (micro: number | bigint) => new Dec(micro.toString()).div(pow10(RATE_PLACES)).toFixed();
const round2 = (d: Dec) => Number(d.toDecimalPlaces(2).toString());

/**
 * Explains the cells of one computation. Pure: it computes the allocation once (the same engine, so the
 * numbers are the engine's) and describes each cell's formula with its numbers and the rounding applied.
 */
export function explainAllocation(input: AllocationInput): {
  result: AllocationResult;
  explain: (ref: CellRef) => CellExplanation;
  cells: () => CellRef[];
} {
  const { result, trace } = allocateTraced(input);
  const unitIndex = new Map(input.units.map((u, i) => [u.id, i]));
  const lineIndex = new Map(trace.lineIds.map((id, i) => [id, i]));
  const customNames = new Map((input.customDrivers ?? []).map((d) => [d.id, d.label]));
  const factor = trace.factor ? ratioOf(trace.factor.num, trace.factor.den) : null;
  const factorText = () => `skaleringsfaktor ${upTo4.format(Number(new Dec(factor!.num).div(factor!.den).toDecimalPlaces(4).toString()))}`;

  const unitAt = (id: string) => {
    const i = unitIndex.get(id);
    if (i === undefined) throw new RangeError(`Ukjent enhet «${id}»`);
    return i;
  };
  const lineAt = (id: string) => {
    const i = lineIndex.get(id);
    if (i === undefined) throw new RangeError(`Ukjent kriterium eller pott «${id}»`);
    return i;
  };
  const lineLabel = (li: number) =>
    li < input.criteria.length ? input.criteria[li]!.label : input.pots![li - input.criteria.length]!.label;
  const pupilsOf = (i: number): ExactRatio => ratioOf(trace.pupils.num[i]!, trace.pupils.den);

  function driverName(driver: string, weighted: boolean, value: Dec): string {
    const names = DRIVER_NAMES[driver];
    const plural = !value.eq(1);
    if (weighted) return plural ? 'vektede elever' : 'vektet elev';
    if (names) return plural ? names[1] : names[0];
    return customNames.get(driver) ?? driver;
  }

  function rateText(rate: RateInput, stage: Stage, perName: string): string {
    const cost = input.hourCost[stage] ?? 0;
    if ('nok' in rate) return `${kr(new Dec(rate.nok))} per ${perName}`;
    if ('weeklyHours' in rate) {
      const uplift = rate.uplift !== undefined && Number(rate.uplift) !== 0;
      const upliftText = uplift ? ` × (1 + ${upTo6.format(Number(rate.uplift))}${rate.upliftLabel ? ` ${rate.upliftLabel}` : ''})` : '';
      return `${upTo6.format(Number(rate.weeklyHours))} uketimer × ${upTo6.format(Number(input.teachingWeeks))} uker × ${kr(new Dec(cost))} per time${upliftText} per ${perName}`;
    }
    return `${upTo6.format(Number(rate.annualHours))} årstimer × ${kr(new Dec(cost))} per time per ${perName}`;
  }

  function explainRateCell(ref: CellRef, i: number, li: number): CellExplanation {
    const c = input.criteria[li]!;
    const unit = input.units[i]!;
    const stage = unit.stage;
    const base = trace.criterionRates[li]![stage] ?? 0;
    const scaled = trace.scaledRates[li]![stage] ?? 0;
    const col = trace.criterionDrivers[li]!;
    const driver = ratioOf(col.num[i]!, col.den);
    const driverValue = new Dec(driver.num).div(driver.den);
    const amount = result.units[i]!.criteria[c.id]!.amount;
    const name = driverName(c.driver, c.driver === 'pupils' && !!c.gradeWeights, driverValue);
    const one = DRIVER_NAMES[c.driver]?.[0] ?? name;
    const rate = c.rate[stage];
    const steps: string[] = [];
    steps.push(
      rate && !('nok' in rate)
        ? `Sats for ${stage}: ${rateText(rate, stage, one)} = ${num6(microKr(base))} kr (holdt til en milliondels krone)`
        : `Sats for ${stage}: ${num6(microKr(base))} kr per ${one}`,
    );
    if (factor) {
      steps.push(
        `Skalert sats: ${num6(microKr(base))} kr × ${factorText()} = ${num6(microKr(scaled))} kr (avrundet til en milliondels krone; faktoren er rammen til fordeling delt på kriterienes sum før skalering)`,
      );
    }
    steps.push(
      `${unit.name} har ${count(driver)} ${name}${c.gradeWeights ? ' (elevtall per trinn vektet med kriteriets trinnvekter)' : ''}`,
    );
    steps.push(`${count(driver)} × ${num6(microKr(scaled))} kr = ${kr(amount)} (avrundet til nærmeste øre)`);
    const formula = `${c.label}: ${count(driver)} ${name} × ${num6(microKr(base))} kr${factor ? ` × ${factorText()}` : ''} = ${kr(amount)} (avrundet til nærmeste øre)`;
    return {
      ref,
      title: `${unit.name} – ${c.label}`,
      value: amount,
      perPupil: false,
      formula,
      steps,
      calc: { kind: 'rate', rate: microKr(base), factor, scaledRate: microKr(scaled), driver, amount },
    };
  }

  function explainPotCell(ref: CellRef, i: number, li: number): CellExplanation {
    const pi = li - input.criteria.length;
    const pot = input.pots![pi]!;
    const unit = input.units[i]!;
    const amount = result.units[i]!.criteria[pot.id]!.amount;
    const steps: string[] = [];
    const parts: Extract<ExplanationCalc, { kind: 'pot' }>['parts'] = [];
    const pieces: string[] = [];
    for (const p of trace.potParts[pi]!) {
      const share = String(pot.keys[p.key] ?? 0);
      const driver = ratioOf(p.num[i]!, p.den);
      const driverSum = ratioOf(p.driverSum, p.den);
      const partØre = new Dec(microKr(p.scaledPortion)).times(driver.num).div(driverSum.num);
      const part = round2(partØre);
      const [label, , many] = POT_KEY_NAMES[p.key]!;
      const pct = `${upTo4.format(Number(new Dec(share).times(100).toString()))} %`;
      steps.push(
        `${pct} ${label}: ${pct} × ${kr(new Dec(pot.amount))} = ${num6(microKr(p.portion))} kr` +
          (factor ? `, × ${factorText()} = ${num6(microKr(p.scaledPortion))} kr` : '') +
          `; ${unit.name} har ${count(driver)} av ${count(driverSum)} ${many}: ${num6(microKr(p.scaledPortion))} kr × ${count(driver)} ÷ ${count(driverSum)} = ${kr(part)} (avrundet til nærmeste øre)`,
      );
      pieces.push(kr(part));
      parts.push({
        key: p.key,
        share,
        portion: microKr(p.portion),
        scaledPortion: microKr(p.scaledPortion),
        driver,
        driverSum,
        amount: part,
      });
    }
    if (parts.length > 1) steps.push(`Sum: ${pieces.join(' + ')} = ${kr(amount)}`);
    if (parts.length === 0) steps.push(`Ingen enheter har det potten fordeles etter, så ${unit.name} får ${kr(amount)}`);
    const formula = `${pot.label}: ${parts.map((p) => `${upTo4.format(Number(new Dec(p.share).times(100).toString()))} % fordelt ${POT_KEY_NAMES[p.key]![0]}`).join(' + ')} = ${kr(amount)}`;
    return {
      ref,
      title: `${unit.name} – ${pot.label}`,
      value: amount,
      perPupil: false,
      formula,
      steps,
      calc: { kind: 'pot', potAmount: new Dec(pot.amount).toFixed(), factor, parts, amount },
    };
  }

  function explainPerPupil(ref: CellRef, title: string, amount: number, pupils: ExactRatio, value: number | null): CellExplanation {
    const text =
      value === null
        ? `${kr(amount)} ÷ 0 elever: ingen verdi per elev`
        : `${kr(amount)} ÷ ${count(pupils)} elever = ${kr(value)} per elev (avrundet til nærmeste øre)`;
    return {
      ref,
      title: `${title} per elev`,
      value,
      perPupil: true,
      formula: text,
      steps: [text],
      calc: { kind: 'perPupil', amount, pupils, value },
    };
  }

  function explainUnitTotal(ref: CellRef, i: number): CellExplanation {
    const u = result.units[i]!;
    const terms = [...Object.values(u.criteria).map((c) => c.amount), ...u.adjustments.map((a) => a.amount)];
    const exactØre = trace.exactTotals[i]!;
    const exact = exactØre / 100;
    const rounding = round2(new Dec(u.total).minus(new Dec(exactØre).div(100)));
    const steps = trace.lineIds.map((id, li) => `${lineLabel(li)}: ${kr(u.criteria[id]!.amount)}`);
    for (const a of u.adjustments) steps.push(`Justering (${a.reason}): ${kr(a.amount)}`);
    steps.push(`Sum: ${kr(exact)}`);
    steps.push(
      `Avrundet til hele kroner: ${krWhole(u.total)} (${rounding >= 0 ? '+' : '−'}${kr(Math.abs(rounding))}; enhetenes summer rundes med største-rest-metoden, så de til sammen blir rammen på ${krWhole(result.frame)})`,
    );
    return {
      ref,
      title: `${u.name} – sum`,
      value: u.total,
      perPupil: false,
      formula: `${terms.map((t) => kr(t)).join(' + ')} = ${kr(exact)} ≈ ${krWhole(u.total)} (avrundet til hele kroner)`,
      steps,
      calc: { kind: 'sum', terms, exact, rounding, value: u.total },
    };
  }

  function explainLineTotal(ref: CellRef, li: number): CellExplanation {
    const id = trace.lineIds[li]!;
    const terms = result.units.map((u) => u.criteria[id]!.amount);
    const value = result.criteria[li]!.amount;
    return {
      ref,
      title: `${lineLabel(li)} – alle enheter`,
      value,
      perPupil: false,
      formula: `${terms.map((t) => kr(t)).join(' + ')} = ${kr(value)}`,
      steps: [
        ...result.units.map((u) => `${u.name}: ${kr(u.criteria[id]!.amount)}`),
        `Sum: ${kr(value)} (${upTo4.format(result.criteria[li]!.sharePct)} % av rammen)`,
      ],
      calc: { kind: 'sum', terms, exact: value, rounding: 0, value },
    };
  }

  const totalPupils = (): ExactRatio => {
    let s = 0;
    for (const x of trace.pupils.num) s += x;
    return ratioOf(s, trace.pupils.den);
  };

  function explain(ref: CellRef): CellExplanation {
    switch (ref.kind) {
      case 'cell': {
        const i = unitAt(ref.unit);
        const li = lineAt(ref.line);
        return li < input.criteria.length ? explainRateCell(ref, i, li) : explainPotCell(ref, i, li);
      }
      case 'cellPerPupil': {
        const i = unitAt(ref.unit);
        const li = lineAt(ref.line);
        const cell = result.units[i]!.criteria[ref.line]!;
        return explainPerPupil(ref, `${input.units[i]!.name} – ${lineLabel(li)}`, cell.amount, pupilsOf(i), cell.perPupil);
      }
      case 'unitTotal':
        return explainUnitTotal(ref, unitAt(ref.unit));
      case 'unitTotalPerPupil': {
        const i = unitAt(ref.unit);
        const u = result.units[i]!;
        return explainPerPupil(ref, `${u.name} – sum`, u.total, pupilsOf(i), u.totalPerPupil);
      }
      case 'lineTotal':
        return explainLineTotal(ref, lineAt(ref.line));
      case 'linePerPupil': {
        const li = lineAt(ref.line);
        const c = result.criteria[li]!;
        return explainPerPupil(ref, `${c.label} – alle enheter`, c.amount, totalPupils(), c.perPupil);
      }
      case 'total': {
        const terms = result.units.map((u) => u.total);
        const steps = result.units.map((u) => `${u.name}: ${krWhole(u.total)}`);
        steps.push(
          `Sum: ${krWhole(result.total)}${result.mode === 'distribution' ? ' — lik rammen, fordi enhetenes summer er rundet slik at de går opp i den' : ''}`,
        );
        return {
          ref,
          title: 'Sum alle enheter',
          value: result.total,
          perPupil: false,
          formula: `${terms.map((t) => krWhole(t)).join(' + ')} = ${krWhole(result.total)}`,
          steps,
          calc: { kind: 'sum', terms, exact: result.total, rounding: 0, value: result.total },
        };
      }
    }
  }

  function cells(): CellRef[] {
    const out: CellRef[] = [];
    for (const u of input.units) {
      for (const line of trace.lineIds) {
        out.push({ kind: 'cell', unit: u.id, line }, { kind: 'cellPerPupil', unit: u.id, line });
      }
      out.push({ kind: 'unitTotal', unit: u.id }, { kind: 'unitTotalPerPupil', unit: u.id });
    }
    for (const line of trace.lineIds) out.push({ kind: 'lineTotal', line }, { kind: 'linePerPupil', line });
    out.push({ kind: 'total' });
    return out;
  }

  return { result, explain, cells };
}

/** The value the result holds for a cell (what the table shows), for comparing with an explanation. */
export function cellValue(result: AllocationResult, ref: CellRef): number | null {
  const unit = 'unit' in ref ? result.units.find((u) => u.id === ref.unit) : undefined;
  switch (ref.kind) {
    case 'cell':
      return unit!.criteria[ref.line]!.amount;
    case 'cellPerPupil':
      return unit!.criteria[ref.line]!.perPupil;
    case 'unitTotal':
      return unit!.total;
    case 'unitTotalPerPupil':
      return unit!.totalPerPupil;
    case 'lineTotal':
      return result.criteria.find((c) => c.id === ref.line)!.amount;
    case 'linePerPupil':
      return result.criteria.find((c) => c.id === ref.line)!.perPupil;
    case 'total':
      return result.total;
  }
}
