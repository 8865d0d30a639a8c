import { z } from 'zod';
import { Dec, ZERO } from '../allocation/decimal.js';
import { AnalysisInputError, count, duplicateIds, id, kroner, label, nonNegativeNok, parseAnalysis, share, wholeCount } from './common.js';
import type { ValidationIssue } from '../allocation/validate.js';

/**
 * SFO fee scenarios (chapter 5.1): places by kind (full time, part time) with monthly prices and payment
 * months; changes applied in order (pupils moving between kinds at the prices of the moment, new prices
 * on the places of the moment, new hours) with the extra income of each; and the break-even of an 11th
 * payment term for the holiday weeks.
 */
export const sfoKindSchema = z.strictObject({
  id,
  label,
  places: wholeCount,
  monthlyPrice: nonNegativeNok,
  weeklyHours: count.optional(),
});

export const sfoChangeSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('move'),
      label: label.optional(),
      from: id,
      to: id,
      /** Share of the `from` kind's places that move (rounded down to whole pupils), or … */
      share: share.optional(),
      /** … the number of pupils that move. */
      pupils: wholeCount.optional(),
    }),
    z.strictObject({ type: z.literal('price'), label: label.optional(), kind: id, monthlyPrice: nonNegativeNok }),
    z.strictObject({ type: z.literal('hours'), label: label.optional(), kind: id, weeklyHours: count }),
  ],
  { error: 'Endringen må være «move» (elever flytter), «price» (ny pris) eller «hours» (nye timer)' },
);
export type SfoChangeInput = z.infer<typeof sfoChangeSchema>;

export const sfoEleventhTermSchema = z.strictObject({
  /** Pupils per adult in the holiday weeks (15). */
  pupilsPerAdult: count.refine((v) => Number(v) > 0, { error: 'Må være større enn 0' }),
  /** Monthly wage of an adult, NOK (33,150). */
  monthlyWage: nonNegativeNok,
  /** Months of staffing the term pays for (1). */
  months: count.default(1),
  /** The share of SFO pupils expected to use the holiday weeks, to compute the net effect. */
  expectedShare: share.optional(),
});

export const sfoScenarioSchema = z.strictObject({
  paymentMonths: z
    .number({ error: 'Betalingsmåneder må være et tall' })
    .int({ error: 'Betalingsmåneder må være et heltall' })
    .min(1, { error: 'Betalingsmåneder må være mellom 1 og 12' })
    .max(12, { error: 'Betalingsmåneder må være mellom 1 og 12' }),
  kinds: z.array(sfoKindSchema).min(1, { error: 'Oppgi minst én plasstype' }),
  changes: z.array(sfoChangeSchema).default([]),
  eleventhTerm: sfoEleventhTermSchema.optional(),
});
export type SfoScenarioInput = z.input<typeof sfoScenarioSchema>;

export interface SfoChangeResult {
  index: number;
  type: SfoChangeInput['type'];
  label: string | null;
  /** Extra income per year, NOK. */
  extraIncome: number;
  /** Pupils moved by a `move`. */
  pupilsMoved?: number;
  /** For a `price`: the part from the kind's original places and the part from pupils moved there by earlier changes. */
  fromOriginalPlaces?: number;
  fromMovedPupils?: number;
}

export interface SfoKindState {
  id: string;
  label: string;
  places: number;
  monthlyPrice: number;
  weeklyHours: number | null;
}

export interface SfoScenarioResult {
  pupils: number;
  incomeBefore: number;
  incomeAfter: number;
  changes: SfoChangeResult[];
  totalExtraIncome: number;
  before: SfoKindState[];
  after: SfoKindState[];
  eleventhTerm: {
    /** What one more payment month brings at the prices before the changes, NOK. */
    income: number;
    /** Staff cost per pupil using the holiday weeks, NOK. */
    costPerUser: number;
    /** The share of pupils using the holiday weeks at which cost equals income (above it the term loses money). */
    breakEvenShare: number;
    /** Net effect at the expected share, NOK (income − cost), when a share is given. */
    netAtExpectedShare: number | null;
  } | null;
}

interface State {
  id: string;
  label: string;
  original: number;
  places: number;
  price: Dec;
  weeklyHours: number | null;
}

const view = (s: State): SfoKindState => ({
  id: s.id,
  label: s.label,
  places: s.places,
  monthlyPrice: kroner(s.price),
  weeklyHours: s.weeklyHours,
});

