import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('the case lifecycle', () => {
  let t: TestApp;
  let officer: Client;
  let chair: Client;
  let udf: Client;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    chair = await login(t.url, DEMO.chair);
    udf = await login(t.url, DEMO.udf);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(() => t.close());

  const newCase = async (title = 'Skolebytte og skyss') => {
    const res = await officer.request('POST', '/api/cases', { title });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const view = async (id: string, who = officer) => (await who.request('GET', `/api/cases/${id}`)).body;
  const status = async (id: string) => (await t.db.query(`SELECT status, phase_body_id FROM case_file WHERE id = $1`, [id]))[0];

  it('PATCH no longer changes the status; a move does, by a case officer only', async () => {
    const id = await newCase();
    const v = await view(id);
    // (The old PATCH took a status and allowed draft → in preparation.)
    const patched = await officer.request('PATCH', `/api/cases/${id}`, { version: v.version, status: 'in_preparation' });
    expect(patched.status).toBeLessThan(500);
    expect((await status(id)).status).toBe('draft');
    expect((await view(id)).phases.map((p: { phase: string }) => p.phase)).toEqual(['draft']);

    const byMember = await chair.request('POST', `/api/cases/${id}/moves`, { to: 'in_preparation' });
    expect(byMember.status).toBe(403);
    expect((await status(id)).status).toBe('draft');

    const refused = await officer.request('POST', `/api/cases/${id}/moves`, { to: 'decided' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        path: 'to',
        message: 'Saken kan ikke flyttes fra «Utkast» til «Vedtatt». Saken blir vedtatt når det siste organet i saksgangen fatter vedtak.',
      },
    ]);
    const bad = await officer.request('POST', `/api/cases/${id}/moves`, { to: 'somewhere' });
    expect(bad.body.errors[0]).toEqual({ path: 'to', message: 'Velg hvilken fase saken skal til' });

    const moved = await officer.request('POST', `/api/cases/${id}/moves`, { to: 'in_preparation' });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ status: 'in_preparation' });
    const [audit] = await t.db.query(
      `SELECT actor_id, changes FROM audit_event WHERE entity_type = 'case' AND entity_id = $1 AND changes ? 'event'`,
      [id],
    );
    expect(audit).toMatchObject({
      actor_id: officer.userId,
      changes: { status: { before: 'draft', after: 'in_preparation' }, event: { after: 'move' } },
    });
  });

  it('lists the phases with their dates, and the moves allowed now (for officers only)', async () => {
    const id = await newCase();
    await officer.request('POST', `/api/cases/${id}/moves`, { to: 'in_preparation' });
    const v = await view(id);
    expect(v.phases.map((p: { phase: string }) => p.phase)).toEqual(['draft', 'in_preparation']);
    for (const p of v.phases) expect(Date.now() - new Date(p.enteredAt).getTime()).toBeLessThan(60_000);
    expect(v.phases[1]).toMatchObject({ actor: 'Rådgiver, oppvekst', body: null });
    expect(v.allowedMoves).toEqual([
      { to: 'draft', back: true, body: null },
      { to: 'working_group', back: false, body: null },
    ]);
    expect(v.phase).toEqual({ phase: 'in_preparation', body: null });
    expect((await view(id, udf)).allowedMoves).toEqual([]);
  });

  it('a vedtak by the first of two bodies sends the case to the second; only the second decides it', async () => {
    const id = await newCase();
    const du = bodies['Driftsutvalget']!;
    const ks = bodies['Kommunestyret']!;
    await officer.request('PUT', `/api/cases/${id}/route`, {
      steps: [
        { bodyId: du, meetingDate: null },
        { bodyId: ks, meetingDate: null },
      ],
    });
    await officer.request('POST', `/api/cases/${id}/moves`, { to: 'in_preparation' });
    // Not before Driftsutvalget yet: no vedtak.
    const early = await officer.request('POST', `/api/cases/${id}/decisions`, { bodyId: du, decidedOn: '2026-10-20', text: 'For tidlig' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toEqual({
      path: 'bodyId',
      message: 'Driftsutvalget kan ikke fatte vedtak før saken er sendt til behandling der (saken er nå «Under utredning»)',
    });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM decision WHERE case_id = $1`, [id]))[0].n).toBe(0);

    await bringBefore(officer, id, [du, ks]);
    expect(await status(id)).toEqual({ status: 'before_body', phase_body_id: du });
    const wrongBody = await officer.request('POST', `/api/cases/${id}/decisions`, {
      bodyId: ks,
      decidedOn: '2026-10-20',
      text: 'Hopper over',
    });
    expect(wrongBody.body.errors[0].message).toBe('Saken ligger ikke til behandling i Kommunestyret, men i Driftsutvalget');

    const first = await officer.request('POST', `/api/cases/${id}/decisions`, {
      bodyId: du,
      decidedOn: '2026-10-20',
      text: 'Driftsutvalget slutter seg til innstillingen.',
    });
    expect(first.status).toBe(201);
    expect(await status(id)).toEqual({ status: 'before_body', phase_body_id: ks });
    const between = await view(id);
    expect(between.phase).toEqual({ phase: 'before_body', body: { id: ks, name: 'Kommunestyret', position: 2 } });
    expect(between.phases.map((p: { phase: string; body: { name: string } | null }) => [p.phase, p.body?.name ?? null])).toEqual([
      ['draft', null],
      ['in_preparation', null],
      ['recommended', null],
      ['before_body', 'Driftsutvalget'],
      ['before_body', 'Kommunestyret'],
    ]);
    // The body the case is before stays on the route.
    const dropped = await officer.request('PUT', `/api/cases/${id}/route`, { steps: [{ bodyId: du, meetingDate: null }] });
    expect(dropped.body.errors[0].message).toBe(
      'Saken ligger til behandling i Kommunestyret. Det organet kan ikke tas ut av saksgangen nå.',
    );

    const last = await officer.request('POST', `/api/cases/${id}/decisions`, {
      bodyId: ks,
      decidedOn: '2026-11-05',
      text: 'Kommunestyret vedtar forslaget.',
    });
    expect(last.status).toBe(201);
    expect(await status(id)).toEqual({ status: 'decided', phase_body_id: null });
    const after = await view(id);
    expect(after.allowedMoves.map((m: { to: string }) => m.to)).toEqual(['follow_up', 'closed']);
    expect((await officer.request('POST', `/api/cases/${id}/moves`, { to: 'follow_up' })).status).toBe(201);
    expect((await officer.request('POST', `/api/cases/${id}/moves`, { to: 'closed' })).status).toBe(201);
    const round = await officer.request('POST', '/api/rounds', {
      caseId: id,
      title: 'For sent',
      questions: '?',
      closesAt: inSeconds(3600),
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg']],
    });
    expect(round.status).toBe(400);
    expect(round.body.errors[0]).toEqual({ path: 'caseId', message: 'Saken er avsluttet. Det kan ikke åpnes nye innspillsrunder på den.' });
  });

  it('a drøftingsmøte records a protocol, never a vedtak, and leaves the case where it is', async () => {
    const id = await newCase('Omorganisering av skolefritidsordningen');
    const adm = bodies['Administrasjonen, oppvekst']!;
    await bringBefore(officer, id, [adm]);
    const before = await status(id);
    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: adm,
        kind: 'consultation',
        title: 'Drøftingsmøte om SFO',
        startsAt: '2026-12-10T10:00:00+01:00',
        place: 'Rådhuset',
      })
    ).body;
    const item = (await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: id })).body;
    expect((await officer.request('GET', `/api/meetings/${meeting.id}`)).body.mayDecide).toBe(false);
    const refused = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
      minutes: 'Partene drøftet saken.',
      decision: { text: 'Vedtatt', motions: [] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'decision', message: 'Et drøftingsmøte fatter ikke vedtak. Protokollen har drøftingen og partenes protokolltilførsler.' },
    ]);
    expect(await status(id)).toEqual(before);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM decision WHERE case_id = $1`, [id]))[0].n).toBe(0);
    const protocol = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
      minutes: 'Partene drøftet saken.',
    });
    expect(protocol.status).toBe(200);
    expect(await status(id)).toEqual(before);
  });

  it('the deciding vedtak while a round is open needs a confirmation with a reason, kept in the audit and shown in the protocol and on the case', async () => {
    const id = await newCase('Nye skolegrenser');
    const du = bodies['Driftsutvalget']!;
    const round = await officer.request('POST', '/api/rounds', {
      caseId: id,
      title: 'Innspill til skolegrenser',
      questions: 'Hva mener dere?',
      closesAt: inSeconds(3600),
      invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
    });
    expect(round.status).toBe(201);
    expect((await status(id)).status).toBe('input_round');
    const given = await udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: 'Vi ber om mer tid.',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    expect(given.status).toBe(201);
    await bringBefore(officer, id, [du]);
    expect((await view(id)).openInput).toBe(
      'Innspillsrunden «Innspill til skolegrenser» er fortsatt åpen. Ett innspill mangler behandling.',
    );

    const meeting = (
      await officer.request('POST', '/api/meetings', {
        bodyId: du,
        title: 'Driftsutvalget desember',
        startsAt: '2026-12-12T18:00:00+01:00',
        place: 'Rådhuset',
      })
    ).body;
    const item = (await officer.request('POST', `/api/meetings/${meeting.id}/agenda`, { caseId: id })).body;
    expect((await officer.request('GET', `/api/meetings/${meeting.id}`)).body.agenda[0].openInput).toMatch(
      /Innspillsrunden «Innspill til skolegrenser» er fortsatt åpen/,
    );
    const decision = { text: 'Driftsutvalget vedtar nye skolegrenser.', motions: [] };
    const unconfirmed = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
      minutes: 'Vedtatt.',
      decision,
    });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.errors).toEqual([
      {
        path: 'confirmOpenInput',
        message:
          'Innspillsrunden «Innspill til skolegrenser» er fortsatt åpen. Ett innspill mangler behandling. Bekreft med en begrunnelse at vedtaket likevel skal fattes.',
      },
    ]);
    expect((await status(id)).status).toBe('before_body');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM decision WHERE case_id = $1`, [id]))[0].n).toBe(0);
    const empty = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
      minutes: 'Vedtatt.',
      decision: { ...decision, confirmOpenInput: { reason: ' ' } },
    });
    expect(empty.body.errors[0]).toEqual({ path: 'decision.confirmOpenInput.reason', message: 'Begrunnelsen må fylles ut' });

    const reason = 'Skolegrensene må gjelde fra skolestart; innspillet er vurdert muntlig i møtet.';
    const confirmed = await officer.request('PUT', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, {
      minutes: 'Vedtatt.',
      decision: { ...decision, confirmOpenInput: { reason } },
    });
    expect(confirmed.status).toBe(200);
    expect(await status(id)).toEqual({ status: 'decided', phase_body_id: null });
    const [audit] = await t.db.query(`SELECT changes FROM audit_event WHERE entity_type = 'decision' AND entity_id = $1`, [
      confirmed.body.decisionId,
    ]);
    expect(audit.changes.confirmOpenInput.after).toEqual({
      reason,
      open: 'Innspillsrunden «Innspill til skolegrenser» er fortsatt åpen. Ett innspill mangler behandling.',
    });
    const protocol = (await officer.request('GET', `/api/meetings/${meeting.id}`)).body.agenda[0];
    expect(protocol.decision).toMatchObject({ text: 'Driftsutvalget vedtar nye skolegrenser.', openInputReason: reason });
    const c = await view(id);
    expect(c.decisions[0].openInputReason).toBe(reason);
    expect(c.phases.at(-1)).toMatchObject({ phase: 'decided', reason: expect.stringContaining(reason) });
  });
});
