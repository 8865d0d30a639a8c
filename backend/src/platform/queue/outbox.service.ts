import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOBS, type JobName, type JobPayload } from './jobs.js';
import { OutboxMessage } from './outbox.entity.js';

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
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ job, payload: payload as object, dedupKey: options.dedupKey, runAt: options.runAt ?? null })
      .orIgnore()
      .execute();
  }
}
