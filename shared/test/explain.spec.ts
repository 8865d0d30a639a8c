import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellValue,
  explainAllocation,
  parseAllocationInput,
  rateInNok,
  type AllocationInput,
  type AllocationInputDraft,
  type CellExplanation,
  type ExactRatio,
} from '../src/engine/index.js';
import { Dec } from '../src/engine/allocation/decimal.js';

/**
 * The cell explanation: for random valid inputs, every cell's explanation recomputes exactly the
 * engine's value from the numbers it shows, and those numbers come from the input (rates, drivers,
 * the scale factor) by the model's rules, computed here independently with decimals.
 */

const D = (v: number | string) => new Dec(v);
const ratio = (r: ExactRatio) => D(r.num).div(r.den);
const round = (d: InstanceType<typeof Dec>, places: number) => Number(d.toDecimalPlaces(places).toString());
const STAGE = ['barnetrinn', 'ungdomstrinn'] as const;

const rateArb = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_00 }).map((øre) => ({ nok: øre / 100 })),
  fc
    .record({ weeklyHours: fc.integer({ min: 0, max: 200 }).map((v) => v / 10), uplift: fc.constantFrom(undefined, 0.2, 0.125) })
    .map((r) => (r.uplift === undefined ? { weeklyHours: r.weeklyHours } : { weeklyHours: r.weeklyHours, uplift: r.uplift })),
  fc.integer({ min: 0, max: 2000 }).map((h) => ({ annualHours: h })),
);
const countsArb = fc.record({
  pupils: fc.integer({ min: 0, max: 700 }),
  highNeedsPupils: fc.integer({ min: 0, max: 12 }),
  minorityPupils: fc.integer({ min: 0, max: 40 }),
  seniorReducedHours: fc.integer({ min: 0, max: 500 }),
});
const DRIVERS = ['pupils', 'unit', 'highNeedsPupils', 'minorityPupils', 'seniorReducedHours'] as const;

