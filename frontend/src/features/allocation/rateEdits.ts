import { numberOf } from '../../lib/numbers.js';
import { withRateOverrides, type AllocationInput, type RateInput, type RateOverride, type Stage } from '@samrad/shared/engine';

/** The number a person edits for a rate, in its own unit: kroner, weekly hours or annual hours. */
export function rateValue(rate: RateInput): { value: number; unit: 'nok' | 'weeklyHours' | 'annualHours' } {
  if ('nok' in rate) return { value: Number(rate.nok), unit: 'nok' };
  if ('weeklyHours' in rate) return { value: Number(rate.weeklyHours), unit: 'weeklyHours' };
  return { value: Number(rate.annualHours), unit: 'annualHours' };
}

/** A rate as typed; NaN when it is not a number. */
const parse = (s: string) => {
  const n = numberOf(s);
  return typeof n === 'number' ? n : NaN;
};

/** The edited rates (key `criterion:stage` → text) as overrides, leaving out unchanged and empty ones; the first bad entry otherwise. */
export function overridesFrom(
  input: AllocationInput,
  edits: Record<string, string>,
): RateOverride[] | { invalid: { key: string; text: string; criterion: string } } {
  const out: RateOverride[] = [];
  for (const c of input.criteria) {
    for (const [stage, rate] of Object.entries(c.rate) as [Stage, RateInput][]) {
      const text = edits[`${c.id}:${stage}`];
      if (text === undefined || text.trim() === '') continue;
      const value = parse(text);
      if (!Number.isFinite(value) || value < 0) return { invalid: { key: `${c.id}:${stage}`, text, criterion: c.label } };
      const current = rateValue(rate);
      if (value === current.value) continue;
      const next: RateInput =
        current.unit === 'nok'
          ? { nok: value }
          : current.unit === 'weeklyHours'
            ? { weeklyHours: value, ...('uplift' in rate && rate.uplift !== undefined ? { uplift: Number(rate.uplift) } : {}) }
            : { annualHours: value };
      out.push({ criterion: c.id, stage, rate: next });
    }
  }
  return out;
}

/** The scenario's input with the overrides applied (the shared engine's rule, as on the server). */
export function withOverrides(input: AllocationInput, overrides: readonly RateOverride[]): AllocationInput {
  return overrides.length === 0 ? input : { ...input, criteria: withRateOverrides(input.criteria, overrides) };
}
