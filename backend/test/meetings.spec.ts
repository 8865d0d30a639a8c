import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

describe('meetings', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(() => t.close());

  it('refuses a closed meeting without a legal basis, and an empty place', async () => {
    const res = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Lukket møte',
      startsAt: '2026-12-01T18:00:00+01:00',
      open: false,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'closedBasis', message: 'Et lukket møte må ha hjemmel (kommuneloven § 11-5)' },
        { path: 'place', message: 'Oppgi møtested eller videolenke' },
      ]),
    );
    expect((await t.db.query(`SELECT count(*)::int AS n FROM meeting WHERE title = 'Lukket møte'`))[0].n).toBe(0);
    const ok = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Lukket møte',
      startsAt: '2026-12-01T18:00:00+01:00',
      place: 'Formannskapssalen',
      open: false,
      closedBasis: 'kommuneloven § 11-5 andre ledd',
    });
    expect(ok.status).toBe(201);
  });

  it('the agenda publishes itself the set number of days ahead (once), unless published by hand', async () => {
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    const far = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Budsjettmøte',
      startsAt: inDays(30),
      place: 'Rådhuset',
    });
    const near = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Ekstraordinært møte',
      startsAt: inDays(2),
      place: 'Rådhuset',
    });
    const jobs: { payload: { meetingId: string; startsAt: string }; run_at: Date }[] = await t.db.query(
      `SELECT payload, run_at FROM outbox WHERE job = 'meeting.publishAgenda' AND payload->>'meetingId' = ANY($1)`,
      [[far.body.id, near.body.id]],
    );
    // Only the meeting planned beyond the notice time (7 days) gets the job, due 7 days before it.
    expect(jobs.map((j) => j.payload.meetingId)).toEqual([far.body.id]);
    const far0 = (await officer.request('GET', `/api/meetings/${far.body.id}`)).body;
    expect(new Date(jobs[0]!.run_at).toISOString()).toBe(far0.agendaDueAt);
    expect(new Date(far0.startsAt).getTime() - new Date(far0.agendaDueAt).getTime()).toBe(7 * 86_400_000);

    const { publishAgendaOnTime } = await import('../src/modules/meetings/agenda-jobs.service.js');
    const { AuditService } = await import('../src/modules/audit/audit.service.js');
    const { NotificationsService } = await import('../src/modules/notifications/notifications.service.js');
    const deps = { audit: t.app.get(AuditService), notifications: t.app.get(NotificationsService) };
    expect(await publishAgendaOnTime(t.db, jobs[0]!.payload, deps)).toBe(true);
    expect(await publishAgendaOnTime(t.db, jobs[0]!.payload, deps)).toBe(false);
    expect((await officer.request('GET', `/api/meetings/${far.body.id}`)).body.agendaPublished).toBe(true);
    // The members' notice is in the outbox once, under the same key as a publication by hand.
    const [notice] = await t.db.query(`SELECT payload FROM outbox WHERE dedup_key = $1`, [`notify:agenda:${far.body.id}`]);
    const members = await t.db.query(`SELECT DISTINCT user_id FROM current_membership WHERE body_id = $1`, [bodies['Driftsutvalget']]);
    expect(notice.payload.userIds.length).toBe(members.length);
    const [audit] = await t.db.query(
      `SELECT actor_id, changes FROM audit_event WHERE entity_type = 'meeting' AND entity_id = $1 AND action = 'update'`,
      [far.body.id],
    );
    expect(audit.actor_id).toBeNull();
    // Published by hand first: the job does nothing.
    const manual = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Temamøte',
      startsAt: inDays(20),
      place: 'Rådhuset',
    });
    expect((await officer.request('POST', `/api/meetings/${manual.body.id}/publish`)).status).toBeLessThan(300);
    const [job] = await t.db.query(`SELECT payload FROM outbox WHERE job = 'meeting.publishAgenda' AND payload->>'meetingId' = $1`, [
      manual.body.id,
    ]);
    expect(await publishAgendaOnTime(t.db, job.payload, deps)).toBe(false);
  });

  it('agenda with committee numbers, attendance, and minutes that record the vedtak', async () => {
    const c = (await officer.request('POST', '/api/cases', { title: 'Skolestruktur – høring' })).body;
    await bringBefore(officer, c.id, [bodies['Driftsutvalget']!]);
    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Driftsutvalget'],
        title: 'Møte i Driftsutvalget',
        startsAt: '2026-10-20T18:00:00+02:00',
        place: 'Rådhuset',
      })
    ).body;
    const item = await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: c.id });
    expect(item.body.committeeNumber).toMatch(/^\d+\/26$/);
    const notOnRoute = (await officer.request('POST', '/api/cases', { title: 'Annen sak' })).body;
    expect((await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: notOnRoute.id })).body.errors[0].message).toMatch(
      /står ikke i saksgangen/,
    );
    // A drøftingsmøte decides nothing: it discusses a case that other bodies decide, route or not.
    const consultation = (
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Driftsutvalget'],
        kind: 'consultation',
        title: 'Drøftingsmøte',
        startsAt: '2026-10-21T09:00:00+02:00',
        place: 'Rådhuset',
      })
    ).body;
    const discussed = await officer.request('POST', `/api/meetings/${consultation.id}/agenda`, { caseId: notOnRoute.id });
    expect(discussed.status, JSON.stringify(discussed.body)).toBe(201);
    expect(discussed.body.committeeNumber).toBeNull();
    expect((await officer.request('POST', `/api/meetings/${meeting.id}/publish`)).status).toBe(204);
    const chair = (await t.db.query(`SELECT id FROM app_user WHERE email = $1`, [DEMO.chair]))[0].id;
    expect(
      (await officer.request('PUT', `/api/meetings/${meeting.id}/attendance`, { attendance: [{ userId: chair, status: 'present' }] }))
        .status,
    ).toBe(204);
    const minutes = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.body.id}/minutes`, {
      minutes: 'Saken ble drøftet. Innstillingen ble vedtatt mot to stemmer.',
      decision: {
        motions: [{ motion: 'Driftsutvalget slutter seg til forslaget.', for: 1, against: 0, adopted: true }],
      },
    });
    expect(minutes.status).toBe(200);
    const view = (await udf.request('GET', `/api/meetings/${meeting.id}`)).body;
    expect(view.agenda[0]).toMatchObject({
      committeeNumber: item.body.committeeNumber,
      decision: { text: 'Driftsutvalget slutter seg til forslaget.' },
    });
    expect(view.attendance).toEqual([{ userId: chair, name: 'Leder, Driftsutvalget', status: 'present', substituteName: null }]);
    const register = (await udf.request('GET', `/api/decisions?bodyId=${bodies['Driftsutvalget']}`)).body.decisions;
    expect(register.some((d: { case: { id: string } }) => d.case.id === c.id)).toBe(true);
  });

  it('an exempt case on a published agenda: its minutes and decision only for those who may read it', async () => {
    const c = (
      await officer.request('POST', '/api/cases', {
        title: 'Tilrettelegging for elev Q',
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: 'Sak om en elev',
      })
    ).body;
    await bringBefore(officer, c.id, [bodies['Driftsutvalget']!]);
    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Driftsutvalget'],
        title: 'Møte om elevsak',
        startsAt: '2026-10-21T18:00:00+02:00',
        place: 'Rådhuset',
      })
    ).body;
    const item = (await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: c.id })).body;
    expect((await officer.request('POST', `/api/meetings/${meeting.id}/publish`)).status).toBe(204);
    const minutes = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
      minutes: 'Elev Q sin situasjon ble drøftet.',
      decision: { motions: [{ motion: 'Elev Q får assistent.', for: 5, against: 0, adopted: true }] },
    });
    expect(minutes.status).toBe(200);
    const fau = await login(t.url, DEMO.fau);
    const seen = (await fau.request('GET', `/api/meetings/${meeting.id}`)).body.agenda[0];
    expect(seen).toMatchObject({
      case: { title: 'Sak om en elev' },
      minutes: null,
      decision: { text: null },
      exemptBasis: 'offentleglova § 13',
    });
    expect(JSON.stringify(seen)).not.toContain('Elev Q');
    const byOfficer = (await officer.request('GET', `/api/meetings/${meeting.id}`)).body.agenda[0];
    expect(byOfficer).toMatchObject({
      minutes: 'Elev Q sin situasjon ble drøftet.',
      decision: { text: 'Elev Q får assistent.' },
      exemptBasis: null,
    });
    const register = (await fau.request('GET', `/api/decisions?bodyId=${bodies['Driftsutvalget']}`)).body.decisions;
    const entry = register.find((d: { case: { id: string } }) => d.case.id === c.id);
    expect(entry).toMatchObject({ text: null, motions: [], exemptBasis: 'offentleglova § 13', case: { title: 'Sak om en elev' } });
    expect(
      (await fau.request('GET', '/api/decisions?q=assistent')).body.decisions.some((d: { case: { id: string } }) => d.case.id === c.id),
    ).toBe(false);
    expect(
      (await officer.request('GET', '/api/decisions?q=assistent')).body.decisions.some((d: { case: { id: string } }) => d.case.id === c.id),
    ).toBe(true);
    // A member of the deciding body (on the route) sees the case's own title on the start page.
    await t.db.query(`UPDATE decision SET decided_on = '2099-01-01' WHERE case_id = $1`, [c.id]);
    const chair = await login(t.url, DEMO.chair);
    const own = (await chair.request('GET', '/api/me/tasks')).body.decisions.find((d: { case: { id: string } }) => d.case.id === c.id);
    expect(own.case.title).toBe('Tilrettelegging for elev Q');
  });

  it('lets a union representative add a statement to a consultation meeting’s protocol, and no one else', async () => {
    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Arbeidsgruppen for skoleoppfølging'],
        kind: 'consultation',
        title: 'Drøftingsmøte om ny modell',
        startsAt: '2026-10-10T09:00:00+02:00',
        place: 'Rådhuset',
        administrationPosition: 'Administrasjonen anbefaler ny modell.',
      })
    ).body;
    const res = await udf.request('POST', `/api/meetings/${meeting.id}/statements`, {
      text: 'Utdanningsforbundet mener kuttet rammer elevene.',
    });
    expect(res.status).toBe(201);
    const fau = await login(t.url, DEMO.fau);
    expect((await fau.request('POST', `/api/meetings/${meeting.id}/statements`, { text: 'x' })).status).toBe(403);
    const view = (await officer.request('GET', `/api/meetings/${meeting.id}`)).body;
    expect(view.statements[0]).toMatchObject({ union: 'Utdanningsforbundet', text: 'Utdanningsforbundet mener kuttet rammer elevene.' });
    expect(view.administrationPosition).toBe('Administrasjonen anbefaler ny modell.');
  });

  it('a statement only from a member of the meeting’s body: a union representative elsewhere gets a Norwegian 403', async () => {
    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Kommunestyret'],
        kind: 'consultation',
        title: 'Drøfting i kommunestyret',
        startsAt: '2026-10-12T09:00:00+02:00',
        place: 'Rådhuset',
      })
    ).body;
    // Hovedtillitsvalgt i Fagforbundet sits in the working group and the union's body, not in Kommunestyret.
    const ff = await login(t.url, 'htv.fagforbundet@solvik.kommune.test');
    const res = await ff.request('POST', `/api/meetings/${meeting.id}/statements`, { text: 'Fagforbundet tar forbehold.' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('Bare medlemmer av Kommunestyret kan gi protokolltilførsel i dette møtet');
    // A member of the body who is not a union representative may not either.
    const council = await login(t.url, 'kommunestyret.posisjon@solvik.kommune.test');
    const notUnion = await council.request('POST', `/api/meetings/${meeting.id}/statements`, { text: 'x' });
    expect(notUnion.status).toBe(403);
    expect(notUnion.body.message).toBe('Bare tillitsvalgte kan gi protokolltilførsel');
    expect((await officer.request('GET', `/api/meetings/${meeting.id}`)).body.statements).toEqual([]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM protocol_statement WHERE meeting_id = $1`, [meeting.id]))[0].n).toBe(0);
  });

  it('serves the person’s meetings and deadlines as iCalendar', async () => {
    const res = await fetch(`${t.url}/api/calendar.ics`, { headers: { cookie: '' } });
    expect(res.status).toBe(401);
    const cal = await officer.request('GET', '/api/calendar.ics');
    expect(cal.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(cal.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(cal.body).toContain('SUMMARY:Arbeidsgruppen for skoleoppfølging: Drøftingsmøte om ny modell');
  });

  it('the calendar feed is valid iCalendar: text escaped, no bare CR, lines folded at 75 octets', async () => {
    // A title is one line (a bare CR is refused); a place may hold a bare CR, which the feed must escape.
    const refused = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Budsjett\rmøte',
      startsAt: '2026-11-20T18:00:00+01:00',
      place: 'Rådhuset',
    });
    expect(refused.body.errors).toEqual([{ path: 'title', message: 'Tittel må stå på én linje' }]);
    const title = 'Budsjettmøte, del 1; «vedtak» om ressursfordelingsmodellen for grunnskolen i Solvik kommune';
    const place = 'Rådhuset, sal 2;\rinngang B';
    const meeting = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title,
      startsAt: '2026-11-20T18:00:00+01:00',
      place,
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    const feed = (await officer.request('GET', '/api/calendar.ics')).body as string;
    // Every line ends with CRLF: no CR or LF on its own anywhere.
    expect(feed.endsWith('\r\n')).toBe(true);
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = feed.split('\r\n').slice(0, -1);
    expect(physical.filter((l) => Buffer.byteLength(l, 'utf8') > 75)).toEqual([]);
    // Unfolded (RFC 5545 §3.1), the event's lines carry the escaped text.
    const lines = feed.replace(/\r\n[ \t]/g, '').split('\r\n');
    const start = lines.indexOf(`UID:meeting-${meeting.body.id}@samrad`);
    expect(start).toBeGreaterThan(0);
    const event = lines.slice(start, lines.indexOf('END:VEVENT', start));
    expect(event).toContain(
      'SUMMARY:Driftsutvalget: Budsjettmøte\\, del 1\\; «vedtak» om ressursfordelingsmodellen for grunnskolen i Solvik kommune',
    );
    expect(event).toContain('LOCATION:Rådhuset\\, sal 2\\;\\ninngang B');
    expect(event.find((l) => l.startsWith('DTSTART'))).toBe('DTSTART:20261120T170000Z');
    // Read back, the text is the title and the place again (a bare CR becomes a line break).
    const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    expect(unescape(event.find((l) => l.startsWith('SUMMARY:'))!.slice('SUMMARY:'.length))).toBe(`Driftsutvalget: ${title}`);
    expect(unescape(event.find((l) => l.startsWith('LOCATION:'))!.slice('LOCATION:'.length))).toBe(place.replace('\r', '\n'));
    expect(physical.length).toBeGreaterThan(lines.length); // the long summary was folded
  });
});
