import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const KFU = 'KFU – kommunalt foreldreutvalg';

/**
 * The read cache (start page and case pages). Each test first shows that the cache really serves a
 * read (a change made behind the API's back is not seen), then that a change made the proper way,
 * through another API instance or a job, is seen at once. The cache's lifetime is long here (60 s),
 * so only invalidation can explain a fresh answer.
 */
describe('the read cache', () => {
  let a: TestApp;
  let b: TestApp;
  let fauA: Client;
  let officerB: Client;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    // B keeps no cache of its own (as in a mixed roll-out): its writes must still empty A's.
    [a, b] = await Promise.all([startTestApp({ READ_CACHE_MS: '60000' }), startTestApp({ READ_CACHE_MS: '0' })]);
    fauA = await login(a.url, DEMO.fau);
    officerB = await login(b.url, DEMO.officer);
    const list = (await officerB.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((x) => [x.name, x.id]));
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  async function newCase(title: string) {
    const res = await officerB.request('POST', '/api/cases', { title });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await officerB.request('PUT', `/api/cases/${res.body.id}/route`, { steps: [{ bodyId: bodies[KFU], meetingDate: '2026-12-20' }] });
    return res.body.id as string;
  }

  it('serves a case page from the cache, and a change through the other API instance is seen at once', async () => {
    const id = await newCase('Skolestruktur – mellomtrinnet');
    expect((await fauA.request('GET', `/api/cases/${id}`)).body.title).toBe('Skolestruktur – mellomtrinnet');
    // Other test files write at the same time, and every write empties the cache: a few tries find an
    // undisturbed pair of reads.
    let cached = false;
    for (let i = 0; i < 5 && !cached; i++) {
      const before = (await fauA.request('GET', `/api/cases/${id}`)).body.title;
      await a.db.query(`UPDATE case_file SET title = $2 WHERE id = $1`, [id, `Endret utenom API-et ${i}`]);
      cached = (await fauA.request('GET', `/api/cases/${id}`)).body.title === before;
    }
    expect(cached, 'a second read comes from the cache').toBe(true);

    const current = (await officerB.request('GET', `/api/cases/${id}`)).body;
    const patched = await officerB.request('PATCH', `/api/cases/${id}`, {
      version: current.version,
      title: 'Skolestruktur – ny innretning',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await fauA.request('GET', `/api/cases/${id}`)).body.title).toBe('Skolestruktur – ny innretning');
  });

  it('shows a new input round on the start page at once, and the invitation notice once the worker has delivered it', async () => {
    const before = (await fauA.request('GET', '/api/me/tasks')).body;
    const caseId = await newCase('Spesialundervisning – gjennomgang');
    const round = await officerB.request('POST', '/api/rounds', {
      caseId,
      title: 'Innspill om spesialundervisning',
      questions: 'Hva fungerer i dag?',
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      invitedBodyIds: [bodies[KFU]],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const after = (await fauA.request('GET', '/api/me/tasks')).body;
    expect(after.openRounds.map((r: { id: string }) => r.id)).toContain(round.body.id);

    // The notice is written by the worker, not the API: only the job's own invalidation can show it.
    const { startWorker } = await import('../src/worker.js');
    const worker = await startWorker(a.config, pino({ level: 'silent' }), { relayIntervalMs: 50 });
    try {
      const delivered = async () =>
        (
          await a.db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND link = $2`, [
            fauA.userId,
            `/innspill/${round.body.id}`,
          ])
        )[0].n as number;
      await expect.poll(delivered, { timeout: 30_000, interval: 100 }).toBe(1);
      // The job bumps the generation right after its handler; the 60 s cache cannot have expired by itself.
      const unread = async () => (await fauA.request('GET', '/api/me/tasks')).body.unreadNotifications as number;
      await expect.poll(unread, { timeout: 10_000, interval: 100 }).toBeGreaterThan(after.unreadNotifications);
    } finally {
      await worker.stop();
    }
    expect(before.openRounds.map((r: { id: string }) => r.id)).not.toContain(round.body.id);
  });

  it('never serves one person’s cached page to another, nor to another municipality', async () => {
    const exempt = await officerB.request('POST', '/api/cases', {
      title: 'Personalsak ved Nordby skole',
      access: 'exempt',
      legalBasis: 'Offl. § 25',
      publicTitle: 'Personalsak',
    });
    expect(exempt.status, JSON.stringify(exempt.body)).toBe(201);
    const officerA = await login(a.url, DEMO.officer);
    expect((await officerA.request('GET', `/api/cases/${exempt.body.id}`)).body.title).toBe('Personalsak ved Nordby skole');
    const asMember = await fauA.request('GET', `/api/cases/${exempt.body.id}`);
    expect(JSON.stringify(asMember.body)).not.toContain('Personalsak ved Nordby skole');
    const other = await login(a.url, DEMO.otherAdmin);
    expect((await other.request('GET', `/api/cases/${exempt.body.id}`)).status).toBe(404);
    const officerTasks = (await officerA.request('GET', '/api/me/tasks')).body;
    const memberTasks = (await fauA.request('GET', '/api/me/tasks')).body;
    expect(officerTasks.awaitingDisposition).toBeDefined();
    expect(memberTasks.awaitingDisposition).toBeUndefined();
  });

  it('treats a Redis that stops answering as away: reads come fresh from the database and writes do not wait for it', async () => {
    // A Redis that answers the connection's handshake (CLIENT SETINFO, INFO) and then nothing more.
    const info = '# Server\r\nredis_version:7.0.0\r\nloading:0\r\n';
    const silent = createServer((socket) => {
      socket.on('data', (chunk) => {
        // Each command is an array of bulk strings: *N, then $len and the value N times; the name comes first.
        const lines = chunk.toString().split('\r\n');
        for (let i = 0; i < lines.length; i++) {
          if (!lines[i]!.startsWith('*')) continue;
          const name = (lines[i + 2] ?? '').toUpperCase();
          if (name === 'CLIENT') socket.write('+OK\r\n');
          else if (name === 'INFO') socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
        }
      });
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as AddressInfo).port;
    const hung = await startTestApp({ READ_CACHE_MS: '60000', REDIS_URL: `redis://127.0.0.1:${port}/0` });
    try {
      const officer = await login(hung.url, DEMO.officer);
      const created = await officer.request('POST', '/api/cases', { title: 'Skoleskyss – ny ordning' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      expect((await officer.request('GET', `/api/cases/${id}`)).body.title).toBe('Skoleskyss – ny ordning');
      await hung.db.query(`UPDATE case_file SET title = 'Skoleskyss – endret' WHERE id = $1`, [id]);
      expect((await officer.request('GET', `/api/cases/${id}`)).body.title).toBe('Skoleskyss – endret');
    } finally {
      await hung.close();
      silent.close();
    }
  });

  it('reads from the database, always fresh, while Redis is unreachable', async () => {
    const away = await startTestApp({ READ_CACHE_MS: '60000', REDIS_URL: 'redis://127.0.0.1:1/0' });
    try {
      const fau = await login(away.url, DEMO.fau);
      const id = await newCase('Skolebygg – vedlikehold');
      expect((await fau.request('GET', `/api/cases/${id}`)).body.title).toBe('Skolebygg – vedlikehold');
      const title = `Endret direkte ${randomUUID().slice(0, 8)}`;
      await away.db.query(`UPDATE case_file SET title = $2 WHERE id = $1`, [id, title]);
      expect((await fau.request('GET', `/api/cases/${id}`)).body.title).toBe(title);
      expect((await fau.request('GET', '/api/me/tasks')).status).toBe(200);
    } finally {
      await away.close();
    }
  });
});
