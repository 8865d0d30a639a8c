import { createHash } from 'node:crypto';
import { INPUT_FORMAT, withRateOverrides, type AllocationInputDraft, type UnitInput } from '@samrad/shared/engine';

export interface ScenarioParts {
  frame: string | number | null;
  frameChange: string | number | null;
  overrides: { criterion: string; stage: 'barnetrinn' | 'ungdomstrinn'; rate: Record<string, number> }[];
  adjustments: { unit: string; amount: string | number; reason: string }[];
}

/** Builds the engine's interchange input from a model version, a dataset and a scenario's parameters. */
export function buildInput(model: Record<string, unknown>, units: UnitInput[], s: ScenarioParts): AllocationInputDraft {
  const criteria = withRateOverrides((model.criteria as { id: string; rate: Record<string, unknown> }[] | undefined) ?? [], s.overrides);
  const distribution = s.frame !== null || s.frameChange !== null;
  return {
    ...(model as object),
    format: INPUT_FORMAT,
    criteria,
    units,
    mode: distribution ? 'distribution' : ((model.mode as 'allocation' | 'distribution' | undefined) ?? 'allocation'),
    frame: s.frame === null ? ((model.frame as number | null | undefined) ?? null) : Number(s.frame),
    frameChange: s.frameChange === null ? null : Number(s.frameChange),
    adjustments: s.adjustments.map((a) => ({ unit: a.unit, amount: Number(a.amount), reason: a.reason })),
  } as AllocationInputDraft;
}

/** JSON with sorted keys, so the same input always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const inputHash = (input: unknown) => createHash('sha256').update(canonicalJson(input)).digest('hex');

/** The model part of an interchange document (everything but the units). */
export function modelOf(doc: Record<string, unknown>): Record<string, unknown> {
  const { units: _units, adjustments: _adjustments, format: _format, ...model } = doc;
  return model;
}
