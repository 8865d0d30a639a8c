import { type Dec, ONE, ZERO, dec, toNumber } from './decimal.js';
import type { AllocationInput, RateInput, Stage } from './input-schema.js';
import type { AllocationResult, ControlPurpose, ControlRow, TeacherNormRow, UnitResult } from './result.js';

const DEFAULT_NORM = { '1-4': 15, '5-10': 20 } as const;

/**
 * Hours a control rule requires per driver unit on a stage (exact): weekly hours × teaching weeks ×
 * (1 + uplift), annual hours as given, or NOK ÷ the stage's hour cost. Null when the stage has none.
 */
export function ruleHoursPerDriver(
  rate: RateInput | undefined,
  stage: Stage,
  input: Pick<AllocationInput, 'teachingWeeks' | 'hourCost'>,
): Dec | null {
  if (!rate) return null;
  if ('weeklyHours' in rate) {
    return dec(rate.weeklyHours)
      .times(input.teachingWeeks)
      .times(ONE.plus(rate.uplift ?? 0));
  }
  if ('annualHours' in rate) return dec(rate.annualHours);
  const cost = input.hourCost[stage];
  if (cost === undefined || dec(cost).isZero()) return null;
  return dec(rate.nok).div(cost);
}

/** The purposes of the control calculation in order: those named in `purposes`, the rules', then those given only per unit. */
export function controlPurposes(control: NonNullable<AllocationInput['control']>): ControlPurpose[] {
  const out: ControlPurpose[] = [];
  const seen = new Set<string>();
  for (const p of control.purposes ?? []) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ id: p.id, label: p.label });
  }
  for (const r of control.rules ?? []) {
    if (seen.has(r.purpose)) continue;
    seen.add(r.purpose);
    out.push({ id: r.purpose, label: r.label });
  }
  for (const hours of Object.values(control.requiredHours ?? {})) {
    for (const purpose of Object.keys(hours)) {
      if (seen.has(purpose)) continue;
      seen.add(purpose);
      out.push({ id: purpose, label: purpose });
    }
  }
  return out;
}

/**
 * Required hours of one unit by purpose (exact): each rule's hours per driver unit × the unit's driver
 * value, summed by purpose; hours given for the unit and a purpose replace the rules' for that purpose.
 */
export function requiredHoursOf(
  input: AllocationInput,
  unitIndex: number,
  driverValue: (driver: string, unitIndex: number) => Dec,
): Map<string, Dec> {
  const control = input.control!;
  const unit = input.units[unitIndex]!;
  const out = new Map<string, Dec>();
  for (const r of control.rules ?? []) {
    const perDriver = ruleHoursPerDriver(r.hours[unit.stage], unit.stage, input);
    const hours = perDriver === null ? ZERO : perDriver.times(driverValue(r.driver, unitIndex));
    out.set(r.purpose, (out.get(r.purpose) ?? ZERO).plus(hours));
  }
  for (const [purpose, hours] of Object.entries(control.requiredHours?.[unit.id] ?? {})) out.set(purpose, dec(hours));
  return out;
}

/**
 * Control calculation (kontrollberegning): turns each unit's money back into frame hours (÷ the
 * stage's hour cost) and sets them against the hours required by law and agreements, by purpose.
 * What remains is free to distribute; a negative remainder is flagged. Units are those the rules
 * cover (every unit, when there are rules) and those given hours; a unit without an hour cost has no row.
 * Also checks the teacher norm (lærernorm) where group data is given.
 */
export function controlCalculation(
  input: AllocationInput,
  units: UnitResult[],
  totals: readonly Dec[],
  pupils: readonly Dec[],
  driverValue: (driver: string, unitIndex: number) => Dec,
): NonNullable<AllocationResult['control']> {
  const control = input.control!;
  const rows: ControlRow[] = [];
  const flagged: string[] = [];
  const purposes = controlPurposes(control);
  const hasRules = (control.rules ?? []).length > 0;
  units.forEach((u, i) => {
    const given = control.requiredHours?.[u.id];
    const cost = input.hourCost[u.stage];
    if ((!hasRules && !given) || cost === undefined || dec(cost).isZero()) return;
    const hourCost = dec(cost);
    const frameHours = totals[i]!.div(hourCost);
    const required = requiredHoursOf(input, i, driverValue);
    let requiredTotal = ZERO;
    const requiredHours: Record<string, number> = {};
    for (const p of purposes) {
      const hours = required.get(p.id);
      if (hours === undefined) continue;
      requiredTotal = requiredTotal.plus(hours);
      requiredHours[p.id] = toNumber(hours);
    }
    const free = frameHours.minus(requiredTotal);
    const p = pupils[i]!;
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
      freeHoursPerPupil: p.isZero() ? null : toNumber(free.div(p)),
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
  return { purposes, rows, teacherNorm, flagged };
}
