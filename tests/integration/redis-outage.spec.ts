import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitForHttp, waitUntil, apiSession } from '../support/app-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Redis is unreachable while a round gets a burst of submissions: the API (which writes notices to the
 * outbox, not to Redis) accepts and stores every one; when a worker can reach Redis again, every
 * receipt goes out, once.
 */
describe('a submission burst while Redis is unreachable', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_redis_outage`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) await stopProcess(c);
    await dropDatabase(databaseUrl).catch(() => undefined);
  });

  it('stores every submission and delivers every receipt after Redis returns', async () => {
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    const common = {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'fatal',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_outage`,
      MAIL_TRANSPORT: 'capture',
    };
    const seeded = await runToEnd(startProcess('cli', common, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);
    const dead = { ...common, REDIS_URL: 'redis://127.0.0.1:1/0' };
    const port = await freePort();
    const api = startProcess('main', { ...dead, PORT: String(port) });
    const deadWorker = startProcess('worker', dead);
    children.push(api, deadWorker);
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health/live`);

    const login = (email: string) => apiSession(base, email);
    const officer = await login('saksbehandler@solvik.kommune.test');
    const fau = await login('fau.nordby@solvik.kommune.test');
    const bodies = ((await (await fetch(`${base}/api/bodies`, { headers: officer })).json()) as { bodies: { id: string; name: string }[] })
      .bodies;
    const kfu = bodies.find((b) => b.name === 'KFU – kommunalt foreldreutvalg')!.id;
    const cases = ((await (await fetch(`${base}/api/cases`, { headers: officer })).json()) as { cases: { id: string }[] }).cases;
    const created = await fetch(`${base}/api/rounds`, {
      method: 'POST',
      headers: officer,
      body: JSON.stringify({
        caseId: cases[0]!.id,
        title: 'Innspill mens Redis er nede',
        questions: 'Spørsmål',
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        invitedBodyIds: [kfu],
      }),
    });
    expect(created.status).toBe(201);
    const roundId = ((await created.json()) as { id: string }).id;

    const N = 150;
    const statuses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fetch(`${base}/api/rounds/${roundId}/submissions`, {
          method: 'POST',
          headers: fau,
          body: JSON.stringify({ text: `Innspill ${i}`, bodyId: kfu, idempotencyKey: randomUUID() }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(N);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const stored = Number((await db.query(`SELECT count(*) FROM submission WHERE round_id = $1`, [roundId])).rows[0].count);
      expect(stored).toBe(N);
      const receipts = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) FROM caught_mail m WHERE m.subject = 'Kvittering for innspill' AND m."to" = 'fau.nordby@solvik.kommune.test' AND m.created_at > now() - interval '10 minutes'`,
            )
          ).rows[0].count,
        );
      await sleep(1500);
      expect(await receipts()).toBe(0); // nothing can leave while Redis is away
      const pending = Number((await db.query(`SELECT count(*) FROM outbox WHERE relayed_at IS NULL AND job = 'notify'`)).rows[0].count);
      expect(pending).toBeGreaterThanOrEqual(N);

      // Redis is back (a worker that reaches it): every receipt goes out, once.
      await stopProcess(deadWorker);
      children.push(startProcess('worker', common));
      await waitUntil(async () => (await receipts()) >= N, 'every receipt delivered').catch(() => undefined);
      await sleep(1500);
      expect(await receipts()).toBe(N);
    } finally {
      await db.end();
    }
  }, 600_000); // several processes started and stopped: minutes on a loaded machine
});
