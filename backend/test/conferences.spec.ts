import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailService } from '../src/modules/mail/mail.service.js';
import { remindRound } from '../src/modules/input-rounds/round-jobs.service.js';
import { DEMO, login, moveClock, startTestApp, type Client, type TestApp } from './harness.js';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('school conferences and persons invited in their own right', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let udf: Client;
  let principal: Client;
  let other: Client;
  let bodies: Record<string, string>;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK: '1' });
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    udf = await login(t.url, DEMO.udf);
    principal = await login(t.url, 'rektor.nordby@solvik.kommune.test');
    other = await login(t.url, DEMO.otherAdmin);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    const created = await officer.request('POST', '/api/cases', { title: 'Skolestruktur i sør' });
    caseId = created.body.id;
  });
  afterAll(() => t.close());

  async function conference(startsInSeconds: number) {
    const res = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['KFU – kommunalt foreldreutvalg'],
      kind: 'school_conference',
      title: 'Skolekonferanse om skolestruktur',
      startsAt: inSeconds(startsInSeconds),
      place: 'Nordby skole, aulaen',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${res.body.id}/agenda`, { caseId })).status).toBe(201);
    return res.body.id as string;
  }

  it('anyone in the municipality registers (and changes or withdraws) until the conference starts; officers see who comes', async () => {
    const id = await conference(3600);
    const reg = await fau.request('PUT', `/api/meetings/${id}/registrations/me`, { representing: 'FAU Nordby skole' });
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    await principal.request('PUT', `/api/meetings/${id}/registrations/me`, {});
    await fau.request('PUT', `/api/meetings/${id}/registrations/me`, { representing: 'FAU og SU, Nordby skole' });
    const seen = (await fau.request('GET', `/api/meetings/${id}`)).body.conference;
    expect(seen).toMatchObject({
      registrationOpen: true,
      inputOpen: false,
      registrationCount: 2,
      registered: true,
      myRepresenting: 'FAU og SU, Nordby skole',
      registrations: null,
    });
    const officerView = (await officer.request('GET', `/api/meetings/${id}`)).body.conference;
    expect(officerView.registrations.map((g: { name: string; representing: string | null }) => [g.name, g.representing])).toEqual([
      ['FAU-leder, Nordby skole', 'FAU og SU, Nordby skole'],
      ['Rektor, Nordby skole', null],
    ]);
    expect((await principal.request('DELETE', `/api/meetings/${id}/registrations/me`)).status).toBe(204);
    expect((await officer.request('GET', `/api/meetings/${id}`)).body.conference.registrationCount).toBe(1);
    expect((await other.request('PUT', `/api/meetings/${id}/registrations/me`, {})).status).toBe(404);
    const tooLong = await fau.request('PUT', `/api/meetings/${id}/registrations/me`, { representing: 'x'.repeat(201) });
    expect(tooLong.body.errors).toEqual([{ path: 'representing', message: 'Høyst 200 tegn' }]);
  });

  it('registration closes when the conference starts by the clock deadlines are read from', async () => {
    const id = await conference(2 * 3600); // in two hours
    expect((await fau.request('PUT', `/api/meetings/${id}/registrations/me`, {})).status).toBe(200);
    await moveClock(t, { advanceMs: 3 * 3600_000 });
    try {
      const closed = await fau.request('DELETE', `/api/meetings/${id}/registrations/me`);
      expect(closed.status).toBe(400);
      expect(closed.body.errors[0].message).toMatch(/^Påmeldingen stengte da konferansen startet/);
    } finally {
      await moveClock(t, { offsetMs: 0 });
    }
  });

  it('inputs from the conference join the case on its agenda, from registered participants, once it has started', async () => {
    const id = await conference(-60); // started a minute ago
    await t.db.query(
      `INSERT INTO meeting_registration (meeting_id, user_id, municipality_id) SELECT $1, id, municipality_id FROM app_user WHERE id = $2`,
      [id, fau.userId],
    );
    const closed = await fau.request('PUT', `/api/meetings/${id}/registrations/me`, {});
    expect(closed.status).toBe(400);
    expect(closed.body.errors[0]).toMatchObject({
      path: 'meeting',
      message: expect.stringMatching(/^Påmeldingen stengte da konferansen startet/),
    });

    const input = { caseId, text: 'Fra salen: behold skolen i bygda til elevtallet er avklart.', idempotencyKey: randomUUID() };
    const given = await fau.request('POST', `/api/meetings/${id}/inputs`, input);
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await fau.request('POST', `/api/meetings/${id}/inputs`, input)).body).toMatchObject({ id: given.body.id, duplicate: true });
    expect((await udf.request('POST', `/api/meetings/${id}/inputs`, { ...input, idempotencyKey: randomUUID() })).status).toBe(403); // not registered
    const notOnAgenda = await officer.request('POST', '/api/cases', { title: 'Annen sak' });
    const wrongCase = await fau.request('POST', `/api/meetings/${id}/inputs`, {
      ...input,
      caseId: notOnAgenda.body.id,
      idempotencyKey: randomUUID(),
    });
    expect(wrongCase.body.errors).toEqual([{ path: 'caseId', message: 'Saken står ikke på sakslisten til konferansen' }]);

    const summary = (await officer.request('GET', `/api/cases/${caseId}/input-summary`)).body;
    expect(summary.items.map((s: { meeting: { id: string } | null }) => s.meeting?.id)).toContain(id);
    expect(summary.text).toContain('på skolekonferansen «Skolekonferanse om skolestruktur»');
    expect(summary.text).toContain('Fra salen: behold skolen i bygda');
  });

  it('an ordinary meeting takes no registrations', async () => {
    const res = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Vanlig møte',
      startsAt: inSeconds(7200),
      place: 'Rådhuset',
    });
    const refused = await fau.request('PUT', `/api/meetings/${res.body.id}/registrations/me`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toBe('Påmelding og innspill fra salen gjelder bare skolekonferanser');
    expect((await officer.request('GET', `/api/meetings/${res.body.id}`)).body.conference).toBeNull();
  });

  it('a person invited in their own right answers for themselves, sees the round in their tasks, and is reminded until they answer', async () => {
    const principalId = principal.userId;
    const round = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Innspill fra rektorene',
      questions: 'Hva betyr forslaget for din skole?',
      closesAt: inSeconds(3600),
      invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
      invitedUserIds: [principalId],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const tasks = (await principal.request('GET', '/api/me/tasks')).body.openRounds;
    expect(tasks).toContainEqual(expect.objectContaining({ id: round.body.id, body: null, status: 'not_answered' }));
    const view = (await principal.request('GET', `/api/rounds/${round.body.id}`)).body;
    expect(view.invitedMe).toBe(true);
    expect(view.invitedPersons).toEqual([
      { userId: principalId, name: 'Rektor, Nordby skole', title: 'Rektor, Nordby skole', status: 'not_answered' },
    ]);
    // FAU is neither invited nor a member of an invited body.
    expect(
      (await fau.request('POST', `/api/rounds/${round.body.id}/submissions`, { text: 'Hei', idempotencyKey: randomUUID() })).status,
    ).toBe(403);

    const mail = new MailService(t.config, t.db);
    const [{ closes_at }] = await t.db.query(`SELECT closes_at FROM input_round WHERE id = $1`, [round.body.id]);
    const payload = { roundId: round.body.id, minutes: 1440, closesAt: (closes_at as Date).toISOString() };
    await remindRound(t.db, mail, t.config.APP_URL, payload);
    await remindRound(t.db, mail, t.config.APP_URL, payload);
    const reminders = await t.db.query(
      `SELECT "to" FROM caught_mail WHERE subject LIKE 'Påminnelse%' AND text LIKE $1 AND "to" = 'rektor.nordby@solvik.kommune.test'`,
      [`%/innspill/${round.body.id}%`],
    );
    expect(reminders).toHaveLength(1);
    expect((await officer.request('GET', `/api/rounds/${round.body.id}`)).body.remindersSent).toContainEqual({
      bodyId: null,
      userId: principalId,
      sentAt: expect.any(String),
    });

    const answered = await principal.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: 'Forslaget gir oss to lærerstillinger mindre.',
      idempotencyKey: randomUUID(),
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    expect((await officer.request('GET', `/api/rounds/${round.body.id}`)).body.invitedPersons[0].status).toBe('answered');
    await remindRound(t.db, mail, t.config.APP_URL, { ...payload, minutes: 60 });
    const after = await t.db.query(
      `SELECT "to" FROM caught_mail WHERE subject LIKE 'Påminnelse%' AND text LIKE $1 AND "to" = 'rektor.nordby@solvik.kommune.test'`,
      [`%/innspill/${round.body.id}%`],
    );
    expect(after).toHaveLength(1);
  });

  it('a round needs a body or a person, and only persons of the municipality', async () => {
    const none = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Tom',
      questions: 'Spørsmål',
      closesAt: inSeconds(3600),
      invitedBodyIds: [],
    });
    expect(none.body.errors).toEqual([{ path: 'invitedBodyIds', message: 'Inviter minst ett organ eller én person' }]);
    const stranger = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Fremmed',
      questions: 'Spørsmål',
      closesAt: inSeconds(3600),
      invitedUserIds: [other.userId],
    });
    expect(stranger.body.errors).toEqual([{ path: 'invitedUserIds', message: 'Fant ikke alle de inviterte personene' }]);
  });
});
