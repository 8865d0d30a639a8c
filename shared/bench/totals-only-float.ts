import type { AllocationInput } from '../src/engine/index.js';

/**
 * Only the unit totals, in plain floating point: no per-pupil figures, no shares, no result
 * objects. A lower bound shown beside the baseline in the benchmark, not the baseline itself.
 */
export function totalsOnlyFloat(input: AllocationInput, rateOverride?: { criterion: string; factor: number }) {
  const units = input.units;
  const lines = input.criteria.map((c) => {
    const rates: Record<string, number> = {};
    for (const stage of ['barnetrinn', 'ungdomstrinn'] as const) {
      const r = c.rate[stage];
      if (!r) continue;
      const cost = Number(input.hourCost[stage] ?? 0);
      let v =
        'nok' in r
          ? Number(r.nok)
          : 'weeklyHours' in r
            ? Number(r.weeklyHours) * Number(input.teachingWeeks) * cost * (1 + Number(r.uplift ?? 0))
            : Number(r.annualHours) * cost;
      if (rateOverride?.criterion === c.id) v *= rateOverride.factor;
      rates[stage] = v;
    }
    return units.map((u) => {
      const driver = c.driver === 'unit' ? 1 : Number(u.counts?.[c.driver] ?? 0);
      return rates[u.stage]! * driver;
    });
  });
  let unscaled = 0;
  for (const line of lines) for (const a of line) unscaled += a;
  const frame = input.frame != null ? Number(input.frame) : unscaled + Number(input.frameChange ?? 0);
  const scale = input.mode === 'distribution' ? frame / unscaled : 1;
  const scaled = lines.map((line) => line.map((a) => a * scale));
  const totals = units.map((_, i) => scaled.reduce((s, line) => s + line[i]!, 0));
  const floors = totals.map(Math.floor);
  let remaining = Math.round(frame) - floors.reduce((s, f) => s + f, 0);
  const order = totals.map((t, i) => ({ i, f: t - floors[i]! })).sort((a, b) => b.f - a.f);
  for (let k = 0; remaining > 0; k++, remaining--) floors[order[k % order.length]!.i]! += 1;
  return { scale, totals: floors, scaled };
}
