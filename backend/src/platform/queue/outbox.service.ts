import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, type JobName, type JobPayload } from './jobs.js';

@Injectable()
export class OutboxService {
  /**
   * Queues a job inside the caller's transaction. `dedupKey` becomes the BullMQ job id, so the same
   * notification is never queued twice; writing it again is a no-op.
   */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    job: N,
    payload: JobPayload<N>,
    options: { dedupKey: string; runAt?: Date },
  ): Promise<void> {
    JOBS[job].parse(payload);
    await manager.query(`INSERT INTO outbox (job, payload, dedup_key, run_at) VALUES ($1, $2, $3, $4) ON CONFLICT (dedup_key) DO NOTHING`, [
      job,
      JSON.stringify(payload),
      options.dedupKey,
      options.runAt ?? null,
    ]);
  }
}
