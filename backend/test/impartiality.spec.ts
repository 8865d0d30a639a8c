import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';
import { pdfText } from './pdf-text.js';

/** Impartiality (habilitet): declarations, the body's decision, the vote that refuses the disqualified, the officer's. */
describe('impartiality on record', () => {
  let t: TestApp;
  let officer: Client;
  let chair: Client;
  let fau: Client;
  let other: Client;
  let bodies: Record<string, string>;
  let users: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    chair = await login(t.url, DEMO.chair);
    fau = await login(t.url, DEMO.fau);
    other = await login(t.url, DEMO.otherAdmin);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    const rows: { id: string; email: string }[] = await t.db.query(`SELECT id, email FROM app_user`);
    users = Object.fromEntries(rows.map((u) => [u.email, u.id]));
  });
  afterAll(() => t.close());

  const du = (n: string) => users[`${n}.driftsutvalget@solvik.kommune.test`]!;
  const vara = () => users['kommunestyret.posisjon@solvik.kommune.test']!;

  /** A case before Driftsutvalget on a meeting's agenda, with attendance recorded. */
  async function meetingWithCase(title: string) {
    const c = (await officer.request('POST', '/api/cases', { title })).body;
    await bringBefore(officer, c.id, [bodies['Driftsutvalget']!]);
    const meeting = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: `Møte om ${title}`,
      startsAt: '2026-11-24T18:00:00+01:00',
      place: 'Rådhuset',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    const meetingId = meeting.body.id as string;
    const item = (await officer.request('POST', `/api/meetings/${meetingId}/agenda`, { caseId: c.id })).body;
    expect((await officer.request('POST', `/api/meetings/${meetingId}/publish`)).status).toBe(204);
    const attendance = await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      attendance: ['leder', 'nestleder', 'medlem3', 'medlem4', 'medlem5'].map((n) => ({ userId: du(n), status: 'present' })),
    });
    expect(attendance.status).toBe(204);
    return { caseId: c.id as string, meetingId, itemId: item.id as string, committeeNumber: item.committeeNumber as string };
  }

  it('an approved protocol takes no new declaration or decision until it is reopened', async () => {
    const { meetingId, itemId } = await meetingWithCase('Skolebytte i Solvik');
    const base = `/api/meetings/${meetingId}/impartiality`;
    const declared = await officer.request('POST', base, {
      agendaItemId: itemId,
      userId: du('medlem3'),
      reason: 'Søster er rektor',
      legalBasis: 'fvl_6_2',
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${meetingId}/minutes/approval`)).status).toBeLessThan(300);

    const late = await chair.request('POST', base, { agendaItemId: itemId, reason: 'Nabo til skolen', legalBasis: 'fvl_6_2' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/Protokollen er godkjent og låst/);
    const decision = { decision: 'disqualified', decisionText: 'Driftsutvalget fant medlemmet inhabilt.' };
    expect((await officer.request('PUT', `${base}/${declared.body.id}/decision`, decision)).status).toBe(409);

    expect(
      (await officer.request('POST', `/api/meetings/${meetingId}/minutes/reopening`, { reason: 'Habilitet ble ikke ført' })).status,
    ).toBeLessThan(300);
    const decided = await officer.request('PUT', `${base}/${declared.body.id}/decision`, decision);
    expect(decided.status, JSON.stringify(decided.body)).toBeLessThan(300);
  });

  it('a member declares, the officer records the decision and a substitute; the vote refuses the disqualified and takes the substitute', async () => {
    const { caseId, meetingId, itemId, committeeNumber } = await meetingWithCase('Ny barnehage i Nordby');
    const base = `/api/meetings/${meetingId}/impartiality`;

    // The chair (a member of Driftsutvalget) declares for themselves; a reason and a legal basis are needed.
    const missing = await chair.request('POST', base, { agendaItemId: itemId, reason: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'reason', message: 'Begrunnelsen må fylles ut' },
        { path: 'legalBasis', message: 'Velg lovgrunnlaget for inhabiliteten' },
      ]),
    );
    const declared = await chair.request('POST', base, {
      agendaItemId: itemId,
      reason: 'Er styreleder i selskapet som skal bygge barnehagen.',
      legalBasis: 'fvl_6_1_e',
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const twice = await chair.request('POST', base, { agendaItemId: itemId, reason: 'Igjen', legalBasis: 'fvl_6_1_e' });
    expect(twice.body.errors).toEqual([{ path: 'userId', message: 'Habiliteten til personen i denne saken er allerede registrert' }]);

    // A member may not record for someone else; only the officer may record the body's decision.
    const forOther = await chair.request('POST', base, { agendaItemId: itemId, userId: du('medlem3'), reason: 'x', legalBasis: 'fvl_6_2' });
    expect(forOther.status).toBe(403);
    expect(forOther.body.message).toBe('Bare saksbehandler kan registrere inhabilitet for andre');
    const decision = {
      decision: 'disqualified',
      decisionText: 'Leder er inhabil etter forvaltningsloven § 6 første ledd bokstav e og fratrer.',
      substituteUserId: vara(),
    };
    expect((await chair.request('PUT', `${base}/${declared.body.id}/decision`, decision)).status).toBe(403);
    const noSubstituteUnlessDisqualified = await officer.request('PUT', `${base}/${declared.body.id}/decision`, {
      ...decision,
      decision: 'not_disqualified',
    });
    expect(noSubstituteUnlessDisqualified.body.errors).toEqual([
      { path: 'substituteUserId', message: 'Vara kalles bare inn for den som er inhabil' },
    ]);
    const decided = await officer.request('PUT', `${base}/${declared.body.id}/decision`, decision);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ id: declared.body.id, decision: 'disqualified' });

    // The officer records another member's possible disqualification; the vote waits for the body's decision on it,
    // which finds them not disqualified.
    const recorded = await officer.request('POST', base, {
      agendaItemId: itemId,
      userId: du('medlem4'),
      reason: 'Naboeiendom til tomten.',
      legalBasis: 'fvl_6_2',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const undecided = await officer.request('PUT', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, {
      minutes: 'Saken ble behandlet.',
      decision: { text: 'Vedtatt.' },
    });
    expect(undecided.body.errors).toEqual([
      {
        path: 'decision',
        message: 'Medlem, Driftsutvalget (opposisjon) har erklært seg inhabil; organet må avgjøre habiliteten før voteringen',
      },
    ]);
    expect(
      (
        await officer.request('PUT', `${base}/${recorded.body.id}/decision`, {
          decision: 'not_disqualified',
          decisionText: 'Medlemmet er ikke inhabil.',
        })
      ).status,
    ).toBe(200);

    // The meeting shows the chair as having left for the case and the substitute as voting in their place.
    const view = (await officer.request('GET', `/api/meetings/${meetingId}`)).body;
    const item = view.agenda[0];
    expect(item.excludedVoters).toEqual([
      {
        userId: du('leder'),
        name: 'Leder, Driftsutvalget',
        reason: 'disqualified',
        note: 'Er styreleder i selskapet som skal bygge barnehagen.',
      },
    ]);
    expect(item.eligibleVoters.map((v: { userId: string }) => v.userId).sort()).toEqual(
      [du('nestleder'), du('medlem3'), du('medlem4'), du('medlem5'), vara()].sort(),
    );
    expect(item.impartiality).toEqual([
      expect.objectContaining({
        name: 'Leder, Driftsutvalget',
        declaredBy: 'self',
        decision: 'disqualified',
        substituteName: 'Kommunestyremedlem, posisjon',
      }),
      expect.objectContaining({
        name: 'Medlem, Driftsutvalget (opposisjon)',
        declaredBy: 'officer',
        decision: 'not_disqualified',
        substituteName: null,
      }),
    ]);

    // The vote refuses the disqualified member (409) and anyone who did not meet; the substitute votes.
    const motion = { motion: 'Barnehagen bygges.', proposedBy: 'Nestleder', for: 5, against: 0, adopted: true };
    const minutes = (voterIds: string[], extra: Record<string, unknown> = {}) =>
      officer.request('PUT', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, {
        minutes: 'Saken ble behandlet.',
        decision: { motions: [motion], voterIds, ...extra },
      });
    const refused = await minutes([du('leder'), du('nestleder')]);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      `Leder, Driftsutvalget er inhabil i sak ${committeeNumber} og kan ikke stemme (fratrådte under behandlingen). Begrunnelse: Er styreleder i selskapet som skal bygge barnehagen.`,
    );
    const dissentByDisqualified = await minutes([], { dissent: [{ name: 'Leder, Driftsutvalget', reason: 'Uenig' }] });
    expect(dissentByDisqualified.status).toBe(409);
    const notThere = await minutes([users['htv.fagforbundet@solvik.kommune.test']!]);
    expect(notThere.body.errors).toEqual([{ path: 'decision.voterIds.0', message: 'Personen møtte ikke i saken og kan ikke stemme' }]);
    // Without the substitute, four could vote: five votes are too many.
    const tooMany = await minutes([du('nestleder'), du('medlem3'), du('medlem4'), du('medlem5')]);
    expect(tooMany.body.errors).toEqual([
      { path: 'decision.motions.0.for', message: 'Forslaget har 5 stemmer, men bare 4 kunne stemme i saken' },
    ]);
    const voters = [du('nestleder'), du('medlem3'), du('medlem4'), du('medlem5'), vara()];
    const ok = await minutes(voters);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const after = (await officer.request('GET', `/api/meetings/${meetingId}`)).body.agenda[0];
    expect(after.voters.map((v: { userId: string }) => v.userId)).toEqual(voters);
    expect(after.voters.map((v: { name: string }) => v.name)).toContain('Kommunestyremedlem, posisjon');

    // No declaration or decision after the vote.
    const late = await officer.request('POST', base, {
      agendaItemId: itemId,
      userId: du('medlem3'),
      reason: 'Sent',
      legalBasis: 'fvl_6_2',
    });
    expect(late.body.errors).toEqual([
      { path: 'agendaItemId', message: 'Saken er allerede votert over; habiliteten avgjøres før voteringen' },
    ]);

    // The register of declarations is the case's, and each declaration and decision is in its audit trail.
    const register = (await chair.request('GET', `/api/cases/${caseId}/impartiality`)).body;
    expect(register.declarations).toHaveLength(2);
    expect(register.declarations[0]).toMatchObject({ person: { name: 'Leder, Driftsutvalget' }, meeting: { id: meetingId } });
    const audit = (await officer.request('GET', `/api/audit/case/${caseId}`)).body.events as { changes: Record<string, unknown> }[];
    const keys = audit.flatMap((e) => Object.keys(e.changes));
    expect(keys.filter((k) => k === 'impartialityDeclaration')).toHaveLength(2);
    expect(keys.filter((k) => k === 'impartialityDecision')).toHaveLength(2);

    // The møteprotokoll states it.
    const doc = await officer.request('POST', '/api/documents', { kind: 'meeting_minutes', meetingId, language: 'nb' });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    const pdf = (await pdfText((await officer.request('GET', `/api/documents/${doc.body.id}/file`)).body)).text.replace(/\s+/g, ' ');
    expect(pdf).toContain('Leder, Driftsutvalget erklærte seg inhabil etter forvaltningsloven § 6 første ledd bokstav e');
    expect(pdf).toContain('Driftsutvalget vedtok: Leder er inhabil');
    expect(pdf).toContain('Leder, Driftsutvalget fratrådte under behandlingen av saken og stemte ikke.');
    expect(pdf).toContain('Vara Kommunestyremedlem, posisjon tiltrådte.');
  });

  it('refuses a reference-group member and another municipality', async () => {
    const { meetingId, itemId, caseId } = await meetingWithCase('Skolebuss til Sørli');
    const base = `/api/meetings/${meetingId}/impartiality`;
    // FAU-leder sits in a reference group, not in Driftsutvalget: no declaration here, for themselves or others.
    const self = await fau.request('POST', base, { agendaItemId: itemId, reason: 'Barn på skolen.', legalBasis: 'fvl_6_2' });
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('Bare medlemmer av Driftsutvalget kan erklære seg inhabile i dette møtet');
    const forOther = await fau.request('POST', base, { agendaItemId: itemId, userId: du('leder'), reason: 'x', legalBasis: 'fvl_6_2' });
    expect(forOther.status).toBe(403);
    expect((await fau.request('GET', base)).body).toMatchObject({ mayDeclare: false, mayRecord: false, people: [], substitutes: [] });
    // Another municipality sees nothing of it.
    expect((await other.request('GET', base)).status).toBe(404);
    expect((await other.request('GET', `/api/cases/${caseId}/impartiality`)).status).toBe(404);
    expect((await other.request('POST', base, { agendaItemId: itemId, reason: 'x', legalBasis: 'fvl_6_2' })).status).toBe(404);
  });

  it('an officer disqualified from preparing a case cannot prepare it; the case needs another officer', async () => {
    const c = (await officer.request('POST', '/api/cases', { title: 'Tilskudd til idrettslag' })).body;
    const director = users['kommunalsjef@solvik.kommune.test']!;
    const directorClient = await login(t.url, 'kommunalsjef@solvik.kommune.test');
    const res = await directorClient.request('POST', `/api/cases/${c.id}/officer-disqualifications`, {
      userId: officer.userId,
      reason: 'Er styremedlem i idrettslaget.',
      legalBasis: 'fvl_6_1_e',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.needsReassignment).toBe(true);
    // The disqualified officer prepares nothing: no innstilling, no move.
    const move = await officer.request('POST', `/api/cases/${c.id}/moves`, { to: 'in_preparation' });
    expect(move.status).toBe(403);
    expect(move.body.message).toBe(
      'Du er inhabil i saken og kan ikke forberede den (Er styremedlem i idrettslaget.). Saken må tildeles en annen saksbehandler.',
    );
    const register = (await directorClient.request('GET', `/api/cases/${c.id}/impartiality`)).body;
    expect(register).toMatchObject({
      needsReassignment: true,
      officerDisqualifications: [{ officer: { id: officer.userId }, legalBasis: 'fvl_6_1_e' }],
    });
    // Not back to the disqualified; to another officer, who may then prepare it.
    expect((await directorClient.request('PUT', `/api/cases/${c.id}/officer`, { officerId: officer.userId })).body.errors).toEqual([
      { path: 'officerId', message: 'Saksbehandleren er inhabil i saken og kan ikke få den' },
    ]);
    const assigned = await directorClient.request('PUT', `/api/cases/${c.id}/officer`, { officerId: director });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect((await directorClient.request('GET', `/api/cases/${c.id}/impartiality`)).body.needsReassignment).toBe(false);
    expect((await directorClient.request('POST', `/api/cases/${c.id}/moves`, { to: 'in_preparation' })).status).toBeLessThan(300);
    const audit = (await officer.request('GET', `/api/audit/case/${c.id}`)).body.events as { changes: Record<string, unknown> }[];
    expect(audit.some((e) => 'officerDisqualification' in e.changes)).toBe(true);
    // A member may not record an officer's disqualification, nor reassign.
    expect(
      (
        await chair.request('POST', `/api/cases/${c.id}/officer-disqualifications`, {
          userId: director,
          reason: 'x',
          legalBasis: 'fvl_6_2',
        })
      ).status,
    ).toBe(403);
    expect((await chair.request('PUT', `/api/cases/${c.id}/officer`, { officerId: director })).status).toBe(403);
  });

  it('the demo meeting records a disqualified member who did not vote and the substitute who did', async () => {
    // The seeded meeting of Driftsutvalget that decided the demo case on income (other tests make meetings of the same name).
    const [demo]: { id: string }[] = await t.db.query(
      `SELECT mt.id FROM meeting mt JOIN agenda_item a ON a.meeting_id = mt.id JOIN case_file c ON c.id = a.case_id
        WHERE mt.title = 'Møte i Driftsutvalget' AND c.title = 'Tiltak for økte inntekter i oppvekstsektoren' AND a.decision_id IS NOT NULL`,
    );
    const item = (await chair.request('GET', `/api/meetings/${demo!.id}`)).body.agenda[0];
    expect(item.impartiality).toEqual([
      expect.objectContaining({
        name: 'Medlem, Driftsutvalget (posisjon)',
        decision: 'disqualified',
        substituteName: 'Kommunestyremedlem, posisjon',
      }),
    ]);
    expect(item.excludedVoters.map((x: { name: string }) => x.name)).toEqual(['Medlem, Driftsutvalget (posisjon)']);
    expect(item.voters.map((x: { name: string }) => x.name)).toContain('Kommunestyremedlem, posisjon');
    expect(item.voters.map((x: { name: string }) => x.name)).not.toContain('Medlem, Driftsutvalget (posisjon)');
  });
});
