import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { toJobId } from '../queue/relay.js';

/**
 * BullMQ waits for a delayed job by the system clock. When the test clock moves on, the jobs whose
 * time (the outbox row's `run_at`) has come under it are promoted, so a worker runs them now.
 * Returns the names of the jobs promoted.
 */
export async function promoteDueJobs(db: DataSource, queue: Queue, now: Date): Promise<string[]> {
  const delayed = await queue.getDelayed(0, -1);
  if (delayed.length === 0) return [];
  const rows: { dedup_key: string }[] = await db.query(`SELECT dedup_key FROM outbox WHERE run_at IS NOT NULL AND run_at <= $1`, [now]);
  const due = new Set(rows.map((r) => toJobId(r.dedup_key)));
  const promoted: string[] = [];
  for (const job of delayed) {
    if (!job.id || !due.has(job.id)) continue;
    await job.promote().catch(() => undefined); // taken by a worker meanwhile: nothing to do
    promoted.push(job.name);
  }
  return promoted;
}
