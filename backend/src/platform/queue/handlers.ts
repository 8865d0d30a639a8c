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
 * Runs `effect` at most once per key: the key is claimed in the same transaction that commits the
 * effect's bookkeeping, so a retried or duplicated job does nothing the second time.
 */
export async function once(db: DataSource, key: string, effect: () => Promise<void>): Promise<boolean> {
  const claimed: unknown[] = await db.query(
    `INSERT INTO job_done (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [key],
  );
  if (claimed.length === 0) return false;
  try {
    await effect();
  } catch (error) {
    await db.query(`DELETE FROM job_done WHERE key = $1`, [key]);
    throw error;
  }
  return true;
}