const inputArb = fc
  .record({
    units: fc.array(
      fc.record({
        stage: fc.constantFrom(...STAGE),
        years: fc.tuple(countsArb, countsArb),
        twoYears: fc.boolean(),
        fte: fc.integer({ min: 0, max: 400 }).map((v) => v / 10),
        adjustment: fc.option(fc.integer({ min: -5_000_000, max: 5_000_000 }).map((øre) => øre / 100)),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    criteria: fc.array(fc.record({ driver: fc.constantFrom(...DRIVERS), b: rateArb, u: rateArb }), { minLength: 1, maxLength: 5 }),
    pots: fc.array(
      fc.record({
        amount: fc.integer({ min: 0, max: 5_000_000_00 }).map((øre) => øre / 100),
        keys: fc.constantFrom(
          { fte: 0.2, unit: 0.4, pupils: 0.4 },
          { fte: 0.4, unit: 0.1, pupils: 0.5 },
          { pupils: 1 },
          { unit: 0.3, pupils: 0.7 },
        ),
      }),
      { maxLength: 2 },
    ),
    weights: fc.constantFrom<[number, number] | undefined>(undefined, [1, 1], [7, 5]),
    frame: fc.option(
      fc.oneof(
        fc.record({ frame: fc.integer({ min: 10_000_000, max: 500_000_000 }) }),
        fc.record({ frameChange: fc.integer({ min: -5_100_000, max: 5_000_000 }) }),
      ),
    ),
  })
  .map((m): AllocationInputDraft => {
    const twoYears = m.units.some((u) => u.twoYears);
    return {
      format: 'samrad.allocation-input/v1',
      mode: m.frame ? 'distribution' : 'allocation',
      ...(m.frame ?? {}),
      teachingWeeks: 38,
      hourCost: { barnetrinn: 765.8, ungdomstrinn: 881.6 },
      ...(m.weights ? { countWeights: m.weights } : {}),
      criteria: m.criteria.map((c, i) => ({
        id: `k${i}`,
        label: `Kriterium ${i}`,
        driver: c.driver,
        rate: { barnetrinn: c.b, ungdomstrinn: c.u },
      })),
      pots: m.pots.map((p, i) => ({ id: `p${i}`, label: `Pott ${i}`, amount: p.amount, keys: p.keys })),
      units: m.units.map((u, i) => ({
        id: `u${i}`,
        name: `Enhet ${i}`,
        stage: u.stage,
        fte: u.fte,
        ...(twoYears ? { schoolYears: u.years } : { counts: u.years[0] }),
      })),
      adjustments: m.units.flatMap((u, i) => (u.adjustment === null ? [] : [{ unit: `u${i}`, amount: u.adjustment, reason: 'Skjønn' }])),
    };
  });

/** A unit's driver from its counts, weighted over two school years where given (independent of the engine), as num/den. */
function driverRatio(input: AllocationInput, unitIndex: number, driver: string): [InstanceType<typeof Dec>, InstanceType<typeof Dec>] {
  const u = input.units[unitIndex]!;
  if (driver === 'unit') return [D(1), D(1)];
  if (u.counts) return [D(u.counts[driver] ?? 0), D(1)];
  const [w1, w2] = input.countWeights ?? [1, 1];
  const [a, b] = u.schoolYears!;
  return [
    D(w1)
      .times(a[driver] ?? 0)
      .plus(D(w2).times(b[driver] ?? 0)),
    D(w1).plus(w2),
  ];
}
const driverOf = (input: AllocationInput, unitIndex: number, driver: string) => {
  const [num, den] = driverRatio(input, unitIndex, driver);
  return num.div(den);
};
/** value × num ÷ den, dividing last so that an exact half is seen as one. */
const times = (value: InstanceType<typeof Dec>, [num, den]: [InstanceType<typeof Dec>, InstanceType<typeof Dec>]) =>
  value.times(num).div(den);

/** The frame's part the criteria distribute ÷ their exact sum before scaling, from the input alone. */
function factorOf(input: AllocationInput): InstanceType<typeof Dec> | null {
  if (input.mode !== 'distribution') return null;
  let unscaled = D(0);
  let roundedCells = D(0);
  input.criteria.forEach((c) => {
    input.units.forEach((u, i) => {
      const amount = times(D(rateInNok(c.rate[u.stage]!, u.stage, input).toDecimalPlaces(6).toString()), driverRatio(input, i, c.driver));
      unscaled = unscaled.plus(amount);
      roundedCells = roundedCells.plus(amount.toDecimalPlaces(2));
    });
  });
  for (const p of input.pots ?? []) {
    for (const [key, share] of Object.entries(p.keys)) {
      // Every unit's driver over the common denominator of the weights (fte and units are whole over it too).
      const den = input.countWeights ? D(input.countWeights[0]).plus(input.countWeights[1]) : D(1);
      const drivers = input.units.map((u, i) =>
        key === 'unit' ? den : key === 'pupils' ? times(den, driverRatio(input, i, 'pupils')) : den.times(u.fte ?? 0),
      );
      const driverSum = drivers.reduce((s, d) => s.plus(d), D(0));
      if (driverSum.isZero()) continue;
      const portion = D(p.amount).times(share!).toDecimalPlaces(6);
      unscaled = unscaled.plus(portion);
      for (const d of drivers) roundedCells = roundedCells.plus(times(portion, [d, driverSum]).toDecimalPlaces(2));
    }
  }
  const adjustments = (input.adjustments ?? []).reduce((s, a) => s.plus(a.amount), D(0));
  // With a frame the criteria get frame − adjustments; with a frame change, their rounded cells + the change.
  const toDistribute =
    input.frame !== null && input.frame !== undefined ? D(input.frame).minus(adjustments) : roundedCells.plus(input.frameChange ?? 0);
  return toDistribute.div(unscaled);
}

function checkExplanation(input: AllocationInput, e: CellExplanation, value: number | null, factor: InstanceType<typeof Dec> | null) {
  const c = e.calc;
  expect(e.value, JSON.stringify(e.ref)).toBe(value);
  switch (c.kind) {
    case 'rate': {
      const ref = e.ref as { unit: string; line: string };
      const i = input.units.findIndex((u) => u.id === ref.unit);
      const criterion = input.criteria.find((k) => k.id === ref.line)!;
      const unit = input.units[i]!;
      // The rate the explanation starts from is the input's rate (hours × weeks × hour cost × uplift).
      expect(D(c.rate).eq(rateInNok(criterion.rate[unit.stage]!, unit.stage, input).toDecimalPlaces(6))).toBe(true);
      // The driver it names is the unit's count.
      expect(ratio(c.driver).eq(driverOf(input, i, criterion.driver))).toBe(true);
      // The scale factor it names is the model's: the frame to distribute ÷ the criteria's exact sum.
      if (c.factor)
        expect(ratio(c.factor).minus(factor!).abs().lt('1e-30'), `${ratio(c.factor).toString()} vs ${factor?.toString()}`).toBe(true);
      else expect(factor === null || factor.eq(1)).toBe(true);
      const scaled = c.factor ? D(c.rate).times(c.factor.num).div(c.factor.den).toDecimalPlaces(6) : D(c.rate);
      expect(scaled.eq(c.scaledRate)).toBe(true);
      expect(round(D(c.scaledRate).times(c.driver.num).div(c.driver.den), 2)).toBe(value);
      expect(c.amount).toBe(value);
      break;
    }
    case 'pot': {
      let sum = D(0);
      for (const p of c.parts) {
        expect(D(c.potAmount).times(p.share).toDecimalPlaces(6).eq(p.portion)).toBe(true);
        const scaled = c.factor ? D(p.portion).times(c.factor.num).div(c.factor.den).toDecimalPlaces(6) : D(p.portion);
        expect(scaled.eq(p.scaledPortion)).toBe(true);
        const part = round(D(p.scaledPortion).times(p.driver.num).div(p.driverSum.num), 2);
        expect(part).toBe(p.amount);
        sum = sum.plus(part);
      }
      expect(round(sum, 2)).toBe(value);
      break;
    }
    case 'perPupil':
      expect(value).toBe(D(c.pupils.num).isZero() ? null : round(D(c.amount).times(c.pupils.den).div(c.pupils.num), 2));
      break;
    case 'sum': {
      const exact = c.terms.reduce((s, t) => s.plus(t), D(0));
      expect(round(exact, 2)).toBe(c.exact);
      expect(round(exact.plus(c.rounding), 2)).toBe(value);
      expect(Math.abs(c.rounding)).toBeLessThan(1);
      break;
    }
  }
  if (value !== null) {
    const whole = e.ref.kind === 'unitTotal' || e.ref.kind === 'total';
    expect(e.formula).toContain(
      new Intl.NumberFormat('nb-NO', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(value),
    );
  }
  expect(e.steps.length).toBeGreaterThan(0);
}

describe('cell explanation', () => {
  // Some thousand explanations, each recomputed with decimals: seconds on a busy machine.
  it('every cell’s explanation recomputes the engine’s value exactly (random valid inputs)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(inputArb, (draft) => {
        const input = parseAllocationInput(draft);
        let explainer: ReturnType<typeof explainAllocation>;
        try {
          explainer = explainAllocation(input);
        } catch {
          // A frame that the adjustments exceed, or criteria that give 0 kr: refused by the engine.
          fc.pre(false);
          return;
        }
        const factor = factorOf(input);
        for (const ref of explainer.cells()) checkExplanation(input, explainer.explain(ref), cellValue(explainer.result, ref), factor);
      }),
      { numRuns: 80 },
    );
  });

  it('a frame change on counts weighted over two school years (a counterexample once)', () => {
    const year = (senior: number) => ({ pupils: 0, highNeedsPupils: 0, minorityPupils: 0, seniorReducedHours: senior });
    const input = parseAllocationInput({
      format: 'samrad.allocation-input/v1',
      mode: 'distribution',
      frameChange: 0,
      countWeights: [7, 5],
      hourCost: { barnetrinn: 765.8 },
      criteria: [{ id: 'k0', label: 'Senior', driver: 'seniorReducedHours', rate: { barnetrinn: { weeklyHours: 5.2, uplift: 0.125 } } }],
      units: [
        { id: 'u0', name: 'Enhet 0', stage: 'barnetrinn', schoolYears: [year(79), year(0)] },
        { id: 'u1', name: 'Enhet 1', stage: 'barnetrinn', schoolYears: [year(0), year(0)] },
      ],
    });
    const explainer = explainAllocation(input);
    const factor = factorOf(input);
    for (const ref of explainer.cells()) checkExplanation(input, explainer.explain(ref), cellValue(explainer.result, ref), factor);
  });

  it('reads Jappa’s minority amount in Norwegian, with the rate, the driver and the rounding', () => {
    const path = fileURLToPath(new URL('./fixtures/grimstad-2009.input.json', import.meta.url));
    const input = parseAllocationInput(JSON.parse(readFileSync(path, 'utf8')));
    const e = explainAllocation(input).explain({ kind: 'cell', unit: 'jappa', line: 'minority' });
    const jappa = input.units.find((u) => u.id === 'jappa')!;
    const minority = Number(jappa.counts!.minorityPupils);
    // 1.5 weekly hours × 38 weeks × 765.80 kr = 43,650.60 kr per minority-language pupil.
    const amount = Math.round(minority * 4365060) / 100;
    expect(e.value).toBe(amount);
    const nb = (v: number, d = 2) => new Intl.NumberFormat('nb-NO', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
    expect(e.formula).toBe(
      `Minoritetsspråklige elever (særskilt norskopplæring): ${minority} minoritetsspråklige elever × ${nb(43650.6)} kr = ${nb(amount)} kr (avrundet til nærmeste øre)`,
    );
    expect(e.steps[0]).toContain('1,5 uketimer × 38 uker × 765,80 kr per time');
  });

  it('after a cut, the scale factor is in the formula', () => {
    const path = fileURLToPath(new URL('./fixtures/grimstad-2009.input.json', import.meta.url));
    const input = parseAllocationInput({ ...JSON.parse(readFileSync(path, 'utf8')), mode: 'distribution', frameChange: -5100000 });
    const explainer = explainAllocation(input);
    const e = explainer.explain({ kind: 'cell', unit: 'jappa', line: 'minority' });
    expect(e.formula).toMatch(/× skaleringsfaktor 0,96\d\d = /);
    expect(e.steps.some((s) => /^Skalert sats: 43\s650,60 kr × skaleringsfaktor/.test(s))).toBe(true);
    const total = explainer.explain({ kind: 'total' });
    expect(total.value).toBe(explainer.result.frame);
  });
});
