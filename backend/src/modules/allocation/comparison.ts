import type { AllocationResult } from '@samrad/shared/engine';

const pct = (diff: number, base: number) => (base === 0 ? null : Math.round((diff / base) * 10000) / 100);
const round2 = (v: number) => Math.round(v * 100) / 100;

/** Per unit and criterion: this scenario against another, in NOK and %. */
export function compareResults(a: AllocationResult, b: AllocationResult) {
  const byId = new Map(b.units.map((u) => [u.id, u]));
  const criteria = [...new Set([...a.criteria.map((c) => c.id), ...b.criteria.map((c) => c.id)])];
  return a.units.map((u) => {
    const other = byId.get(u.id);
    const otherTotal = other?.total ?? 0;
    return {
      unitId: u.id,
      name: u.name,
      total: u.total,
      against: otherTotal,
      diffNok: u.total - otherTotal,
      diffPct: pct(u.total - otherTotal, otherTotal),
      criteria: Object.fromEntries(
        criteria.map((id) => {
          const x = u.criteria[id]?.amount ?? 0;
          const y = other?.criteria[id]?.amount ?? 0;
          return [id, { amount: x, against: y, diffNok: round2(x - y), diffPct: pct(x - y, y) }];
        }),
      ),
    };
  });
}

/** Per unit: the model's total against the current budget (or last year's), in NOK and %. */
export function compareWithBudget(a: AllocationResult, which: 'budget' | 'lastYear') {
  return a.units.map((u) => {
    const d = which === 'budget' ? u.againstBudget : u.againstLastYear;
    return { unitId: u.id, name: u.name, total: u.total, against: d?.budget ?? null, diffNok: d?.nok ?? null, diffPct: d?.pct ?? null };
  });
}
