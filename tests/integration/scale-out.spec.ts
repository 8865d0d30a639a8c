import type { ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase } from '../../infra/src/services.js';
import { freePort, runToEnd, startProcess, stopProcess, waitForHttp, waitUntil, apiSession } from '../support/app-process.js';
import { startNginx, type RunningNginx } from '../support/nginx.js';

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
/** A client's pause before it sends again (its own back-off, not a wait in the test). */
const backOff = () => new Promise((r) => setTimeout(r, 100));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** At least this many submissions; the burst goes on until the restart and the kill are over. */
const SUBMISSIONS = Number(process.env.SCALE_SUBMISSIONS ?? 150);
const CLIENTS = 4;

/**
 * Debian's nginx in front of three API processes and two workers on one PostgreSQL and Redis. A burst
 * of submissions while one API is restarted (SIGTERM, as a rolling restart does) and another killed
 * (SIGKILL), with a worker restarted too: clients retry with their idempotency key until acknowledged.
 */
describe('scale-out behind nginx', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_scale`;
  const databaseUrl = url.toString();
  const children = new Set<ChildProcess>();
  let nginx: RunningNginx | undefined;
  afterAll(async () => {
    await nginx?.stop();
    for (const c of children) await stopProcess(c);
    await dropDatabase(databaseUrl).catch(() => undefined);
  });

  it('stores and acknowledges every submission once, sends every receipt once, reminds and closes once', async () => {
    const started = Date.now();
    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    const common = {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'fatal',
      // The test clock's offset lives in Redis under the prefix: a new one each run.
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_scale_${Date.now().toString(36)}`,
      MAIL_TRANSPORT: 'capture',
      TEST_CLOCK: '1',
      TRUST_PROXY: '127.0.0.1',
      LOGIN_MAX_ATTEMPTS: '1000',
      // Long cache lifetimes (reads, sessions): only invalidation can make one process see another's change.
      READ_CACHE_MS: '60000',
      SESSION_CACHE_MS: '60000',
    };
    const seeded = await runToEnd(startProcess('cli', common, ['migrate', 'seed']));
    expect(seeded.code, seeded.output).toBe(0);
    const ports = [await freePort(), await freePort(), await freePort()];
    const startApi = (i: number) => {
      const child = startProcess('main', { ...common, PORT: String(ports[i]) });
      children.add(child);
      return child;
    };
    const startWorker = () => {
      const child = startProcess('worker', common);
      children.add(child);
      return child;
    };
    const apis = ports.map((_, i) => startApi(i));
    const workers = [startWorker(), startWorker()];
    for (const port of ports) await waitForHttp(`http://127.0.0.1:${port}/health/ready`);
    nginx = await startNginx(await freePort(), ports);
    const base = nginx.url;

    const login = (email: string) => apiSession(base, email);
    const officer = await login('saksbehandler@solvik.kommune.test');
    const bodies = ((await (await fetch(`${base}/api/bodies`, { headers: officer })).json()) as { bodies: { id: string; name: string }[] })
      .bodies;
    const kfu = bodies.find((b) => b.name === 'KFU – kommunalt foreldreutvalg')!.id;
    const ff = bodies.find((b) => b.name === 'Fagforbundet Solvik')!.id;
    const cases = ((await (await fetch(`${base}/api/cases`, { headers: officer })).json()) as { cases: { id: string }[] }).cases;
    const caseId = cases[0]!.id;
    const created = await fetch(`${base}/api/rounds`, {
      method: 'POST',
      headers: officer,
      body: JSON.stringify({
        caseId,
        title: 'Skalering bak nginx',
        questions: 'Spørsmål',
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        invitedBodyIds: [kfu, ff],
        reminderMinutes: [30],
      }),
    });
    expect(created.status).toBe(201);
    const roundId = ((await created.json()) as { id: string }).id;

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // KFU's members answer (each many times, each with its own key); Fagforbundet does not, and is reminded.
      const emailsOf = async (bodyId: string) =>
        (
          await db.query(`SELECT DISTINCT u.email FROM current_membership m JOIN app_user u ON u.id = m.user_id WHERE m.body_id = $1`, [
            bodyId,
          ])
        ).rows.map((r: { email: string }) => r.email);
      const submitters = await Promise.all((await emailsOf(kfu)).map(login));
      const ffMembers = (await emailsOf(ff)).length;
      expect(submitters.length).toBeGreaterThan(0);
      expect(ffMembers).toBeGreaterThan(0);

      // Every read of the case page through nginx, from whichever process: the round is open (now cached for 60 s).
      const roundOpenEverywhere = async () => {
        const seen: boolean[] = [];
        for (let i = 0; i < 6; i++) {
          const page = (await (await fetch(`${base}/api/cases/${caseId}`, { headers: officer })).json()) as {
            rounds: { id: string; open: boolean }[];
          };
          seen.push(page.rounds.find((r) => r.id === roundId)!.open);
        }
        return seen;
      };
      expect(await roundOpenEverywhere()).toEqual([true, true, true, true, true, true]);

      const acknowledged = new Map<string, { id: string; sha256: string }>();
      let sent = 0;
      let retries = 0;
      let disrupted = false;
      const submitOne = async (n: number) => {
        const headers = submitters[n % submitters.length]!;
        const key = randomUUID();
        const text = `Innspill ${n} under omstart (${key})`;
        for (;;) {
          const answer = await fetch(`${base}/api/rounds/${roundId}/submissions`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ text, bodyId: kfu, idempotencyKey: key }),
          }).catch(() => null);
          if (answer && answer.status < 300) {
            const receipt = (await answer.json()) as { id: string; sha256: string };
            expect(receipt.sha256).toBe(sha256(text));
            acknowledged.set(key, { id: receipt.id, sha256: receipt.sha256 });
            return;
          }
          if (answer && answer.status < 500) throw new Error(`${answer.status}: ${await answer.text()}`);
          retries++;
          await backOff();
        }
      };
      const client = async () => {
        while (sent < SUBMISSIONS || !disrupted) await submitOne(sent++);
      };
      const burstStarted = Date.now();
      const burst = Promise.all(Array.from({ length: CLIENTS }, client));

      // A rolling restart of API 0 and worker 0 during the burst, then API 1 killed.
      await waitUntil(() => acknowledged.size >= SUBMISSIONS / 4, 'a quarter acknowledged');
      const apiExit = exitOf(apis[0]!);
      const workerExit = exitOf(workers[0]!);
      apis[0]!.kill('SIGTERM');
      workers[0]!.kill('SIGTERM');
      expect(await apiExit).toBe(0);
      expect(await workerExit).toBe(0);
      children.delete(apis[0]!);
      children.delete(workers[0]!);
      apis[0] = startApi(0);
      workers[0] = startWorker();
      await waitForHttp(`http://127.0.0.1:${ports[0]}/health/ready`);
      const before = acknowledged.size;
      await waitUntil(() => acknowledged.size >= before + SUBMISSIONS / 4, 'more acknowledged after the restart');
      apis[1]!.kill('SIGKILL');
      await exitOf(apis[1]!);
      children.delete(apis[1]!);
      const afterKill = acknowledged.size;
      await waitUntil(() => acknowledged.size >= afterKill + SUBMISSIONS / 4, 'more acknowledged after the kill');
      disrupted = true;
      await burst;
      const burstSeconds = (Date.now() - burstStarted) / 1000;

      // Every acknowledged submission is stored once, and nothing else.
      const stored = (
        await db.query(
          `SELECT s.idempotency_key AS key, s.id, v.sha256, count(*) OVER (PARTITION BY s.idempotency_key)::int AS copies
             FROM submission s JOIN submission_version v ON v.submission_id = s.id WHERE s.round_id = $1`,
          [roundId],
        )
      ).rows as { key: string; id: string; sha256: string; copies: number }[];
      expect(acknowledged.size).toBe(sent);
      expect(stored).toHaveLength(acknowledged.size);
      expect(stored.filter((s) => s.copies !== 1)).toEqual([]);
      for (const s of stored) expect(acknowledged.get(s.key)).toEqual({ id: s.id, sha256: s.sha256 });

      // Every receipt goes out once: one e-mail per submission (its SHA-256 names it).
      const receiptMails = async () =>
        (
          await db.query(
            `SELECT substring(text from 'SHA-256\\): ([0-9a-f]{64})') AS sha256, count(*)::int AS n FROM caught_mail
              WHERE subject = 'Kvittering for innspill' GROUP BY 1`,
          )
        ).rows as { sha256: string; n: number }[];
      const claims = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*) FROM job_done j JOIN submission s ON j.key = 'mail:receipt:' || s.id || ':1:' || s.author_id WHERE s.round_id = $1`,
              [roundId],
            )
          ).rows[0].count,
        );
      await waitUntil(async () => (await claims()) === stored.length, 'every receipt sent');
      const mails = await receiptMails();
      expect(mails.filter((m) => m.n !== 1)).toEqual([]);
      expect(mails.map((m) => m.sha256).sort()).toEqual(stored.map((s) => s.sha256).sort());

      // Sessions made through nginx work in every process.
      const member = submitters[0]!;
      for (let i = 0; i < 4; i++) expect((await fetch(`${base}/api/auth/me`, { headers: member })).status).toBe(200);

      // Past the reminder time: Fagforbundet's members are reminded once (KFU answered).
      const move = await fetch(`${base}/api/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: 31 * 60_000 }),
      });
      expect(move.status).toBe(200);
      const mailsAbout = async (subject: string) =>
        Number(
          (
            await db.query(`SELECT count(*) FROM caught_mail WHERE subject LIKE $1 AND text LIKE $2`, [
              `${subject}%`,
              `%/innspill/${roundId}%`,
            ])
          ).rows[0].count,
        );
      await waitUntil(async () => (await mailsAbout('Påminnelse')) >= ffMembers, 'the reminders sent');
      // Past the deadline: the round is closed once, and every process's cached case page shows it.
      const close = await fetch(`${base}/api/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: 30 * 60_000 }),
      });
      expect(close.status).toBe(200);
      await waitUntil(async () => (await mailsAbout('Innspillsrunden er lukket')) >= 1, 'the closing notice sent');
      expect((await db.query(`SELECT closed_at FROM input_round WHERE id = $1`, [roundId])).rows[0].closed_at).not.toBeNull();
      expect(await mailsAbout('Påminnelse')).toBe(ffMembers);
      expect(await mailsAbout('Innspillsrunden er lukket')).toBe(1);
      expect(await roundOpenEverywhere()).toEqual([false, false, false, false, false, false]);

      // Logged out through nginx: no process accepts the session any more.
      expect((await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: member })).status).toBeLessThan(300);
      const refusedEverywhere = async () => {
        for (let i = 0; i < 4; i++) if ((await fetch(`${base}/api/auth/me`, { headers: member })).status !== 401) return false;
        return true;
      };
      await waitUntil(refusedEverywhere, 'the session refused by every process');

      console.log(
        `scale-out: ${acknowledged.size} submissions acknowledged (${retries} retries) through nginx; set-up ${((burstStarted - started) / 1000).toFixed(1)} s, burst ${burstSeconds.toFixed(1)} s, ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
      );
    } finally {
      await db.end();
    }
  }, 300_000);
});
