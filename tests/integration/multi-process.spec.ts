import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitForHttp, waitUntil } from '../support/app-process.js';
import type { ChildProcess } from 'node:child_process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two API processes and two workers on the same PostgreSQL and Redis. */
describe('two APIs and two workers', () => {
  const base = process.env.DATABASE_URL!;
  const url = new URL(base);
  url.pathname = `${url.pathname}_multi`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) await stopProcess(c);
    await dropDatabase(databaseUrl).catch(() => undefined);
  });

  it('shares sessions and fresh reads, sends every reminder once and closes a round once', async () => {
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    // Long cache lifetimes (reads, sessions): only invalidation can make one process see another's change.
    const common = {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'fatal',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_multi`,
      MAIL_TRANSPORT: 'capture',
      READ_CACHE_MS: '60000',
      SESSION_CACHE_MS: '60000',
    };
    const seeded = await runToEnd(startProcess('cli', common, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) children.push(startProcess('main', { ...common, PORT: String(port) }));
    children.push(startProcess('worker', common), startProcess('worker', common));
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    await waitForHttp(`${a}/health/ready`);
    await waitForHttp(`${b}/health/ready`);

    // A session made on one API works on the other.
    const login = await fetch(`${a}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'saksbehandler@solvik.kommune.test', password: 'Samrad-demo-2026' }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = (await (await fetch(`${b}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string; name: string };
    expect(me.name).toBe('Rådgiver, oppvekst');
    const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
    const bodies = ((await (await fetch(`${b}/api/bodies`, { headers })).json()) as { bodies: { id: string; name: string }[] }).bodies;
    const kfu = bodies.find((x) => x.name === 'KFU – kommunalt foreldreutvalg')!.id;
    const ff = bodies.find((x) => x.name === 'Fagforbundet Solvik')!.id;
    const cases = ((await (await fetch(`${a}/api/cases`, { headers })).json()) as { cases: { id: string }[] }).cases;
    const casePage = async () =>
      (await (await fetch(`${a}/api/cases/${cases[0]!.id}`, { headers })).json()) as { rounds: { id: string; open: boolean }[] };
    const roundsBefore = (await casePage()).rounds.length; // now in API A's read cache
    const created = await fetch(`${b}/api/rounds`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        caseId: cases[0]!.id,
        title: 'Flere prosesser',
        questions: 'Spørsmål',
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        invitedBodyIds: [kfu, ff],
        reminderMinutes: [30],
      }),
    });
    expect(created.status).toBe(201);
    const roundId = ((await created.json()) as { id: string }).id;
    // Created through API B, read at once through API A.
    const after = await casePage();
    expect(after.rounds).toHaveLength(roundsBefore + 1);
    expect(after.rounds.find((r) => r.id === roundId)?.open).toBe(true);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // The same reminder and the same closing scheduled several times (as after a retry or a duplicate
      // relay): the two workers race, and each effect still happens once.
      const [{ closes_at }] = (await db.query(`SELECT closes_at FROM input_round WHERE id = $1`, [roundId])).rows;
      const remind = { roundId, minutes: 30, closesAt: (closes_at as Date).toISOString() };
      for (let i = 0; i < 4; i++)
        await db.query(`INSERT INTO outbox (job, payload, dedup_key) VALUES ('round.remind', $1, $2)`, [
          JSON.stringify(remind),
          `test-remind-${roundId}-${i}`,
        ]);
      const members = Number(
        (await db.query(`SELECT count(DISTINCT user_id) FROM membership WHERE body_id = ANY($1::uuid[])`, [[kfu, ff]])).rows[0].count,
      );
      const reminderMails = async () =>
        Number(
          (await db.query(`SELECT count(*) FROM caught_mail WHERE subject LIKE 'Påminnelse%' AND text LIKE $1`, [`%/innspill/${roundId}%`]))
            .rows[0].count,
        );
      await waitUntil(async () => (await reminderMails()) >= members, 'every reminder sent').catch(() => undefined);
      await sleep(1500); // time for any duplicate to show up
      expect(await reminderMails()).toBe(members);

      await db.query(
        `UPDATE input_round SET closes_at = date_trunc('milliseconds', now()) - interval '1 second', opens_at = now() - interval '1 hour' WHERE id = $1`,
        [roundId],
      );
      const [{ closes_at: past }] = (await db.query(`SELECT closes_at FROM input_round WHERE id = $1`, [roundId])).rows;
      const close = { roundId, closesAt: (past as Date).toISOString() };
      for (let i = 0; i < 4; i++)
        await db.query(`INSERT INTO outbox (job, payload, dedup_key) VALUES ('round.close', $1, $2)`, [
          JSON.stringify(close),
          `test-close-${roundId}-${i}`,
        ]);
      const closedMails = async () =>
        Number(
          (
            await db.query(`SELECT count(*) FROM caught_mail WHERE subject LIKE 'Innspillsrunden er lukket%' AND text LIKE $1`, [
              `%/innspill/${roundId}%`,
            ])
          ).rows[0].count,
        );
      await waitUntil(async () => (await closedMails()) >= 1, 'the closing notice sent').catch(() => undefined);
      await sleep(1500);
      expect(await closedMails()).toBe(1);
      expect((await db.query(`SELECT closed_at FROM input_round WHERE id = $1`, [roundId])).rows[0].closed_at).not.toBeNull();
      // Closed by a worker: API A no longer serves the open round it had cached.
      expect((await casePage()).rounds.find((r) => r.id === roundId)?.open).toBe(false);

      // Logged out through API A: API B, which has the session cached, refuses it too.
      expect((await fetch(`${b}/api/auth/me`, { headers })).status).toBe(200);
      expect((await fetch(`${a}/api/auth/logout`, { method: 'POST', headers })).status).toBeLessThan(300);
      let onB = 200;
      for (let i = 0; i < 20 && onB !== 401; i++) {
        onB = (await fetch(`${b}/api/auth/me`, { headers })).status;
        if (onB !== 401) await sleep(50);
      }
      expect(onB).toBe(401);
    } finally {
      await db.end();
    }
  }, 600_000); // several processes started and stopped: minutes on a loaded machine
});
