import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { withTimeout } from '../async/with-timeout.js';
import { systemClock, type Clock } from '../clock/clock.js';

interface PendingRow {
  id: string;
  job: string;
  payload: unknown;
  dedup_key: string;
  run_at: Date | null;
}

/** BullMQ job ids cannot contain ':'. */
export const toJobId = (dedupKey: string) => dedupKey.replace(/:/g, '~');

/**
 * Moves outbox rows to BullMQ. Rows are locked (SKIP LOCKED) so several relays never send the same
 * row; a row is marked relayed only after Redis accepted the job, so a Redis outage delays jobs but
 * loses none. BullMQ's job id (the dedup key) makes a re-relayed row harmless.
 */
export async function relayOnce(db: DataSource, queue: Queue, batch = 200, timeoutMs = 5000, clock: Clock = systemClock): Promise<number> {
  return db.transaction(async (m) => {
    const rows: PendingRow[] = await m.query(
      `SELECT id, job, payload, dedup_key, run_at FROM outbox
        WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batch],
    );
    if (rows.length === 0) return 0;
    const added = queue.addBulk(
      rows.map((r) => ({
        name: r.job,
        data: r.payload,
        opts: { jobId: toJobId(r.dedup_key), delay: r.run_at ? Math.max(0, r.run_at.getTime() - clock.now().getTime()) : 0 },
      })),
    );
    // While Redis is away BullMQ waits for it; give up after a while and keep the rows for the next try.
    added.catch(() => undefined);
    await withTimeout(added, timeoutMs, 'Redis svarte ikke innen tidsfristen');
    await m.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    return rows.length;
  });
}

/** Runs the relay every `intervalMs` until stopped; errors (Redis or PostgreSQL away) are logged and retried. */
export function startRelay(
  db: DataSource,
  queue: Queue,
  log: Logger,
  intervalMs = 500,
  clock: Clock = systemClock,
): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let failing = false;
  const tick = async () => {
    while (!stopped) {
      try {
        await clock.sync();
        const n = await relayOnce(db, queue, 200, 5000, clock);
        if (failing) log.info('outbox relay recovered');
        failing = false;
        if (n > 0) continue;
      } catch (error) {
        if (!failing) log.warn({ err: error }, 'outbox relay failed; will retry');
        failing = true;
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  running = tick();
  return {
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}
