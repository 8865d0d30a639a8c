import { z } from 'zod';
import { type Dec } from '../allocation/decimal.js';
import { formatPath, type ValidationIssue } from '../allocation/validate.js';
import { MAX_AMOUNT, MAX_RATE_OR_COUNT } from '../allocation/input-schema.js';

const noLocale = z.locales.no().localeError;

/** A tool's input that breaks its schema: every problem with its path and Norwegian message. */
export class AnalysisInputError extends Error {
  constructor(public readonly errors: ValidationIssue[]) {
    super(`Ugyldig analyseinput: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'AnalysisInputError';
  }
}

/** Parses with Norwegian messages, or throws {@link AnalysisInputError} naming every problem. */
export function parseAnalysis<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw, { error: noLocale });
  if (!parsed.success) {
    throw new AnalysisInputError(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return parsed.data;
}

const numberLike = (max: number) =>
  z
    .union([
      z.number().refine(Number.isFinite, { error: 'Må være et endelig tall' }),
      z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'Må være et desimaltall, f.eks. 1234.50' }),
    ])
    .refine((v) => Math.abs(Number(v)) < max, { error: `Tallet er for stort (må være mindre enn ${max.toLocaleString('nb-NO')})` });

/** A sum of money in NOK (a JSON number or a decimal string), exact. */
export const nok = numberLike(MAX_AMOUNT);
export const nonNegativeNok = nok.refine((v) => Number(v) >= 0, { error: 'Kan ikke være negativt' });
/** A count or rate (pupils, places, hours). */
export const count = numberLike(MAX_RATE_OR_COUNT).refine((v) => Number(v) >= 0, { error: 'Kan ikke være negativt' });
export const wholeCount = z
  .number({ error: 'Må være et heltall' })
  .int({ error: 'Må være et heltall' })
  .min(0, { error: 'Kan ikke være negativt' })
  .max(MAX_RATE_OR_COUNT, { error: 'Tallet er for stort' });
/** A share between 0 and 1 (0.2 = 20 %). */
export const share = numberLike(2).refine((v) => Number(v) >= 0 && Number(v) <= 1, { error: 'Andelen må være mellom 0 og 1 (0,2 = 20 %)' });
const NO_NUL = { error: 'Teksten kan ikke inneholde nulltegn (U+0000)' };
export const label = z
  .string()
  .trim()
  .min(1, { error: 'Må fylles ut' })
  .max(200, { error: 'Høyst 200 tegn' })
  .refine((v) => !v.includes('\u0000'), NO_NUL);
export const id = z.string().trim().min(1, { error: 'Må ha en id' }).max(100, { error: 'Høyst 100 tegn' });
export const year = z
  .number({ error: 'Året må være et tall' })
  .int({ error: 'Året må være et heltall' })
  .min(2000, { error: 'Året må være mellom 2000 og 2100' })
  .max(2100, { error: 'Året må være mellom 2000 og 2100' });

/** An amount rounded half up to øre, as a JSON number. */
export function kroner(value: Dec, places = 2): number {
  return Number(value.toDecimalPlaces(places).toString());
}

/** Ids must be unique in a list; returns the issues for duplicates. */
export function duplicateIds(items: readonly { id: string }[], path: string): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: `${path}[${i}].id`, message: `Id-en «${item.id}» er brukt før i listen` });
    seen.add(item.id);
  });
  return issues;
}
