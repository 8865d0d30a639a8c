import { type Dec, ZERO, dec, toNumber } from './decimal.js';
import type { AllocationInput } from './input-schema.js';
import type { AllocationResult, ControlRow, TeacherNormRow, UnitResult } from './result.js';

const DEFAULT_NORM = { '1-4': 15, '5-10': 20 } as const;

/**
 * Control calculation (kontrollberegning): turns each unit's money back into frame hours and sets
 * them against the hours required by law and agreements. A negative free remainder is flagged.
 * Also checks the teacher norm (lærernorm) where group data is given.
 */
export function controlCalculation(
  input: AllocationInput,
  units: UnitResult[],
  totals: readonly Dec[],
  pupils: readonly Dec[],
): NonNullable<AllocationResult['control']> {
  const control = input.control!;
  const rows: ControlRow[] = [];
  const flagged: string[] = [];
  units.forEach((u, i) => {
    const required = control.requiredHours[u.id];
    const cost = input.hourCost[u.stage];
    if (!required || cost === undefined) return;
    const hourCost = dec(cost);
    const frameHours = totals[i]!.div(hourCost);
    let requiredTotal = ZERO;
    const requiredHours: Record<string, number> = {};
    for (const [purpose, hours] of Object.entries(required)) {
      requiredTotal = requiredTotal.plus(hours);
      requiredHours[purpose] = toNumber(dec(hours));
    }
    const free = frameHours.minus(requiredTotal);
    const p = pupils[i]!;
    const freePerPupil = p.isZero() ? null : toNumber(free.div(p));
    const belowZero = free.isNegative();
    if (belowZero) flagged.push(u.id);
    rows.push({
      unit: u.id,
      hourCost: toNumber(hourCost),
      frameHours: toNumber(frameHours),
      frameHoursPerPupil: p.isZero() ? null : toNumber(frameHours.div(p)),
      requiredHours,
      requiredTotal: toNumber(requiredTotal),
      freeHours: toNumber(free),
      freeHoursPerPupil: freePerPupil,
      belowZero,
    });
  });

  const limits = control.normLimits ?? DEFAULT_NORM;
  const teacherNorm: TeacherNormRow[] = [];
  for (const [unit, groups] of Object.entries(control.teacherNorm ?? {})) {
    for (const g of groups) {
      const limit = Number(limits[g.grades]);
      const teachers = dec(g.teacherFte);
      const ratio = teachers.isZero() ? null : dec(g.pupils).div(teachers);
      const breach = ratio === null ? Number(g.pupils) > 0 : ratio.gt(limit);
      teacherNorm.push({ unit, grades: g.grades, pupilsPerTeacher: ratio === null ? null : toNumber(ratio), limit, breach });
      if (breach && !flagged.includes(unit)) flagged.push(unit);
    }
  }
  return { rows, teacherNorm, flagged };
}
