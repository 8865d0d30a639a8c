import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../src/worker.js';
import { DEMO, startTestApp, type TestApp } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Many notices at once, with mail caught in the database (each job holds its `once()` claim while the
 * caught e-mail is written on a second connection): every notice and e-mail arrives, and no attempt
 * fails. (The pool is sized so that a deadlock between jobs cannot happen, see WORKER_POOL_SIZE; it is
 * rare enough that this test does not reproduce it with a smaller pool.)
 */
describe('the worker under a burst of notices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('delivers every one without a failed attempt', async () => {
    const [user] = await t.db.query(`SELECT id, municipality_id FROM app_user WHERE email = $1`, [DEMO.udf]);
    const run = randomUUID();
    const n = 40;
    for (let i = 0; i < n; i++) {
      const payload = {
        municipalityId: user.municipality_id,
        userIds: [user.id],
        kind: 'receipt',
        title: `Kvittering ${run} ${i}`,
        body: 'Mottatt.',
        link: '/',
        caseId: null,
        key: `pool-${run}-${i}`,
      };
      await t.db.query(`INSERT INTO outbox (job, payload, dedup_key) VALUES ('notify', $1, $2)`, [
        JSON.stringify(payload),
        `notify:pool-${run}-${i}`,
      ]);
    }
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const worker = await startWorker(t.config, log, { relayIntervalMs: 50 });
    const mails = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM caught_mail WHERE subject LIKE $1`, [`Kvittering ${run} %`]))[0].n as number;
    try {
      for (let i = 0; i < 200 && (await mails()) < n; i++) await sleep(100);
      expect(await mails()).toBe(n);
    } finally {
      await worker.stop();
    }
    // The burst is notices and their e-mails. The queue is shared with the other test files, whose jobs (a
    // round closing that a moved test clock let out early, to be retried) are not this test's concern.
    const burst = (w: string) => w.includes('"job":"notify"') || w.includes('"job":"mail.send"');
    expect(warnings.filter((w) => w.includes('job failed') && burst(w))).toEqual([]);
  });
});
