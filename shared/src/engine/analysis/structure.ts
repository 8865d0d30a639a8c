import { z } from 'zod';
import { Dec } from '../allocation/decimal.js';
import type { ValidationIssue } from '../allocation/validate.js';
import { AnalysisInputError, duplicateIds, id, label, parseAnalysis, wholeCount, year } from './common.js';

const grade = z.string().regex(/^(10|[1-9])$/, { error: 'Trinn må være 1–10' });

/**
 * School structure (chapter 6): capacity and pupils per school (and grade), forecasts by year, and a
 * scenario moving pupils between schools (catchment changes): utilisation, free capacity and pupils per
 * grade before and after.
 */
export const structureSchoolSchema = z.strictObject({
  id,
  name: label,
  capacity: wholeCount,
  pupils: wholeCount,
  /** Pupils per grade ("1".."10"); when given they must add up to `pupils`. */
  grades: z.record(grade, wholeCount).optional(),
  /** Forecast pupils by school year (its first calendar year). */
  forecast: z.array(z.strictObject({ year, pupils: wholeCount })).optional(),
});

export const structureMoveSchema = z.strictObject({
  from: id,
  to: id,
  pupils: wholeCount.refine((v) => v > 0, { error: 'Minst én elev må flytte' }),
  /** The grade the pupils are in, when the schools have pupils per grade. */
  grade: grade.optional(),
});

export const structureScenarioSchema = z.strictObject({
  schoolYear: z
    .string()
    .regex(/^\d{4}\/\d{2}$/, { error: 'Skoleåret skrives ÅÅÅÅ/ÅÅ, f.eks. 2009/10' })
    .optional(),
  schools: z.array(structureSchoolSchema).min(1, { error: 'Oppgi minst én skole' }),
  moves: z.array(structureMoveSchema).default([]),
});
export type StructureScenarioInput = z.input<typeof structureScenarioSchema>;

export interface StructureSchoolState {
  pupils: number;
  free: number;
  /** pupils ÷ capacity, in per cent to one decimal; null without capacity. */
  utilisation: number | null;
  /** Average pupils per grade taught (grades with pupils), one decimal; null without grades. */
  pupilsPerGrade: number | null;
  grades: Record<string, number> | null;
}

export interface StructureSchoolResult {
  id: string;
  name: string;
  capacity: number;
  before: StructureSchoolState;
  after: StructureSchoolState;
  forecast: { year: number; pupils: number; free: number }[];
}

export interface StructureScenarioResult {
  schools: StructureSchoolResult[];
  totals: { capacity: number; before: { pupils: number; free: number }; after: { pupils: number; free: number } };
  /** Schools over capacity after the moves. */
  overCapacityAfter: string[];
  forecastTotals: { year: number; pupils: number; free: number }[];
}

const pct = (pupils: number, capacity: number) =>
  capacity === 0 ? null : Number(new Dec(pupils).times(100).dividedBy(capacity).toDecimalPlaces(1).toString());

function state(capacity: number, pupils: number, grades: Record<string, number> | null): StructureSchoolState {
  const taught = grades ? Object.values(grades).filter((n) => n > 0).length : 0;
  return {
    pupils,
    free: capacity - pupils,
    utilisation: pct(pupils, capacity),
    pupilsPerGrade: grades && taught > 0 ? Number(new Dec(pupils).dividedBy(taught).toDecimalPlaces(1).toString()) : null,
    grades,
  };
}

export function computeStructureScenario(raw: unknown): StructureScenarioResult {
  const input = parseAnalysis(structureScenarioSchema, raw);
  const issues: ValidationIssue[] = duplicateIds(input.schools, 'schools');
  input.schools.forEach((s, i) => {
    if (s.grades) {
      const sum = Object.values(s.grades).reduce((a, b) => a + b, 0);
      if (sum !== s.pupils)
        issues.push({ path: `schools[${i}].grades`, message: `Elevene per trinn (${sum}) må til sammen være ${s.pupils}` });
    }
  });
  const now = new Map<string, { pupils: number; grades: Record<string, number> | null }>(
    input.schools.map((s) => [s.id, { pupils: s.pupils, grades: s.grades ? { ...s.grades } : null }]),
  );
  input.moves.forEach((mv, i) => {
    const from = now.get(mv.from);
    const to = now.get(mv.to);
    if (!from) issues.push({ path: `moves[${i}].from`, message: `Fant ikke skolen «${mv.from}»` });
    if (!to) issues.push({ path: `moves[${i}].to`, message: `Fant ikke skolen «${mv.to}»` });
    if (mv.from === mv.to) issues.push({ path: `moves[${i}].to`, message: 'Elevene må flytte til en annen skole' });
    if (!from || !to || mv.from === mv.to) return;
    if (mv.pupils > from.pupils) {
      issues.push({ path: `moves[${i}].pupils`, message: `Skolen har bare ${from.pupils} elever å flytte` });
      return;
    }
    if (mv.grade !== undefined) {
      if (!from.grades || !to.grades) {
        issues.push({ path: `moves[${i}].grade`, message: 'Begge skolene må ha elever per trinn for å flytte et trinn' });
        return;
      }
      const available = from.grades[mv.grade] ?? 0;
      if (mv.pupils > available) {
        issues.push({ path: `moves[${i}].pupils`, message: `${mv.grade}. trinn har bare ${available} elever å flytte` });
        return;
      }
      from.grades[mv.grade] = available - mv.pupils;
      to.grades[mv.grade] = (to.grades[mv.grade] ?? 0) + mv.pupils;
    } else if (from.grades || to.grades) {
      issues.push({ path: `moves[${i}].grade`, message: 'Oppgi trinnet når skolene har elever per trinn' });
      return;
    }
    from.pupils -= mv.pupils;
    to.pupils += mv.pupils;
  });
  if (issues.length) throw new AnalysisInputError(issues);

  const schools = input.schools.map((s) => {
    const after = now.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      capacity: s.capacity,
      before: state(s.capacity, s.pupils, s.grades ?? null),
      after: state(s.capacity, after.pupils, after.grades),
      forecast: (s.forecast ?? []).map((f) => ({ year: f.year, pupils: f.pupils, free: s.capacity - f.pupils })),
    };
  });
  const sum = (f: (s: StructureSchoolResult) => number) => schools.reduce((a, s) => a + f(s), 0);
  const years = [...new Set(schools.flatMap((s) => s.forecast.map((f) => f.year)))].sort((a, b) => a - b);
  return {
    schools,
    totals: {
      capacity: sum((s) => s.capacity),
      before: { pupils: sum((s) => s.before.pupils), free: sum((s) => s.before.free) },
      after: { pupils: sum((s) => s.after.pupils), free: sum((s) => s.after.free) },
    },
    overCapacityAfter: schools.filter((s) => s.after.free < 0).map((s) => s.id),
    forecastTotals: years.map((y) => {
      const rows = schools.flatMap((s) => s.forecast.filter((f) => f.year === y));
      return { year: y, pupils: rows.reduce((a, f) => a + f.pupils, 0), free: rows.reduce((a, f) => a + f.free, 0) };
    }),
  };
}
