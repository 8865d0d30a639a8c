import type { DataSource } from 'typeorm';
import type { JobName, JobPayload } from './jobs.js';

export interface JobContext {
  db: DataSource;
  /** The BullMQ job id (the outbox dedup key). */
  jobId: string;
  /** Reports progress (0-100) to BullMQ. */
  progress: (pct: number) => Promise<void>;
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<void>;
export type HandlerRegistry = { [N in JobName]?: JobHandler<N> };

/**
 * Runs `effect` once per key. The key is claimed inside a transaction that commits only after the
 * effect succeeded: a duplicate job waits on the claim and then does nothing; a worker killed before
 * the commit leaves no claim, so the retried job sends again (at least once, never silently lost).
 */
export async function once(db: DataSource, key: string, effect: () => Promise<void>): Promise<boolean> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const claimed: unknown[] = await runner.query(`INSERT INTO job_done (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`, [
      key,
    ]);
    if (claimed.length === 0) {
      await runner.rollbackTransaction();
      return false;
    }
    await effect();
    await runner.commitTransaction();
    return true;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
