import { Dec as Decimal } from './decimal.js';
import { z } from 'zod';
import { allocationInputSchema, BUILT_IN_DRIVERS, STAGES, type AllocationInput, type BuiltInDriver, type Stage } from './input-schema.js';

export interface ValidationIssue {
  /** Where the problem is, e.g. `units[3].counts.pupils`. */
  path: string;
  /** What is wrong, in Norwegian. */
  message: string;
}

export type ValidationResult = { ok: true; input: AllocationInput } | { ok: false; errors: ValidationIssue[] };

const noLocale = z.locales.no().localeError;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

const STAGE_LABEL: Record<Stage, string> = { barnetrinn: 'barnetrinn', ungdomstrinn: 'ungdomstrinn' };

const DRIVER_COUNT_KEY: Record<Exclude<BuiltInDriver, 'unit'>, string> = {
  pupils: 'pupils',
  gradesTaught: 'gradesTaught',
  highNeedsPupils: 'highNeedsPupils',
  minorityPupils: 'minorityPupils',
  seniorReducedHours: 'seniorReducedHours',
};

function isBuiltIn(driver: string): driver is BuiltInDriver {
  return (BUILT_IN_DRIVERS as readonly string[]).includes(driver);
}

/**
 * Validates an interchange document: first its shape (zod, Norwegian messages), then the rules
 * that span fields (drivers, stages with rates, unit ids, frame against adjustments, …).
 */
