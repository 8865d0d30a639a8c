/**
 * The rules on a savings plan's measures that a change of the plan must keep (pure; the service loads what they need):
 * an adopted measure is read-only, «adopted» is never set by hand, and a consequence assessment changes only by its
 * unit leaders (MEASURE_ASSESSORS in analysis.service.ts).
 */
import type { AnalysisKind, FieldError } from '@samrad/shared/contracts';

export interface StoredMeasure {
  id: string;
  title: string;
  status?: string;
  ownerId?: string | null;
  school?: string;
  assessment?: { pupils?: string; parents?: string; staff?: string };
  [field: string]: unknown;
}

export const measuresOf = (kind: AnalysisKind, input: Record<string, unknown>): StoredMeasure[] =>
  kind === 'savings' && Array.isArray(input.measures) ? (input.measures as StoredMeasure[]) : [];

export const assessmentOf = (m: StoredMeasure | undefined) => ({
  pupils: m?.assessment?.pupils ?? '',
  parents: m?.assessment?.parents ?? '',
  staff: m?.assessment?.staff ?? '',
});

/** A school's name as memberships and measures write it, compared without case and outer spaces. */
export const schoolKey = (school: string | null | undefined) => (school ?? '').trim().toLocaleLowerCase('nb');

/** JSON values compared by content (the order of an object's keys does not count). */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * What a new list of measures may not do to the stored one: change or drop an adopted measure, mark one adopted by
 * hand, or change an assessment the caller may not write (`mayAssess` is asked with the stored measure, or the new one
 * when it is new, so nobody makes themselves its owner and writes the assessment in the same change).
 */
export function measureChanges(
  before: StoredMeasure[],
  after: StoredMeasure[],
  adopted: ReadonlySet<string>,
  mayAssess: (m: StoredMeasure) => boolean,
  assessorsOnly: string,
): FieldError[] {
  const errors: FieldError[] = [];
  after.forEach((m, i) => {
    const prev = before.find((b) => b.id === m.id);
    if (adopted.has(m.id)) {
      if (!prev || !sameJson(prev, m))
        errors.push({ path: `input.measures[${i}]`, message: `Tiltaket «${prev?.title ?? m.title}» er vedtatt og kan ikke endres` });
      return;
    }
    if (m.status === 'adopted' && prev?.status !== 'adopted')
      errors.push({
        path: `input.measures[${i}].status`,
        message: 'Et tiltak blir vedtatt gjennom et vedtak i saken, ikke ved å sette status',
      });
    if (!sameJson(assessmentOf(prev), assessmentOf(m)) && !mayAssess(prev ?? m))
      errors.push({ path: `input.measures[${i}].assessment`, message: assessorsOnly });
  });
  for (const id of adopted) {
    const prev = before.find((b) => b.id === id);
    if (prev && !after.some((m) => m.id === id))
      errors.push({ path: 'input.measures', message: `Det vedtatte tiltaket «${prev.title}» kan ikke fjernes` });
  }
  return errors;
}
