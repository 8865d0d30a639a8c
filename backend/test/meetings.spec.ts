import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

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
    const res = await officer.request('POST', '/api/meetings', { bodyId: bodies['Driftsutvalget'], title: 'Lukket møte', startsAt: '2026-12-01T18:00:00+01:00', open: false });
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

  it('agenda with committee numbers, attendance, and minutes that record the vedtak', async () => {
    const c = (await officer.request('POST', '/api/cases', { title: 'Skolestruktur – høring' })).body;
    await officer.request('PUT', `/api/cases/${c.id}/route`, { steps: [{ bodyId: bodies['Driftsutvalget'], meetingDate: '2026-10-20' }] });
    const meeting = (await officer.request('POST', '/api/meetings', { bodyId: bodies['Driftsutvalget'], title: 'Møte i Driftsutvalget', startsAt: '2026-10-20T18:00:00+02:00', place: 'Rådhuset' })).body;
    const item = await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: c.id });
    expect(item.body.committeeNumber).toMatch(/^\d+\/26$/);
    const notOnRoute = (await officer.request('POST', '/api/cases', { title: 'Annen sak' })).body;
    expect((await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: notOnRoute.id })).body.errors[0].message).toMatch(/står ikke i saksgangen/);
    expect((await officer.request('POST', `/api/meetings/${meeting.id}/publish`)).status).toBe(204);
    const chair = (await t.db.query(`SELECT id FROM app_user WHERE email = $1`, [DEMO.chair]))[0].id;
    expect((await officer.request('PUT', `/api/meetings/${meeting.id}/attendance`, { attendance: [{ userId: chair, status: 'present' }] })).status).toBe(204);
    const minutes = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.body.id}/minutes`, {
      minutes: 'Saken ble drøftet. Innstillingen ble vedtatt mot to stemmer.',
      decision: { text: 'Driftsutvalget slutter seg til forslaget.', motions: [{ motion: 'Forslaget', for: 5, against: 2, adopted: true }] },
    });
    expect(minutes.status).toBe(200);
    const view = (await udf.request('GET', `/api/meetings/${meeting.id}`)).body;
    expect(view.agenda[0]).toMatchObject({ committeeNumber: item.body.committeeNumber, decision: { text: 'Driftsutvalget slutter seg til forslaget.' } });
    expect(view.attendance).toEqual([{ userId: chair, name: 'Leder, Driftsutvalget', status: 'present', substituteName: null }]);
    const register = (await udf.request('GET', `/api/decisions?bodyId=${bodies['Driftsutvalget']}`)).body.decisions;
    expect(register.some((d: { case: { id: string } }) => d.case.id === c.id)).toBe(true);
  });

  it('lets a union representative add a statement to a consultation meeting’s protocol, and no one else', async () => {
    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: bodies['Administrasjonen, oppvekst'],
        kind: 'consultation',
        title: 'Drøftingsmøte om ny modell',
        startsAt: '2026-10-10T09:00:00+02:00',
        place: 'Rådhuset',
        administrationPosition: 'Administrasjonen anbefaler ny modell.',
      })
    ).body;
    const res = await udf.request('POST', `/api/meetings/${meeting.id}/statements`, { text: 'Utdanningsforbundet mener kuttet rammer elevene.' });
    expect(res.status).toBe(201);
    const fau = await login(t.url, DEMO.fau);
    expect((await fau.request('POST', `/api/meetings/${meeting.id}/statements`, { text: 'x' })).status).toBe(403);
    const view = (await officer.request('GET', `/api/meetings/${meeting.id}`)).body;
    expect(view.statements[0]).toMatchObject({ union: 'Utdanningsforbundet', text: 'Utdanningsforbundet mener kuttet rammer elevene.' });
    expect(view.administrationPosition).toBe('Administrasjonen anbefaler ny modell.');
  });

  it('serves the person’s meetings and deadlines as iCalendar', async () => {
    const res = await fetch(`${t.url}/api/calendar.ics`, { headers: { cookie: '' } });
    expect(res.status).toBe(401);
    const cal = await officer.request('GET', '/api/calendar.ics');
    expect(cal.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(cal.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(cal.body).toContain('SUMMARY:Administrasjonen\\, oppvekst: Drøftingsmøte om ny modell');
  });
});
