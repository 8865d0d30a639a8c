import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitForHttp, waitUntil, apiSession } from '../support/app-process.js';

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

/**
 * SIGTERM as a rolling restart sends it: the API reports not ready at once, stops accepting, lets the
 * request in flight finish and exits 0; the worker takes no new job, finishes the one it runs and exits 0.
 */
describe('graceful shutdown', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_graceful`;
  const databaseUrl = url.toString();
  const workerDatabaseUrl = `${databaseUrl}_worker`;
  const children: ChildProcess[] = [];
  let smtp: SMTPServer | undefined;
  afterAll(async () => {
    for (const c of children) await stopProcess(c);
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    await dropDatabase(databaseUrl).catch(() => undefined);
    await dropDatabase(workerDatabaseUrl).catch(() => undefined);
  });

  it('the API finishes a request in flight, answers /health/ready with 503 meanwhile and exits 0', async () => {
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    const port = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'fatal',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_graceful`,
      MAIL_TRANSPORT: 'capture',
      PORT: String(port),
      // Serve (with readiness 503) for a while after SIGTERM, as behind a probing load balancer.
      SHUTDOWN_DELAY_MS: '3000',
    };
    const seeded = await runToEnd(startProcess('cli', env, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);
    const api = startProcess('main', { ...env, LOG_LEVEL: 'info' });
    children.push(api);
    let log = '';
    api.stdout?.on('data', (c) => (log += c));
    api.stderr?.on('data', (c) => (log += c));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health/ready`);
    const login = (email: string) => apiSession(base, email);
    const officer = await login('saksbehandler@solvik.kommune.test');
    const member = await login('fau.nordby@solvik.kommune.test');
    const bodies = ((await (await fetch(`${base}/api/bodies`, { headers: officer })).json()) as { bodies: { id: string; name: string }[] })
      .bodies;
    const kfu = bodies.find((b) => b.name === 'KFU – kommunalt foreldreutvalg')!.id;
    const cases = ((await (await fetch(`${base}/api/cases`, { headers: officer })).json()) as { cases: { id: string }[] }).cases;
    const round = await fetch(`${base}/api/rounds`, {
      method: 'POST',
      headers: officer,
      body: JSON.stringify({
        caseId: cases[0]!.id,
        title: 'Avslutning under last',
        questions: 'Spørsmål',
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        invitedBodyIds: [kfu],
      }),
    });
    expect(round.status).toBe(201);
    const roundId = ((await round.json()) as { id: string }).id;

    const db = new pg.Client({ connectionString: databaseUrl });
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await blocker.connect();
    try {
      // A slow request: its INSERT waits on a lock this test holds.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE submission IN SHARE ROW EXCLUSIVE MODE');
      const key = randomUUID();
      const slow = fetch(`${base}/api/rounds/${roundId}/submissions`, {
        method: 'POST',
        headers: member,
        body: JSON.stringify({ text: 'Sendt mens API-et stoppes', bodyId: kfu, idempotencyKey: key }),
      });
      const waitingOnLock = async () =>
        Number(
          (await db.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0]
            .count,
        ) > 0;
      await waitUntil(waitingOnLock, 'the submission waiting on the lock');

      const exited = exitOf(api);
      api.kill('SIGTERM');
      // Readiness goes false at once (as soon as the process has the signal), so a load balancer drains it.
      let readiness: { status: string } | undefined;
      await waitUntil(async () => {
        const ready = await fetch(`${base}/health/ready`).catch(() => null);
        if (ready?.status !== 503) return false;
        readiness = (await ready.json()) as { status: string };
        return true;
      }, 'readiness 503 while draining');
      expect(readiness?.status).toBe('draining');
      // Then the listener closes while the request is still in flight; the process waits for it.
      await waitUntil(
        () =>
          fetch(`${base}/health/live`).then(
            () => false,
            () => true,
          ),
        'new connections refused',
      );
      expect(api.exitCode).toBeNull();

      await blocker.query('COMMIT');
      const answer = await slow;
      expect(answer.status).toBe(201);
      const receipt = (await answer.json()) as { id: string };
      expect(await exited, log.slice(-3000)).toBe(0);
      const stored = await db.query(`SELECT id FROM submission WHERE idempotency_key = $1`, [key]);
      expect(stored.rows).toEqual([{ id: receipt.id }]);
    } finally {
      await blocker.end();
      await db.end();
    }
  }, 120_000);

  it('the worker takes no new job, finishes the running one (its e-mail sent once) and exits 0', async () => {
    const delivered: string[] = [];
    let release: () => void = () => undefined;
    let firstInFlight: () => void = () => undefined;
    const inFlight = new Promise<void>((r) => (firstInFlight = r));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          const subject = /Subject: (.*)/.exec(raw)?.[1]?.trim() ?? '';
          if (subject.startsWith('Holdt')) {
            // Held until the test lets it through: the worker is stopped while it waits.
            release = () => {
              delivered.push(subject);
              callback();
            };
            firstInFlight();
            return;
          }
          delivered.push(subject);
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((r) => smtp!.listen(smtpPort, '127.0.0.1', () => r()));
    const env = {
      DATABASE_URL: workerDatabaseUrl,
      LOG_LEVEL: 'fatal',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_graceful_worker`,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    };
    await dropDatabase(workerDatabaseUrl);
    await ensureDatabase(workerDatabaseUrl);
    const migrated = await runToEnd(startProcess('cli', env, ['migrate']));
    expect(migrated.code, migrated.output).toBe(0);
    const db = new pg.Client({ connectionString: workerDatabaseUrl });
    await db.connect();
    const run = Date.now(); // job ids are the outbox keys: new ones in every run, on a Redis that outlives runs
    const mail = (subject: string) =>
      db.query(`INSERT INTO outbox (job, payload, dedup_key) VALUES ('mail.send', $1, $2)`, [
        JSON.stringify({ to: 'leder.kfu@solvik.kommune.test', subject, text: 'Fristen nærmer seg.' }),
        `graceful-${run}-${subject}`,
      ]);
    try {
      const first = startProcess('worker', { ...env, LOG_LEVEL: 'info' });
      children.push(first);
      let log = '';
      first.stdout?.on('data', (c) => (log += c));
      first.stderr?.on('data', (c) => (log += c));
      await mail('Holdt');
      await inFlight;
      const exited = exitOf(first);
      first.kill('SIGTERM');
      await waitUntil(() => log.includes('shutting down'), 'the worker stopping');
      // A mail queued while it stops: whoever sends it, it goes out once.
      await mail('Etter stopp');
      // The worker waits for the job it runs: it is still there until the SMTP server answers.
      expect(first.exitCode).toBeNull();
      release();
      expect(await exited).toBe(0);
      expect(delivered[0]).toBe('Holdt');

      // The next worker sends what is left; the finished mail is not sent again.
      children.push(startProcess('worker', env));
      const claims = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM job_done WHERE key LIKE $1`, [`mail:graceful-${run}-%`])).rows[0].n as number;
      await waitUntil(async () => (await claims()) === 2, 'both mails sent');
      expect(delivered.sort()).toEqual(['Etter stopp', 'Holdt']);
    } finally {
      await db.end();
    }
  }, 120_000);
});
