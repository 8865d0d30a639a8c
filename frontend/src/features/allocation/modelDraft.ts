import { z } from 'zod';
import { numberOf } from '../../lib/numbers.js';
import { allocationInputSchema, BUILT_IN_DRIVERS, POT_KEYS, STAGES, type PotKey, type Stage } from '@samrad/shared/engine';

/** What the model editor holds: every number as typed (a string), so a bad one is shown, not lost. */
export type RateKind = 'nok' | 'weeklyHours' | 'annualHours';
export interface RateDraft {
  kind: RateKind;
  value: string;
  uplift: string;
}
export interface CriterionDraft {
  key: number;
  id: string;
  label: string;
  driver: string;
  rates: Partial<Record<Stage, RateDraft>>;
}
export interface PotDraft {
  key: number;
  id: string;
  label: string;
  amount: string;
  /** Percentages as typed (20, 40, 40); the model holds shares (0.2, 0.4, 0.4). */
  keys: Record<PotKey, string>;
}
/** A control rule (kontrollregel): hours a purpose requires per driver unit, by stage. */
export interface ControlRuleDraft {
  key: number;
  purpose: string;
  label: string;
  driver: string;
  hours: Partial<Record<Stage, RateDraft>>;
}
export interface DriverDraft {
  key: number;
  id: string;
  label: string;
}
export interface ModelDraft {
  stages: Stage[];
  teachingWeeks: string;
  hourCost: Record<Stage, string>;
  criteria: CriterionDraft[];
  pots: PotDraft[];
  customDrivers: DriverDraft[];
  /** Weights of the two school years' counts (spring, autumn) as typed; both empty: equal weights. */
  countWeights: [string, string];
  controlRules: ControlRuleDraft[];
  /** The rest of a copied model's control calculation (hours given per unit, purposes' names, teacher norm), kept as it was. */
  controlRest: Record<string, unknown>;
  /** The rest of a copied model (mode, frame, budgets), kept as it was. */
  rest: Record<string, unknown>;
}

export { BUILT_IN_DRIVERS, POT_KEYS, STAGES };

let next = 1;
export const newKey = () => next++;

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).replace('.', ','));

/** The editor's draft of a stored model (as a model version holds it). */
export function draftFrom(model: Record<string, unknown>): ModelDraft {
  const {
    teachingWeeks,
    hourCost,
    criteria,
    pots,
    customDrivers,
    countWeights,
    control,
    units: _units,
    format: _format,
    adjustments: _adjustments,
    ...rest
  } = model as {
    teachingWeeks?: unknown;
    hourCost?: Partial<Record<Stage, unknown>>;
    criteria?: { id: string; label: string; driver: string; rate: Partial<Record<Stage, Record<string, unknown>>> }[];
    pots?: { id: string; label: string; amount: unknown; keys: Partial<Record<PotKey, unknown>> }[];
    customDrivers?: { id: string; label: string }[];
    countWeights?: [unknown, unknown];
    control?: {
      rules?: { purpose: string; label: string; driver: string; hours: Partial<Record<Stage, Record<string, unknown>>> }[];
    } & Record<string, unknown>;
    units?: unknown;
    format?: unknown;
    adjustments?: unknown;
  } & Record<string, unknown>;
  const usedStages = new Set<Stage>();
  for (const c of criteria ?? []) for (const s of Object.keys(c.rate ?? {}) as Stage[]) usedStages.add(s);
  for (const s of Object.keys(hourCost ?? {}) as Stage[]) usedStages.add(s);
  return {
    stages: STAGES.filter((s) => usedStages.has(s)).length ? STAGES.filter((s) => usedStages.has(s)) : [...STAGES],
    teachingWeeks: text(teachingWeeks ?? 38),
    hourCost: { barnetrinn: text(hourCost?.barnetrinn), ungdomstrinn: text(hourCost?.ungdomstrinn) },
    criteria: (criteria ?? []).map((c) => ({
      key: newKey(),
      id: c.id,
      label: c.label,
      driver: c.driver,
      rates: rateDrafts(c.rate),
    })),
    pots: (pots ?? []).map((p) => ({
      key: newKey(),
      id: p.id,
      label: p.label,
      amount: text(p.amount),
      keys: Object.fromEntries(POT_KEYS.map((k) => [k, p.keys?.[k] === undefined ? '' : text(Number(p.keys[k]) * 100)])) as Record<
        PotKey,
        string
      >,
    })),
    customDrivers: (customDrivers ?? []).map((d) => ({ key: newKey(), ...d })),
    countWeights: [text(countWeights?.[0]), text(countWeights?.[1])],
    controlRules: (control?.rules ?? []).map((r) => ({
      key: newKey(),
      purpose: r.purpose,
      label: r.label,
      driver: r.driver,
      hours: rateDrafts(r.hours),
    })),
    controlRest: (({ rules: _rules, ...other }) => other)(control ?? {}),
    rest,
  };
}