export function validateAllocationInput(raw: unknown): ValidationResult {
  const parsed = allocationInputSchema.safeParse(raw, { error: noLocale });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const input = parsed.data;
  const errors: ValidationIssue[] = [];
  const add = (path: ReadonlyArray<PropertyKey>, message: string) => errors.push({ path: formatPath(path), message });

  const custom = new Set((input.customDrivers ?? []).map((d) => d.id));
  const validDrivers = [...BUILT_IN_DRIVERS, ...custom];

  const unitIds = new Map<string, number>();
  input.units.forEach((u, i) => {
    const first = unitIds.get(u.id);
    if (first !== undefined) add(['units', i, 'id'], `Enhets-id «${u.id}» er brukt før (enhet nr. ${first + 1})`);
    else unitIds.set(u.id, i);
    if (!u.counts && !u.schoolYears) add(['units', i, 'counts'], `Enheten «${u.name}» mangler tall (counts eller schoolYears)`);
    if (u.counts && u.schoolYears) add(['units', i, 'schoolYears'], `Enheten «${u.name}» kan ikke ha både counts og schoolYears`);
    const knownCounts = new Set<string>([...Object.values(DRIVER_COUNT_KEY), ...custom]);
    const maps = u.counts ? [['counts', u.counts] as const] : (u.schoolYears ?? []).map((m, y) => [`schoolYears`, m, y] as const);
    for (const entry of maps) {
      const [key, map] = entry;
      for (const name of Object.keys(map)) {
        if (!knownCounts.has(name)) {
          const path = entry.length === 3 ? ['units', i, key, entry[2], name] : ['units', i, key, name];
          add(path, `Ukjent driver «${name}». Gyldige drivere: ${[...knownCounts].join(', ')}`);
        }
      }
    }
  });

  const criterionIds = new Set<string>();
  input.criteria.forEach((c, ci) => {
    if (criterionIds.has(c.id)) add(['criteria', ci, 'id'], `Kriterie-id «${c.id}» er brukt før`);
    criterionIds.add(c.id);
    if (!isBuiltIn(c.driver) && !custom.has(c.driver)) {
      add(['criteria', ci, 'driver'], `Ukjent driver «${c.driver}». Gyldige drivere: ${validDrivers.join(', ')}`);
    }
    if (c.gradeWeights && c.driver !== 'pupils') {
      add(['criteria', ci, 'gradeWeights'], 'Vekting per trinn kan bare brukes med driveren «pupils»');
    }
    const stagesInUse = new Set(input.units.map((u) => u.stage));
    for (const stage of stagesInUse) {
      const rate = c.rate[stage];
      if (!rate) {
        const unit = input.units.find((u) => u.stage === stage);
        add(
          ['criteria', ci, 'rate', stage],
          `Kriteriet «${c.label}» mangler sats for ${STAGE_LABEL[stage]}, som enheten «${unit?.name}» hører til`,
        );
        continue;
      }
      if (('weeklyHours' in rate || 'annualHours' in rate) && input.hourCost[stage] === undefined) {
        add(['hourCost', stage], `Timekostnad for ${STAGE_LABEL[stage]} mangler, men kriteriet «${c.label}» har sats i timer`);
      }
    }
    if (c.gradeWeights) {
      input.units.forEach((u, ui) => {
        if (!u.gradeCounts)
          add(['units', ui, 'gradeCounts'], `Enheten «${u.name}» mangler elevtall per trinn, som kriteriet «${c.label}» vekter`);
      });
    }
    if (c.driver === 'gradesTaught') {
      input.units.forEach((u, ui) => {
        const has = u.counts?.gradesTaught !== undefined || u.schoolYears?.some((y) => y.gradesTaught !== undefined) || u.gradeCounts;
        if (!has) add(['units', ui, 'counts', 'gradesTaught'], `Enheten «${u.name}» mangler antall trinn (gradesTaught)`);
      });
    }
  });

  (input.pots ?? []).forEach((p, pi) => {
    if (criterionIds.has(p.id)) add(['pots', pi, 'id'], `Pott-id «${p.id}» er også brukt av et kriterium`);
    const sum = Object.values(p.keys).reduce<Decimal>((s, v) => s.plus(v ?? 0), new Decimal(0));
    if (!sum.eq(1))
      add(['pots', pi, 'keys'], `Fordelingsnøklene i potten «${p.label}» må summere til 1 (100 %), men summerer til ${sum.toString()}`);
    if (p.keys.fte !== undefined && Number(p.keys.fte) > 0) {
      input.units.forEach((u, ui) => {
        if (u.fte === undefined)
          add(['units', ui, 'fte'], `Enheten «${u.name}» mangler årsverk (fte), som potten «${p.label}» fordeler etter`);
      });
    }
  });

  (input.adjustments ?? []).forEach((a, ai) => {
    if (!unitIds.has(a.unit)) add(['adjustments', ai, 'unit'], `Justeringen gjelder en ukjent enhet «${a.unit}»`);
  });
  for (const id of Object.keys(input.currentBudget ?? {})) {
    if (!unitIds.has(id)) add(['currentBudget', id], `Budsjettet gjelder en ukjent enhet «${id}»`);
  }
  if (input.control) {
    for (const id of Object.keys(input.control.requiredHours ?? {})) {
      if (!unitIds.has(id)) add(['control', 'requiredHours', id], `Kontrollberegningen gjelder en ukjent enhet «${id}»`);
    }
    const rules = input.control.rules ?? [];
    const stagesInUse = new Set(input.units.map((u) => u.stage));
    const labels = new Map<string, string>((input.control.purposes ?? []).map((p) => [p.id, p.label]));
    rules.forEach((r, ri) => {
      if (!isBuiltIn(r.driver) && !custom.has(r.driver)) {
        add(['control', 'rules', ri, 'driver'], `Ukjent driver «${r.driver}». Gyldige drivere: ${validDrivers.join(', ')}`);
      }
      const label = labels.get(r.purpose);
      if (label === undefined) labels.set(r.purpose, r.label);
      else if (label !== r.label)
        add(
          ['control', 'rules', ri, 'label'],
          `Formålet «${r.purpose}» har allerede navnet «${label}»; regler for samme formål må ha samme navn`,
        );
      for (const stage of STAGES) {
        const hours = r.hours[stage];
        if (hours && 'nok' in hours && stagesInUse.has(stage) && input.hourCost[stage] === undefined) {
          add(
            ['control', 'rules', ri, 'hours', stage],
            `Regelen «${r.label}» er gitt i kroner, men timekostnad for ${STAGE_LABEL[stage]} mangler`,
          );
        }
      }
    });
    if (rules.length > 0) {
      for (const stage of stagesInUse) {
        if (input.hourCost[stage] === undefined || Number(input.hourCost[stage]) === 0) {
          add(['hourCost', stage], `Timekostnad for ${STAGE_LABEL[stage]} mangler; kontrollberegningen regner rammen om til timer med den`);
        }
      }
    }
  }

  const hasFrame = input.frame !== undefined && input.frame !== null;
  const hasChange = input.frameChange !== undefined && input.frameChange !== null;
  if (hasFrame && hasChange) add(['frameChange'], 'Oppgi enten ramme (frame) eller rammeendring (frameChange), ikke begge');
  if (input.mode === 'distribution' && !hasFrame && !hasChange) {
    add(['frame'], 'Fordelingsmodus krever en ramme (frame) eller en rammeendring (frameChange)');
  }
  if (hasFrame) {
    const adjustments = (input.adjustments ?? []).reduce((s, a) => s.plus(a.amount), new Decimal(0));
    if (new Decimal(input.frame!).lte(adjustments)) {
      add(['frame'], `Rammen (${input.frame}) må være større enn summen av justeringene (${adjustments.toString()})`);
    }
  }
  if (input.countWeights && new Decimal(input.countWeights[0]).plus(input.countWeights[1]).isZero()) {
    add(['countWeights'], 'Vektene for de to skoleårene kan ikke begge være 0');
  }

  return errors.length ? { ok: false, errors } : { ok: true, input };
}

export class AllocationInputError extends Error {
  constructor(public readonly errors: ValidationIssue[]) {
    super(`Ugyldig modellinput: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'AllocationInputError';
  }
}

/** Validates and returns the input, or throws {@link AllocationInputError}. */
export function parseAllocationInput(raw: unknown): AllocationInput {
  const result = validateAllocationInput(raw);
  if (!result.ok) throw new AllocationInputError(result.errors);
  return result.input;
}
