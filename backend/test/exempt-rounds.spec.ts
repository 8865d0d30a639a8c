import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../src/modules/notifications/digest.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

/**
 * A round on an exempt case: the bodies and persons it invites read the round (questions, documents,
 * their own input) but meet the case only by its public title, wherever it is named.
 */
describe('a round on an exempt case, read by invitees who may not read the case', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let principal: Client;
  let udf: Client;
  let chair: Client;
  let bodies: Record<string, string>;
  const secret = `Elev Z-${randomUUID().slice(0, 8)}`;
  const publicTitle = 'Sak om tilrettelegging for en elev';
  let caseId: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    principal = await login(t.url, 'rektor.nordby@solvik.kommune.test');
    udf = await login(t.url, DEMO.udf);
    chair = await login(t.url, DEMO.chair);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    const c = await officer.request('POST', '/api/cases', {
      title: `Tilrettelegging for ${secret}`,
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    caseId = c.body.id;
    await officer.request('PUT', `/api/cases/${caseId}/route`, {
      steps: [{ bodyId: bodies['Driftsutvalget'], meetingDate: '2026-11-01' }],
    });
    const round = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Innspill om tilrettelegging',
      questions: 'Hvilke tiltak har skolen prøvd?',
      closesAt: inDays(5),
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg']],
      invitedUserIds: [principal.userId],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    roundId = round.body.id;
  });
  afterAll(() => t.close());

  it('an invited body’s member and an invited person read the round, with the case by its public title', async () => {
    for (const who of [fau, principal]) {
      const res = await who.request('GET', `/api/rounds/${roundId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ questions: 'Hvilke tiltak har skolen prøvd?', case: { id: caseId, title: publicTitle } });
      expect(JSON.stringify(res.body)).not.toContain(secret);
      // The case itself stays closed to them.
      expect((await who.request('GET', `/api/cases/${caseId}`)).status).toBe(403);
    }
    // A member of a body on the route sees the case's own title; someone neither invited nor on the route is refused.
    expect((await chair.request('GET', `/api/rounds/${roundId}`)).body.case.title).toBe(`Tilrettelegging for ${secret}`);
    const refused = await udf.request('GET', `/api/rounds/${roundId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/unntatt offentlighet/);
  });

  it('tasks, the digest and the invitation notice name the case by its public title', async () => {
    const tasks = (await principal.request('GET', '/api/me/tasks')).body;
    const entry = tasks.openRounds.find((r: { id: string }) => r.id === roundId);
    expect(entry.case).toMatchObject({ id: caseId, title: publicTitle });
    expect(JSON.stringify(tasks)).not.toContain(secret);

    const [kfu] = await t.db.query(`SELECT id, name FROM app_user WHERE email = 'leder.kfu@solvik.kommune.test'`);
    const digest = await buildDigest(t.db, kfu, 'http://samrad.test', new Date());
    expect(digest?.text).toContain(publicTitle);
    expect(digest?.text).not.toContain(secret);

    const notices: { payload: { title: string; body: string } }[] = await t.db.query(`SELECT payload FROM outbox WHERE dedup_key LIKE $1`, [
      `notify:invited%:${roundId}`,
    ]);
    expect(notices).toHaveLength(2);
    expect(JSON.stringify(notices)).not.toContain(secret);
  });

  it('the calendar feed has the round’s deadline, naming the case by the title the person may see', async () => {
    const unfold = (feed: string) => feed.replace(/\r\n[ \t]/g, '');
    for (const who of [fau, principal]) {
      const feed = unfold((await who.request('GET', '/api/calendar.ics')).body as string);
      expect(feed).toContain(`UID:round-${roundId}@samrad`);
      expect(feed).toContain(publicTitle);
      expect(feed).not.toContain(secret);
    }
    expect(unfold((await chair.request('GET', '/api/calendar.ics')).body as string)).not.toContain(`UID:round-${roundId}@samrad`); // not invited
  });

  it('they download the round’s documents and see their own input; others’ input is not theirs to see', async () => {
    const doc = await officer.request('POST', `/api/rounds/${roundId}/documents?filename=bakgrunn.pdf`, PDF);
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    expect((await fau.request('GET', `/api/attachments/${doc.body.id}`)).status).toBe(200);
    expect((await udf.request('GET', `/api/attachments/${doc.body.id}`)).status).toBe(403);
    const mine = await fau.request('POST', `/api/rounds/${roundId}/submissions`, {
      text: 'KFU ber om tett oppfølging.',
      bodyId: bodies['KFU – kommunalt foreldreutvalg'],
      idempotencyKey: randomUUID(),
    });
    expect(mine.status).toBe(201);
    const own = await principal.request('POST', `/api/rounds/${roundId}/submissions`, {
      text: 'Rektor: vi har prøvd assistent.',
      bodyId: null,
      idempotencyKey: randomUUID(),
    });
    expect(own.status).toBe(201);
    const seen = (await fau.request('GET', `/api/rounds/${roundId}`)).body.submissions.map((s: { text: string }) => s.text);
    expect(seen).toEqual(['KFU ber om tett oppfølging.']);
    expect((await principal.request('GET', `/api/rounds/${roundId}`)).body.submissions.map((s: { text: string }) => s.text)).toEqual([
      'Rektor: vi har prøvd assistent.',
    ]);
  });
});