/** Rates (or a rule's hours) per stage as the editor holds them. */
function rateDrafts(rates: Partial<Record<Stage, Record<string, unknown>>> | undefined): Partial<Record<Stage, RateDraft>> {
  return Object.fromEntries(
    (Object.entries(rates ?? {}) as [Stage, Record<string, unknown>][]).map(([stage, r]) => [
      stage,
      'nok' in r
        ? { kind: 'nok', value: text(r.nok), uplift: '' }
        : 'weeklyHours' in r
          ? { kind: 'weeklyHours', value: text(r.weeklyHours), uplift: text(r.uplift === undefined ? '' : Number(r.uplift) * 100) }
          : { kind: 'annualHours', value: text(r.annualHours), uplift: '' },
    ]),
  );
}

/** An empty model: both stages, 38 teaching weeks, no criteria yet. */
export const emptyDraft = (): ModelDraft => draftFrom({ teachingWeeks: 38, mode: 'allocation' });

/** A percentage as typed, as a share (40 → 0.4), exactly enough for the engine's sum check. */
function shareOf(value: string): number | string {
  const n = numberOf(value);
  return typeof n === 'number' ? Math.round(n * 10_000) / 1_000_000 : n;
}

/** The model a draft stands for, as a model version stores it. */
export function modelOf(d: ModelDraft): Record<string, unknown> {
  const inStage = (stage: Stage) => d.stages.includes(stage);
  const model: Record<string, unknown> = {
    ...d.rest,
    teachingWeeks: numberOf(d.teachingWeeks),
    hourCost: Object.fromEntries(STAGES.filter((s) => inStage(s) && d.hourCost[s].trim() !== '').map((s) => [s, numberOf(d.hourCost[s])])),
    criteria: d.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      driver: c.driver,
      rate: ratesOf(c.rates, inStage),
    })),
  };
  const rules = d.controlRules.map((r) => ({
    purpose: r.purpose,
    label: r.label,
    driver: r.driver,
    // A stage left empty requires no hours for the purpose.
    hours: ratesOf(r.hours, (stage) => inStage(stage) && r.hours[stage]?.value.trim() !== ''),
  }));
  if (rules.length || Object.keys(d.controlRest).length) model.control = { ...d.controlRest, ...(rules.length ? { rules } : {}) };
  else delete model.control;
  if (d.pots.length)
    model.pots = d.pots.map((p) => ({
      id: p.id,
      label: p.label,
      amount: numberOf(p.amount),
      keys: Object.fromEntries(POT_KEYS.filter((k) => p.keys[k].trim() !== '').map((k) => [k, shareOf(p.keys[k])])),
    }));
  else delete model.pots;
  if (d.countWeights.some((w) => w.trim() !== '')) model.countWeights = [numberOf(d.countWeights[0]), numberOf(d.countWeights[1])];
  else delete model.countWeights;
  if (d.customDrivers.length) model.customDrivers = d.customDrivers.map((x) => ({ id: x.id, label: x.label }));
  else delete model.customDrivers;
  return model;
}

function ratesOf(rates: Partial<Record<Stage, RateDraft>>, keep: (stage: Stage) => boolean): Record<string, unknown> {
  return Object.fromEntries(
    (Object.entries(rates) as [Stage, RateDraft][])
      .filter(([stage]) => keep(stage))
      .map(([stage, r]) => [
        stage,
        r.kind === 'nok'
          ? { nok: numberOf(r.value) }
          : r.kind === 'annualHours'
            ? { annualHours: numberOf(r.value) }
            : { weeklyHours: numberOf(r.value), ...(r.uplift.trim() === '' ? {} : { uplift: shareOf(r.uplift) }) },
      ]),
  );
}

/** The model's shape, as the server checks it when a version is saved (the interchange schema without units). */
export const modelShapeSchema = allocationInputSchema.omit({ units: true, format: true });

/** A problem's path as the editor names fields: `model.criteria.0.rate.barnetrinn` and `criteria[0].rate.barnetrinn` alike become `criteria.0.rate.barnetrinn`. */
export const normalisePath = (path: string) =>
  path
    .replace(/^model\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');

/** Field problems of a model's shape, with the schema's Norwegian messages. */
export function shapeProblems(model: Record<string, unknown>): { path: string; message: string }[] {
  const r = modelShapeSchema.safeParse(model, { error: z.locales.no().localeError });
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
