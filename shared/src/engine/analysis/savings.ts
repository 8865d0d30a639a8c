import { z } from 'zod';
import { Dec, ZERO } from '../allocation/decimal.js';
import { AnalysisInputError, duplicateIds, id, kroner, label, nonNegativeNok, parseAnalysis, year } from './common.js';

export const SAVINGS_FORMAT = 'samrad.savings-plan/v1';

/**
 * A savings plan (innsparingskrav og tiltak): a target per year against a base budget, and measures with a
 * full-year effect from a start month. A measure starting with the school year (August) has 5/12 of its
 * effect in its first calendar year, unless `monthsFirstYear` says otherwise.
 */
export const savingsMeasureSchema = z.strictObject({
  id,
  title: label,
  /** Full-year effect in NOK. */
  fullYearEffect: nonNegativeNok,
  /** First month with effect, "YYYY-MM" (e.g. "2010-08" for the school year 2010/11). */
  startMonth: z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { error: 'Startmåneden må skrives ÅÅÅÅ-MM, f.eks. 2010-08' }),
  /** Months in effect in the first calendar year, when not every month from the start to December. */
  monthsFirstYear: z
    .number({ error: 'Antall måneder må være et tall' })
    .int({ error: 'Antall måneder må være et heltall' })
    .min(0, { error: 'Antall måneder må være mellom 0 og 12' })
    .max(12, { error: 'Antall måneder må være mellom 0 og 12' })
    .optional(),
});
export type SavingsMeasureInput = z.infer<typeof savingsMeasureSchema>;

export const savingsPlanSchema = z.strictObject({
  /** The base budget the targets are measured against, NOK (shown beside the plan). */
  baseBudget: nonNegativeNok.optional(),
  targets: z.array(z.strictObject({ year, amount: nonNegativeNok })).min(1, { error: 'Planen må ha minst ett års innsparingskrav' }),
  measures: z.array(savingsMeasureSchema),
});
export type SavingsPlanInput = z.infer<typeof savingsPlanSchema>;

export interface SavingsYear {
  year: number;
  target: number;
  /** The measures' effect in the year, NOK to øre. */
  effect: number;
  /** target − effect: positive is a shortfall, negative more than the target. */
  gap: number;
  measures: { id: string; effect: number; months: number }[];
}

export interface SavingsPlanResult {
  fullYearEffect: number;
  years: SavingsYear[];
}

/** Months a measure is in effect in a calendar year (0 before its start, 12 after its first year). */
export function monthsInYear(measure: Pick<SavingsMeasureInput, 'startMonth' | 'monthsFirstYear'>, calendarYear: number): number {
  const [startYear, startMonth] = measure.startMonth.split('-').map(Number) as [number, number];
  if (calendarYear < startYear) return 0;
  if (calendarYear > startYear) return 12;
  return measure.monthsFirstYear ?? 13 - startMonth;
}

/** Each year's target against the sum of the measures' effects in that year, and the gap. */
export function computeSavingsPlan(raw: unknown): SavingsPlanResult {
  const input = parseAnalysis(savingsPlanSchema, raw);
  const dup = [...duplicateIds(input.measures, 'measures')];
  const years = new Set<number>();
  input.targets.forEach((t, i) => {
    if (years.has(t.year)) dup.push({ path: `targets[${i}].year`, message: `Året ${t.year} har allerede et innsparingskrav` });
    years.add(t.year);
  });
  if (dup.length) throw new AnalysisInputError(dup);

  const full = input.measures.reduce((sum, m) => sum.plus(new Dec(m.fullYearEffect)), ZERO);
  const result = [...input.targets]
    .sort((a, b) => a.year - b.year)
    .map((t) => {
      const measures = input.measures.map((m) => {
        const months = monthsInYear(m, t.year);
        return { id: m.id, months, effect: new Dec(m.fullYearEffect).times(months).dividedBy(12) };
      });
      const effect = measures.reduce((sum, m) => sum.plus(m.effect), ZERO);
      const target = new Dec(t.amount);
      return {
        year: t.year,
        target: kroner(target),
        effect: kroner(effect),
        gap: kroner(target.minus(effect)),
        measures: measures.map((m) => ({ id: m.id, months: m.months, effect: kroner(m.effect) })),
      };
    });
  return { fullYearEffect: kroner(full), years: result };
}
