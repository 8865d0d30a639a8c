import type { AllocationInput, Stage } from '../src/engine/index.js';

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The same arithmetic as the engine in plain floating point: the baseline the exact engine is
 * measured against. It produces the same numbers the engine's result holds (each cell and its
 * amount per pupil, unit totals rounded to the frame by largest remainder, per-pupil totals,
 * differences against budget, each criterion's amount, share, rates and average) in the same
 * shape, with JavaScript numbers instead of exact integers. Not used anywhere but the benchmark.
 * It handles what the synthetic models use: counts, hours and money rates, the `unit` driver.
 */
export function allocateFloat(input: AllocationInput, rateOverride?: { criterion: string; factor: number }) {
  const units = input.units;
  const rates = input.criteria.map((c) => {
    const out: Partial<Record<Stage, number>> = {};
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
      out[stage] = v;
    }
    return out;
  });
  const pupils = units.map((u) => Number(u.counts?.pupils ?? 0));
  const lines = input.criteria.map((c, li) =>
    units.map((u) => {
      const driver = c.driver === 'unit' ? 1 : Number(u.counts?.[c.driver] ?? 0);
      return rates[li]![u.stage]! * driver;
    }),
  );
  let unscaled = 0;
  for (const line of lines) for (const a of line) unscaled += a;
  let adjustments = 0;
  for (const a of input.adjustments ?? []) adjustments += Number(a.amount);
  const frame =
    input.mode !== 'distribution'
      ? unscaled + adjustments
      : input.frame != null
        ? Number(input.frame)
        : unscaled + adjustments + Number(input.frameChange ?? 0);
  const scale = input.mode === 'distribution' ? (frame - adjustments) / unscaled : 1;
  const scaled = lines.map((line) => line.map((a) => a * scale));
  const totals = units.map((_, i) => scaled.reduce((s, line) => s + line[i]!, 0));
  const floors = totals.map(Math.floor);
  let remaining = Math.round(frame) - floors.reduce((s, f) => s + f, 0);
  const order = totals.map((t, i) => ({ i, f: t - floors[i]!, key: units[i]!.id })).sort((a, b) => b.f - a.f || (a.key < b.key ? -1 : 1));
  for (let k = 0; remaining > 0; k++, remaining--) floors[order[k % order.length]!.i]! += 1;

  const lineIds = input.criteria.map((c) => c.id);
  const unitResults = units.map((u, i) => {
    const criteria: Record<string, { amount: number; perPupil: number | null }> = {};
    let criteriaTotal = 0;
    for (let li = 0; li < scaled.length; li++) {
      const amount = scaled[li]![i]!;
      criteriaTotal += amount;
      criteria[lineIds[li]!] = { amount: round2(amount), perPupil: pupils[i] === 0 ? null : round2(amount / pupils[i]!) };
    }
    const total = floors[i]!;
    const budget = u.currentBudget === undefined ? undefined : Number(u.currentBudget);
    return {
      id: u.id,
      name: u.name,
      stage: u.stage,
      pupils: pupils[i]!,
      criteria,
      criteriaTotal: round2(criteriaTotal),
      total,
      totalPerPupil: pupils[i] === 0 ? null : round2(total / pupils[i]!),
      againstBudget:
        budget === undefined
          ? null
          : { budget, nok: round2(total - budget), pct: budget === 0 ? null : round2(((total - budget) / budget) * 100) },
    };
  });
  const totalPupils = pupils.reduce((s, p) => s + p, 0);
  const criteria = input.criteria.map((c, li) => {
    const amount = scaled[li]!.reduce((s, a) => s + a, 0);
    const r: Record<string, { base: number; scaled: number }> = {};
    for (const [stage, v] of Object.entries(rates[li]!)) r[stage] = { base: round2(v), scaled: round2(v * scale) };
    return {
      id: c.id,
      label: c.label,
      amount: round2(amount),
      sharePct: round2((amount / frame) * 100),
      rates: r,
      perPupil: round2(amount / totalPupils),
    };
  });
  return { scale, frame: Math.round(frame), units: unitResults, criteria };
}