export function computeSfoScenario(raw: unknown): SfoScenarioResult {
  const input = parseAnalysis(sfoScenarioSchema, raw);
  const issues: ValidationIssue[] = duplicateIds(input.kinds, 'kinds');
  const kinds = new Map<string, State>(
    input.kinds.map((k) => [
      k.id,
      {
        id: k.id,
        label: k.label,
        original: k.places,
        places: k.places,
        price: new Dec(k.monthlyPrice),
        weeklyHours: k.weeklyHours === undefined ? null : Number(k.weeklyHours),
      },
    ]),
  );
  const before = [...kinds.values()].map(view);
  const months = new Dec(input.paymentMonths);
  const income = () => [...kinds.values()].reduce((sum, k) => sum.plus(k.price.times(k.places).times(months)), ZERO);
  const incomeBefore = income();
  const known = (value: string, path: string) => {
    const k = kinds.get(value);
    if (!k) issues.push({ path, message: `Fant ikke plasstypen «${value}»` });
    return k;
  };

  const changes: SfoChangeResult[] = [];
  let total = ZERO;
  input.changes.forEach((c, index) => {
    const base = { index, type: c.type, label: c.label ?? null };
    if (c.type === 'move') {
      const from = known(c.from, `changes[${index}].from`);
      const to = known(c.to, `changes[${index}].to`);
      if ((c.share === undefined) === (c.pupils === undefined))
        issues.push({ path: `changes[${index}].share`, message: 'Oppgi enten andelen som flytter eller antall elever' });
      if (!from || !to || issues.length) return;
      const moved = c.pupils ?? new Dec(c.share!).times(from.places).floor().toNumber();
      if (moved > from.places) {
        issues.push({ path: `changes[${index}].pupils`, message: `Bare ${from.places} plasser å flytte fra` });
        return;
      }
      // Pupils who move pay the difference between the two kinds' prices of the moment.
      const extra = to.price.minus(from.price).times(moved).times(months);
      from.places -= moved;
      to.places += moved;
      total = total.plus(extra);
      changes.push({ ...base, extraIncome: kroner(extra), pupilsMoved: moved });
    } else if (c.type === 'price') {
      const kind = known(c.kind, `changes[${index}].kind`);
      if (!kind || issues.length) return;
      const delta = new Dec(c.monthlyPrice).minus(kind.price);
      const originalPlaces = Math.min(kind.original, kind.places);
      const fromOriginal = delta.times(originalPlaces).times(months);
      const fromMoved = delta.times(kind.places - originalPlaces).times(months);
      kind.price = new Dec(c.monthlyPrice);
      total = total.plus(fromOriginal).plus(fromMoved);
      changes.push({
        ...base,
        extraIncome: kroner(fromOriginal.plus(fromMoved)),
        fromOriginalPlaces: kroner(fromOriginal),
        fromMovedPupils: kroner(fromMoved),
      });
    } else {
      const kind = known(c.kind, `changes[${index}].kind`);
      if (!kind || issues.length) return;
      kind.weeklyHours = Number(c.weeklyHours);
      changes.push({ ...base, extraIncome: 0 });
    }
  });
  if (issues.length) throw new AnalysisInputError(issues);

  const pupils = before.reduce((sum, k) => sum + k.places, 0);
  let eleventhTerm: SfoScenarioResult['eleventhTerm'] = null;
  if (input.eleventhTerm) {
    const t = input.eleventhTerm;
    // One more payment month from every place, at the prices before the changes.
    const termIncome = before.reduce((sum, k) => sum.plus(new Dec(k.monthlyPrice).times(k.places)), ZERO);
    const costPerUser = new Dec(t.monthlyWage).times(t.months).dividedBy(t.pupilsPerAdult);
    const fullCost = costPerUser.times(pupils);
    eleventhTerm = {
      income: kroner(termIncome),
      costPerUser: kroner(costPerUser),
      breakEvenShare: fullCost.isZero() ? 1 : Number(termIncome.dividedBy(fullCost).toDecimalPlaces(6).toString()),
      netAtExpectedShare: t.expectedShare === undefined ? null : kroner(termIncome.minus(fullCost.times(t.expectedShare))),
    };
  }
  return {
    pupils,
    incomeBefore: kroner(incomeBefore),
    incomeAfter: kroner(income()),
    changes,
    totalExtraIncome: kroner(total),
    before,
    after: [...kinds.values()].map(view),
    eleventhTerm,
  };
}
