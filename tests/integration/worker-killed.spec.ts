import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitUntil } from '../support/app-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A worker killed (SIGKILL) in the middle of sending an e-mail: the SMTP conversation never completes,
 * the database claim is rolled back with the dead connection, and once the job's lock runs out another
 * worker takes it over and sends the e-mail — once.
 */
describe('a worker killed in the middle of a job', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_killed`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  let smtp: SMTPServer | undefined;
  afterAll(async () => {
    for (const c of children) await stopProcess(c);
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    await dropDatabase(databaseUrl).catch(() => undefined);
  });

  it('is retried by another worker, and the e-mail is delivered exactly once', async () => {
    const subject = `Drept midt i jobben ${Date.now()}`;
    const delivered: string[] = [];
    let attempts = 0;
    let firstInFlight: () => void = () => undefined;
    const inFlight = new Promise<void>((r) => (firstInFlight = r));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          attempts++;
          if (attempts === 1) {
            // Hold the first message: the worker is killed while it waits for the server's answer.
            firstInFlight();
            return;
          }
          if (raw.includes('Drept midt i jobben')) delivered.push(session.id);
          callback();
        });
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((r) => smtp!.listen(smtpPort, '127.0.0.1', () => r()));

    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    const env = {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'fatal',
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_killed`,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WORKER_LOCK_MS: '2000',
    };
    const migrated = await runToEnd(startProcess('cli', env, ['migrate']));
    expect(migrated.code, migrated.output).toBe(0);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const first = startProcess('worker', env);
      children.push(first);
      await db.query(`INSERT INTO outbox (job, payload, dedup_key) VALUES ('mail.send', $1, $2)`, [
        JSON.stringify({ to: 'leder.kfu@solvik.kommune.test', subject, text: 'Fristen nærmer seg.' }),
        `killed-${subject}`,
      ]);
      await Promise.race([
        inFlight,
        sleep(180_000).then(() => Promise.reject(new Error('the first worker never reached the SMTP server'))),
      ]);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      expect(delivered).toEqual([]);
      // The dead worker's claim was never committed.
      expect((await db.query(`SELECT count(*)::int AS n FROM job_done WHERE key LIKE 'mail:%'`)).rows[0].n).toBe(0);

      children.push(startProcess('worker', env));
      await waitUntil(() => delivered.length > 0, 'the retried e-mail delivered').catch(() => undefined);
      await sleep(3000); // long enough for a duplicate to show up
      expect(delivered).toHaveLength(1);
      expect(attempts).toBe(2);
      expect((await db.query(`SELECT count(*)::int AS n FROM job_done WHERE key LIKE 'mail:%'`)).rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  }, 600_000); // several processes started and stopped: minutes on a loaded machine
});
