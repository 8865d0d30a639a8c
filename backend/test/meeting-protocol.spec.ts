import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** The protocol in full: motions and votes, the vedtak from the vote, dissens, vara and who left a case, protokolltilførsler. */
describe('the meeting protocol', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let fau: Client;
  let bodies: Record<string, string>;
  let users: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    fau = await login(t.url, DEMO.fau);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    const rows: { id: string; email: string }[] = await t.db.query(`SELECT id, email FROM app_user`);
    users = Object.fromEntries(rows.map((u) => [u.email, u.id]));
  });
  afterAll(() => t.close());

  const du = (n: string) => users[`${n}.driftsutvalget@solvik.kommune.test`]!;
  const meetingOf = async (bodyId: string, title: string, kind = 'ordinary') => {
    const res = await officer.request('POST', '/api/meetings', {
      bodyId,
      title,
      kind,
      startsAt: '2026-11-24T18:00:00+01:00',
      place: 'Rådhuset',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const status = async (id: string) => (await t.db.query(`SELECT status, phase_body_id FROM case_file WHERE id = $1`, [id]))[0];

  it('records motions, votes, vara, who left the case and dissens; the vedtak is the adopted motion and sends the case on', async () => {
    const c = (await officer.request('POST', '/api/cases', { title: 'Ny skolerute' })).body;
    await bringBefore(officer, c.id, [bodies['Driftsutvalget']!, bodies['Kommunestyret']!]);
    const meetingId = await meetingOf(bodies['Driftsutvalget']!, 'Driftsutvalget november');
    const item = (await officer.request('POST', `/api/meetings/${meetingId}/agenda`, { caseId: c.id })).body;
    expect((await officer.request('POST', `/api/meetings/${meetingId}/publish`)).status).toBe(204);

    // Attendance: a substitute needs a name; only someone who met can be absent from a case.
    const noName = await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      attendance: [{ userId: du('leder'), status: 'substitute' }],
    });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([{ path: 'attendance.0.substituteName', message: 'Oppgi hvem som møtte som vara' }]);
    const absentLeaves = await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      attendance: [{ userId: du('leder'), status: 'absent' }],
      itemAbsences: [{ itemId: item.id, userId: du('leder'), reason: 'left' }],
    });
    expect(absentLeaves.body.errors).toEqual([
      { path: 'itemAbsences.0.userId', message: 'Bare den som møtte kan være fraværende i en sak' },
    ]);
    const otherMeeting = await meetingOf(bodies['Driftsutvalget']!, 'Et annet møte');
    const otherCase = (await officer.request('POST', '/api/cases', { title: 'Annen sak' })).body;
    await bringBefore(officer, otherCase.id, [bodies['Driftsutvalget']!]);
    const otherItem = (await officer.request('POST', `/api/meetings/${otherMeeting}/agenda`, { caseId: otherCase.id })).body;
    const wrongItem = await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      attendance: [{ userId: du('leder'), status: 'present' }],
      itemAbsences: [{ itemId: otherItem.id, userId: du('leder'), reason: 'left' }],
    });
    expect(wrongItem.body.errors).toEqual([{ path: 'itemAbsences.0.itemId', message: 'Saken står ikke på sakslisten til dette møtet' }]);

    const attendance = {
      attendance: [
        { userId: du('leder'), status: 'present' },
        { userId: du('nestleder'), status: 'present' },
        { userId: du('medlem3'), status: 'substitute', substituteName: 'Vara Varasen' },
        { userId: du('medlem4'), status: 'present' },
        { userId: du('medlem5'), status: 'absent' },
      ],
      itemAbsences: [{ itemId: item.id, userId: du('medlem4'), reason: 'disqualified', note: 'Inhabil etter forvaltningsloven § 6' }],
    };
    expect((await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, attendance)).status).toBe(204);

    const minutes = (decision: unknown) =>
      officer.request('PUT', `/api/meetings/${meetingId}/agenda/${item.id}/minutes`, { minutes: 'Saken ble drøftet.', decision });
    const innstilling = {
      motion: 'Innstillingen: ny skolerute fra 2027.',
      proposedBy: 'Leder',
      party: 'Ap',
      for: 2,
      against: 1,
      adopted: true,
    };
    const utsett = { motion: 'Saken utsettes.', proposedBy: 'Nestleder', party: 'H', for: 1, against: 2, adopted: false };
    // Exactly one adopted motion where a vote decides; the vedtak is not typed twice; votes within those who could vote.
    expect((await minutes({ motions: [{ ...innstilling, adopted: false }, utsett] })).body.errors).toEqual([
      { path: 'decision.motions', message: 'Velg hvilket forslag som ble vedtatt' },
    ]);
    expect((await minutes({ motions: [innstilling, { ...utsett, adopted: true }] })).body.errors).toEqual([
      { path: 'decision.motions', message: 'Bare ett forslag kan være vedtatt' },
    ]);
    expect((await minutes({ text: 'Noe annet', motions: [innstilling] })).body.errors).toEqual([
      { path: 'decision.text', message: 'Vedtaket er teksten i forslaget som ble vedtatt; det skrives ikke i tillegg' },
    ]);
    expect((await minutes({ motions: [] })).body.errors).toEqual([
      { path: 'decision.text', message: 'Skriv vedtaket, eller før opp forslagene og voteringen' },
    ]);
    expect((await minutes({ motions: [{ ...innstilling, for: 3, against: 1 }] })).body.errors).toEqual([
      { path: 'decision.motions.0.for', message: 'Forslaget har 4 stemmer, men bare 3 kunne stemme i saken' },
    ]);
    expect(
      (await minutes({ motions: [{ ...innstilling, byParty: [{ party: 'Ap', for: 1, against: 1, blank: 0 }] }] })).body.errors,
    ).toEqual([{ path: 'decision.motions.0.byParty', message: 'Stemmene per parti (1) må bli det samme som stemmene for totalt (2)' }]);
    expect((await minutes({ motions: [{ ...innstilling, for: -1 }] })).body.errors).toEqual([
      { path: 'decision.motions.0.for', message: 'For: antall stemmer kan ikke være negativt' },
    ]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM decision WHERE case_id = $1`, [c.id]))[0].n).toBe(0);
    expect((await status(c.id)).status).toBe('before_body');

    const byParty = [
      { party: 'Ap', for: 2, against: 0, blank: 0 },
      { party: 'H', for: 0, against: 1, blank: 0 },
    ];
    const ok = await minutes({
      motions: [{ ...innstilling, byParty }, utsett],
      dissent: [{ name: 'Nestleder, Driftsutvalget', reason: 'Skoleruten bør vente til høringen er ferdig.' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const [decision] = await t.db.query(`SELECT text, motions FROM decision WHERE id = $1`, [ok.body.decisionId]);
    expect(decision.text).toBe('Innstillingen: ny skolerute fra 2027.');
    expect(decision.motions[0]).toMatchObject({ party: 'Ap', blank: 0, byParty });
    // A vedtak by the first body sends the case on to the next (the last one decides it).
    expect(await status(c.id)).toEqual({ status: 'before_body', phase_body_id: bodies['Kommunestyret'] });

    const view = (await udf.request('GET', `/api/meetings/${meetingId}`)).body;
    expect(view.agenda[0]).toMatchObject({
      decision: {
        text: 'Innstillingen: ny skolerute fra 2027.',
        motions: [
          { ...innstilling, blank: 0, byParty },
          { ...utsett, blank: 0, byParty: [] },
        ],
      },
      dissent: [{ name: 'Nestleder, Driftsutvalget', reason: 'Skoleruten bør vente til høringen er ferdig.' }],
      absences: [{ userId: du('medlem4'), reason: 'disqualified', note: 'Inhabil etter forvaltningsloven § 6' }],
    });
    expect(view.attendance).toContainEqual({
      userId: du('medlem3'),
      name: expect.any(String),
      status: 'substitute',
      substituteName: 'Vara Varasen',
    });
    // The decisions register shows the motions and their votes; the case page too.
    const register = (await udf.request('GET', `/api/decisions?bodyId=${bodies['Driftsutvalget']}`)).body.decisions;
    expect(register.find((d: { case: { id: string } }) => d.case.id === c.id).motions).toEqual(view.agenda[0].decision.motions);
    expect((await officer.request('GET', `/api/cases/${c.id}`)).body.decisions[0].motions[1]).toMatchObject({ motion: 'Saken utsettes.' });

    // Kommunestyret, the last body, decides it (without a vote: the vedtak's text).
    const council = await meetingOf(bodies['Kommunestyret']!, 'Kommunestyret november');
    const councilItem = (await officer.request('POST', `/api/meetings/${council}/agenda`, { caseId: c.id })).body;
    const last = await officer.request('PUT', `/api/meetings/${council}/agenda/${councilItem.id}/minutes`, {
      minutes: 'Enstemmig.',
      decision: { text: 'Kommunestyret vedtar ny skolerute fra 2027.' },
    });
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(await status(c.id)).toEqual({ status: 'decided', phase_body_id: null });
    // The vedtak is recorded once: the minutes may be amended, a second vote is refused, not ignored.
    const again = await officer.request('PUT', `/api/meetings/${council}/agenda/${councilItem.id}/minutes`, {
      minutes: 'Enstemmig. (rettet)',
      decision: { text: 'Kommunestyret vedtar noe annet.' },
    });
    expect(again.body.errors).toEqual([
      { path: 'decision', message: 'Vedtaket i saken er allerede protokollført. Protokollteksten kan endres, men ikke voteringen.' },
    ]);
    const amended = await officer.request('PUT', `/api/meetings/${council}/agenda/${councilItem.id}/minutes`, {
      minutes: 'Enstemmig. (rettet)',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
  });

  it('an exempt case: motions, dissens and who was inhabil only for those who may read it', async () => {
    const c = (
      await officer.request('POST', '/api/cases', {
        title: 'Skyss for elev R',
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: 'Sak om skyss',
      })
    ).body;
    await bringBefore(officer, c.id, [bodies['Driftsutvalget']!]);
    const meetingId = await meetingOf(bodies['Driftsutvalget']!, 'Driftsutvalget, lukket del');
    const item = (await officer.request('POST', `/api/meetings/${meetingId}/agenda`, { caseId: c.id })).body;
    await officer.request('POST', `/api/meetings/${meetingId}/publish`);
    await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      attendance: [
        { userId: du('leder'), status: 'present' },
        { userId: du('nestleder'), status: 'present' },
      ],
      itemAbsences: [{ itemId: item.id, userId: du('nestleder'), reason: 'disqualified', note: 'Nabo av elev R' }],
    });
    const ok = await officer.request('PUT', `/api/meetings/${meetingId}/agenda/${item.id}/minutes`, {
      minutes: 'Behandlet.',
      decision: {
        motions: [{ motion: 'Elev R får skyss.', for: 1, against: 0, adopted: true }],
        dissent: [{ name: 'Elev Rs nabo', reason: 'x' }],
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const seen = (await fau.request('GET', `/api/meetings/${meetingId}`)).body.agenda[0];
    expect(seen).toMatchObject({ decision: { text: null, motions: [] }, dissent: [], absences: [] });
    expect(JSON.stringify(seen)).not.toMatch(/Elev R|Nabo/);
    const entry = (await fau.request('GET', `/api/decisions?bodyId=${bodies['Driftsutvalget']}`)).body.decisions.find(
      (d: { case: { id: string } }) => d.case.id === c.id,
    );
    expect(entry).toMatchObject({ text: null, motions: [] });
    const own = (await officer.request('GET', `/api/meetings/${meetingId}`)).body.agenda[0];
    expect(own.decision.motions).toHaveLength(1);
    expect(own.absences[0]).toMatchObject({ reason: 'disqualified', note: 'Nabo av elev R' });
  });

  it('protokolltilførsel: a union representative on the body, in a drøftingsmøte, about the case; shown in the protocol and on the case', async () => {
    const wg = bodies['Arbeidsgruppen for skoleoppfølging']!;
    const c = (await officer.request('POST', '/api/cases', { title: 'Ny ressursmodell for skolene' })).body;
    await officer.request('PUT', `/api/cases/${c.id}/route`, { steps: [{ bodyId: wg, meetingDate: null }] });
    const meetingId = await meetingOf(wg, 'Drøftingsmøte om ressursmodellen', 'consultation');
    const item = (await officer.request('POST', `/api/meetings/${meetingId}/agenda`, { caseId: c.id })).body;
    expect(item.id).toBeTruthy();

    // Who may write one is told by the meeting: the union representative, and no one else.
    expect((await udf.request('GET', `/api/meetings/${meetingId}`)).body.myStatementUnion).toBe('Utdanningsforbundet');
    expect((await officer.request('GET', `/api/meetings/${meetingId}`)).body.myStatementUnion).toBeNull();
    expect((await fau.request('GET', `/api/meetings/${meetingId}`)).body.myStatementUnion).toBeNull();

    const wrongItem = await udf.request('POST', `/api/meetings/${meetingId}/statements`, {
      text: 'x',
      agendaItemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(wrongItem.body.errors).toEqual([{ path: 'agendaItemId', message: 'Saken står ikke på sakslisten til dette møtet' }]);
    const res = await udf.request('POST', `/api/meetings/${meetingId}/statements`, {
      text: 'Utdanningsforbundet kan ikke slutte seg til kuttet i rammen.',
      agendaItemId: item.id,
    });
    expect(res.status).toBe(201);
    // Not a member of the body (FAU's leader), not as a union representative (the case officer is no member either).
    const notMember = await fau.request('POST', `/api/meetings/${meetingId}/statements`, { text: 'x' });
    expect(notMember.status).toBe(403);
    expect(notMember.body.message).toBe('Bare medlemmer av Arbeidsgruppen for skoleoppfølging kan gi protokolltilførsel i dette møtet');
    expect((await officer.request('POST', `/api/meetings/${meetingId}/statements`, { text: 'x' })).status).toBe(403);
    // Not in a meeting that is not a drøftingsmøte, even for the union representative.
    const ordinary = await meetingOf(wg, 'Ordinært arbeidsmøte');
    const notConsultation = await udf.request('POST', `/api/meetings/${ordinary}/statements`, { text: 'x' });
    expect(notConsultation.body.errors).toEqual([{ path: 'text', message: 'Protokolltilførsel kan bare gis i drøftingsmøter' }]);
    expect((await udf.request('GET', `/api/meetings/${ordinary}`)).body.myStatementUnion).toBeNull();
    // A drøftingsmøte records no vedtak.
    const noDecision = await officer.request('PUT', `/api/meetings/${meetingId}/agenda/${item.id}/minutes`, {
      minutes: 'Drøftet.',
      decision: { text: 'Vedtatt' },
    });
    expect(noDecision.status).toBe(400);
    expect(noDecision.body.errors[0].path).toBe('decision');

    const protocol = (await officer.request('GET', `/api/meetings/${meetingId}`)).body;
    expect(protocol.statements).toEqual([
      expect.objectContaining({
        union: 'Utdanningsforbundet',
        agendaItemId: item.id,
        text: 'Utdanningsforbundet kan ikke slutte seg til kuttet i rammen.',
      }),
    ]);
    const onCase = (await officer.request('GET', `/api/cases/${c.id}/statements`)).body.statements;
    expect(onCase).toEqual([
      expect.objectContaining({
        union: 'Utdanningsforbundet',
        aboutCase: true,
        meeting: expect.objectContaining({ id: meetingId, body: 'Arbeidsgruppen for skoleoppfølging' }),
      }),
    ]);
    // Another municipality never sees it.
    const other = await login(t.url, DEMO.otherAdmin);
    expect((await other.request('GET', `/api/cases/${c.id}/statements`)).status).toBe(404);
    expect((await other.request('POST', `/api/meetings/${meetingId}/statements`, { text: 'x' })).status).toBeGreaterThanOrEqual(403);
  });

  it('a statement about an exempt case is shown only to those who may read the case', async () => {
    const wg = bodies['Arbeidsgruppen for skoleoppfølging']!;
    const c = (
      await officer.request('POST', '/api/cases', {
        title: 'Omplassering av lærer S',
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: 'Personalsak',
      })
    ).body;
    await officer.request('PUT', `/api/cases/${c.id}/route`, { steps: [{ bodyId: wg, meetingDate: null }] });
    const meetingId = await meetingOf(wg, 'Drøfting av personalsak', 'consultation');
    const item = (await officer.request('POST', `/api/meetings/${meetingId}/agenda`, { caseId: c.id })).body;
    await officer.request('POST', `/api/meetings/${meetingId}/publish`);
    expect(
      (await udf.request('POST', `/api/meetings/${meetingId}/statements`, { text: 'Lærer S må høres først.', agendaItemId: item.id }))
        .status,
    ).toBe(201);
    const seen = (await fau.request('GET', `/api/meetings/${meetingId}`)).body;
    expect(seen.statements).toEqual([]);
    expect((await fau.request('GET', `/api/cases/${c.id}/statements`)).status).toBeGreaterThanOrEqual(403);
    expect((await udf.request('GET', `/api/cases/${c.id}/statements`)).body.statements).toHaveLength(1);
  });
});
