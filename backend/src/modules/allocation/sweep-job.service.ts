import type { DataSource } from 'typeorm';
import { allocate, type AllocationInput } from '@samrad/shared/engine';
import type { JobPayload } from '../../platform/queue/jobs.js';

interface SweepParameter {
  criterion: string;
  stage: 'barnetrinn' | 'ungdomstrinn';
  from: number;
  to: number;
  steps: number;
}

/** Sets the one varied parameter: the rate's money or hours, whichever it is given in. */
function withRate(input: AllocationInput, p: SweepParameter, value: number): AllocationInput {
  return {
    ...input,
    criteria: input.criteria.map((c) => {
      if (c.id !== p.criterion) return c;
      const rate = c.rate[p.stage]!;
      const next = 'nok' in rate ? { nok: value } : 'weeklyHours' in rate ? { ...rate, weeklyHours: value } : { annualHours: value };
      return { ...c, rate: { ...c.rate, [p.stage]: next } };
    }),
  };
}

/**
 * Runs a sensitivity analysis: the scenario recomputed for each value of one rate, reporting
 * progress as it goes, and the per-unit totals stored when done. Re-running a finished sweep does nothing.
 */
export async function runSweep(
  db: DataSource,
  payload: JobPayload<'allocation.sweep'>,
  progress: (pct: number) => Promise<void>,
): Promise<void> {
  const rows: { scenario_id: string; parameter: SweepParameter; status: string }[] = await db.query(
    `SELECT scenario_id, parameter, status FROM sweep WHERE id = $1`,
    [payload.sweepId],
  );
  const sweep = rows[0];
  if (!sweep || sweep.status === 'done') return;
  const [stored]: { input: AllocationInput }[] = await db.query(
    `SELECT r.input FROM scenario_result r JOIN scenario s ON s.id = r.scenario_id AND r.scenario_version = s.version WHERE s.id = $1`,
    [sweep.scenario_id],
  );
  await db.query(`UPDATE sweep SET status = 'running', progress = 0 WHERE id = $1`, [payload.sweepId]);
  const p = sweep.parameter;
  const points: { value: number; scale: number; total: number; units: Record<string, number> }[] = [];
  let reported = -1;
  try {
    for (let i = 0; i < p.steps; i++) {
      const value = p.from + ((p.to - p.from) * i) / (p.steps - 1);
      const result = allocate(withRate(stored!.input, p, Math.round(value * 100) / 100));
      points.push({
        value: Math.round(value * 100) / 100,
        scale: result.scale,
        total: result.total,
        units: Object.fromEntries(result.units.map((u) => [u.id, u.total])),
      });
      const pct = Math.floor(((i + 1) / p.steps) * 100);
      if (pct >= reported + 5 || i === p.steps - 1) {
        reported = pct;
        await db.query(`UPDATE sweep SET progress = $2 WHERE id = $1`, [payload.sweepId, pct]);
        await progress(pct);
      }
    }
    await db.query(`UPDATE sweep SET status = 'done', progress = 100, result = $2, finished_at = now() WHERE id = $1`, [
      payload.sweepId,
      JSON.stringify({ points }),
    ]);
  } catch (error) {
    await db.query(`UPDATE sweep SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
      payload.sweepId,
      (error as Error).message,
    ]);
    throw error;
  }
}
