import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_MUNICIPALITY_FROM, JOBS, type JobName, type JobPayload } from './jobs.js';

@Injectable()
export class OutboxService {
  /**
   * Queues a job inside the caller's transaction. `dedupKey` becomes the BullMQ job id, so the same
   * notification is never queued twice; writing it again is a no-op. A payload that names a row
   * (JOB_MUNICIPALITY_FROM) gets that row's municipality, so each municipality sees its own jobs.
   */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    job: N,
    payload: JobPayload<N>,
    options: { dedupKey: string; runAt?: Date },
  ): Promise<void> {
    JOBS[job].parse(payload);
    const from = JOB_MUNICIPALITY_FROM[job];
    const fields = payload as Record<string, unknown>;
    if (from && fields.municipalityId === undefined) {
      const [row]: { municipality_id: string }[] = await manager.query(`SELECT municipality_id FROM ${from.table} WHERE id = $1`, [
        fields[from.idField],
      ]);
      if (row) payload = { ...payload, municipalityId: row.municipality_id };
    }
    await manager.query(`INSERT INTO outbox (job, payload, dedup_key, run_at) VALUES ($1, $2, $3, $4) ON CONFLICT (dedup_key) DO NOTHING`, [
      job,
      JSON.stringify(payload),
      options.dedupKey,
      options.runAt ?? null,
    ]);
  }
}
