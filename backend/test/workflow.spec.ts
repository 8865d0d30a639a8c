import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailService } from '../src/modules/mail/mail.service.js';
import { closeRound, remindRound } from '../src/modules/input-rounds/round-jobs.service.js';
import { relayOnce } from '../src/platform/queue/relay.js';
import { bringBefore, DEMO, login, moveClock, startTestApp, type Client, type TestApp } from './harness.js';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the case workflow', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let fau: Client;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK: '1' });
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    fau = await login(t.url, DEMO.fau);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(() => t.close());
  // Tests that let a deadline pass move the test clock; the next starts on the system clock again.
  afterEach(() => moveClock(t, { offsetMs: 0 }));

  async function newCase(extra: Record<string, unknown> = {}) {
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const item = (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items[2];
    const res = await officer.request('POST', '/api/cases', {
      title: 'Ny ressursfordelingsmodell for skolene',
      mandateItemId: item.id,
      sections: {
        background: 'Analysen viste store forskjeller.',
        facts: 'Ti enheter.',
        assessment: 'Modellen bør bli enklere.',
        proposal: 'Driftsutvalget vedtar ny modell.',
      },
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await officer.request('PUT', `/api/cases/${res.body.id}/route`, {
      steps: [
        { bodyId: bodies['Arbeidsgruppen for skoleoppfølging'], meetingDate: '2026-10-01' },
        { bodyId: bodies['Driftsutvalget'], meetingDate: '2026-10-20' },
        { bodyId: bodies['Kommunestyret'], meetingDate: '2026-11-05' },
      ],
    });
    return res.body as { id: string; number: string };
  }

  async function newRound(caseId: string, closesAt: string, latePolicy = 'refuse') {
    const res = await officer.request('POST', '/api/rounds', {
      caseId,
      title: 'Innspill til ny fordelingsmodell',
      questions: 'Hva betyr modellen for din skole?',
      closesAt,
      latePolicy,
      invitedBodyIds: [bodies['KFU – kommunalt foreldreutvalg'], bodies['Utdanningsforbundet Solvik'], bodies['Fagforbundet Solvik']],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  it('numbers cases per municipality and year, and committee cases per body', async () => {
    const a = await newCase();
    const b = await newCase();
    const [ya, na] = a.number.split('/').map(Number);
    const [, nb] = b.number.split('/').map(Number);
    expect(ya).toBe(new Date().getFullYear());
    expect(nb).toBe(na! + 1);
    const view = (await officer.request('GET', `/api/cases/${b.id}`)).body;
    expect(view.route.map((r: { committeeNumber: string }) => r.committeeNumber)).toEqual([
      expect.stringMatching(/^\d+\/26$/),
      expect.stringMatching(/^\d+\/26$/),
      expect.stringMatching(/^\d+\/26$/),
    ]);
    expect(view.sections.map((s: { kind: string }) => s.kind)).toEqual(['background', 'facts', 'assessment', 'proposal']);
  });

  it('keeps every version of a section, with a readable diff, and refuses a stale edit', async () => {
    const c = await newCase();
    const proposal = (await officer.request('GET', `/api/cases/${c.id}`)).body.sections[3];
    const ok = await officer.request('PUT', `/api/cases/${c.id}/sections/${proposal.id}`, {
      version: 1,
      text: 'Driftsutvalget vedtar ny modell fra 2027.',
    });
    expect(ok.body.version).toBe(2);
    const stale = await officer.request('PUT', `/api/cases/${c.id}/sections/${proposal.id}`, { version: 1, text: 'Gammel' });
    expect(stale.status).toBe(409);
    const diff = (await udf.request('GET', `/api/cases/${c.id}/sections/${proposal.id}/diff?from=1&to=2`)).body;
    const text = (keep: string) =>
      diff.parts
        .filter((p: { change: string }) => p.change === 'same' || p.change === keep)
        .map((p: { value: string }) => p.value)
        .join('');
    expect(text('removed')).toBe('Driftsutvalget vedtar ny modell.');
    expect(text('added')).toBe('Driftsutvalget vedtar ny modell fra 2027.');
    expect(
      diff.parts
        .filter((p: { change: string }) => p.change === 'added')
        .map((p: { value: string }) => p.value)
        .join(''),
    ).toContain('2027');
  });

  it('refuses a submission one second after the deadline, with a clear message', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(1.5));
    const body = { text: 'For sent', bodyId: bodies['KFU – kommunalt foreldreutvalg'], idempotencyKey: randomUUID() };
    await moveClock(t, { advanceMs: 2600 });
    const res = await fau.request('POST', `/api/rounds/${round}/submissions`, body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      path: 'deadline',
      message: expect.stringMatching(/^Fristen gikk ut .+\. Innspill tas ikke lenger imot i denne runden\.$/),
    });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1`, [round]))[0].n).toBe(0);
  });

  it('accepts a late submission marked late when the round’s policy says so', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(1.5), 'accept_late');
    await moveClock(t, { advanceMs: 2600 });
    const res = await fau.request('POST', `/api/rounds/${round}/submissions`, {
      text: 'Sent, men godtatt',
      bodyId: bodies['KFU – kommunalt foreldreutvalg'],
      idempotencyKey: randomUUID(),
    });
    expect(res.status).toBe(201);
    expect(res.body.late).toBe(true);
  });

  it('stores one submission for the same idempotency key twice, and gives a receipt', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    const body = {
      text: 'Vi støtter modellen, men savner skyss.',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    };
    const [a, b] = await Promise.all([
      udf.request('POST', `/api/rounds/${round}/submissions`, body),
      udf.request('POST', `/api/rounds/${round}/submissions`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1`, [round]))[0].n).toBe(1);
    const view = (await officer.request('GET', `/api/rounds/${round}`)).body;
    expect(view.invitations.find((i: { bodyId: string }) => i.bodyId === bodies['Utdanningsforbundet Solvik']).status).toBe('answered');
  });

  it('scopes an idempotency key to the round: the same key in another round is a new submission there', async () => {
    const c = await newCase();
    const [first, second] = [await newRound(c.id, inSeconds(3600)), await newRound(c.id, inSeconds(3600))];
    const body = { text: 'Skyss må med i modellen.', bodyId: bodies['KFU – kommunalt foreldreutvalg'], idempotencyKey: randomUUID() };
    const a = await fau.request('POST', `/api/rounds/${first}/submissions`, body);
    const b = await fau.request('POST', `/api/rounds/${second}/submissions`, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.duplicate).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
    const stored = async (round: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM submission WHERE round_id = $1`, [round]))[0].n;
    expect([await stored(first), await stored(second)]).toEqual([1, 1]);
    // The same key and content again in the first round is the first round's receipt.
    const again = await fau.request('POST', `/api/rounds/${first}/submissions`, body);
    expect(again.body).toMatchObject({ id: a.body.id, sha256: a.body.sha256, duplicate: true });
  });

  it('refuses the same key with other text in the same round (409 naming the stored receipt) and keeps the stored text', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    const key = randomUUID();
    const bodyId = bodies['KFU – kommunalt foreldreutvalg'];
    const first = await fau.request('POST', `/api/rounds/${round}/submissions`, { text: 'Første tekst', bodyId, idempotencyKey: key });
    expect(first.status).toBe(201);
    const other = await fau.request('POST', `/api/rounds/${round}/submissions`, {
      text: 'En helt annen tekst',
      bodyId,
      idempotencyKey: key,
    });
    expect(other.status).toBe(409);
    expect(other.body.message).toContain(`kvittering ${first.body.id}`);
    expect(other.body.message).toMatch(/^Idempotensnøkkelen er allerede brukt for et annet innspill/);
    expect(other.body.current).toMatchObject({ id: first.body.id, sha256: first.body.sha256 });
    const texts = await t.db.query(
      `SELECT v.text FROM submission s JOIN submission_version v ON v.submission_id = s.id WHERE s.round_id = $1`,
      [round],
    );
    expect(texts).toEqual([{ text: 'Første tekst' }]);
    // Continuous input follows the same rule: same key and text is the receipt, other text a 409.
    const input = { caseId: c.id, text: 'Løpende innspill', idempotencyKey: randomUUID() };
    const given = await fau.request('POST', '/api/inputs', input);
    expect(given.status).toBe(201);
    expect((await fau.request('POST', '/api/inputs', input)).body).toMatchObject({ id: given.body.id, duplicate: true });
    const changed = await fau.request('POST', '/api/inputs', { ...input, text: 'Endret løpende innspill' });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toContain(`kvittering ${given.body.id}`);
  });

  it('keeps earlier versions when a submission is edited before the deadline; only the author may edit', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    const first = (
      await fau.request('POST', `/api/rounds/${round}/submissions`, {
        text: 'Første utkast',
        bodyId: bodies['KFU – kommunalt foreldreutvalg'],
        idempotencyKey: randomUUID(),
      })
    ).body;
    const edited = await fau.request('PUT', `/api/submissions/${first.id}`, { version: 1, text: 'Endelig innspill fra KFU' });
    expect(edited.body.version).toBe(2);
    expect((await udf.request('PUT', `/api/submissions/${first.id}`, { version: 2, text: 'Kapret' })).status).toBe(403);
    expect((await fau.request('PUT', `/api/submissions/${first.id}`, { version: 1, text: 'Gammel base' })).status).toBe(409);
    const versions = (await fau.request('GET', `/api/submissions/${first.id}/versions`)).body.versions;
    expect(versions.map((v: { text: string }) => v.text)).toEqual(['Første utkast', 'Endelig innspill fra KFU']);
  });

  it('a member cannot answer for a body they are not in, and a reference-group member cannot open an exempt case', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    const res = await fau.request('POST', `/api/rounds/${round}/submissions`, {
      text: 'x',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    expect(res.status).toBe(403);
    const exempt = await newCase({
      access: 'exempt',
      legalBasis: 'offentleglova § 14',
      publicTitle: 'Organinternt dokument om skolestruktur',
    });
    expect((await fau.request('GET', `/api/cases/${exempt.id}`)).status).toBe(403);
    const listed = (await fau.request('GET', '/api/cases')).body.cases.find((x: { id: string }) => x.id === exempt.id);
    expect(listed.title).toBe('Organinternt dokument om skolestruktur');
    expect(listed.readable).toBe(false);
    // A member of a body on the route may read it.
    expect((await udf.request('GET', `/api/cases/${exempt.id}`)).status).toBe(200);
    const noBasis = await officer.request('POST', '/api/cases', { title: 'Unntatt uten hjemmel', access: 'exempt' });
    expect(noBasis.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'legalBasis', message: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' },
        { path: 'publicTitle', message: 'Oppgi en skjermet tittel som kan vises offentlig' },
      ]),
    );
  });

  it('reminds only the bodies that have not answered, once, and closes the round once', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    await udf.request('POST', `/api/rounds/${round}/submissions`, {
      text: 'Svar fra Utdanningsforbundet',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    await officer.request('POST', `/api/rounds/${round}/no-comment`, { bodyId: bodies['Fagforbundet Solvik'] }); // officer is not a member: refused
    const ff = await login(t.url, 'htv.fagforbundet@solvik.kommune.test');
    expect((await ff.request('POST', `/api/rounds/${round}/no-comment`, { bodyId: bodies['Fagforbundet Solvik'] })).status).toBe(204);

    const [{ closes_at }] = await t.db.query(`SELECT closes_at FROM input_round WHERE id = $1`, [round]);
    const mail = new MailService(t.config, t.db);
    const payload = { roundId: round, minutes: 1440, closesAt: (closes_at as Date).toISOString() };
    const reminded = await remindRound(t.db, mail, t.config.APP_URL, payload);
    expect(reminded).toEqual([bodies['KFU – kommunalt foreldreutvalg']]);
    await remindRound(t.db, mail, t.config.APP_URL, payload); // a retried job
    const reminders: { to: string }[] = await t.db.query(`SELECT "to" FROM caught_mail WHERE subject LIKE 'Påminnelse%' AND text LIKE $1`, [
      `%/innspill/${round}%`,
    ]);
    expect(reminders.map((r) => r.to).sort()).toEqual(['fau.nordby@solvik.kommune.test', 'leder.kfu@solvik.kommune.test']);
    // The officer sees which bodies were reminded, and when; members do not.
    const officerView = (await officer.request('GET', `/api/rounds/${round}`)).body;
    expect(officerView.remindersSent).toEqual([
      { bodyId: bodies['KFU – kommunalt foreldreutvalg'], userId: null, sentAt: expect.any(String) },
    ]);
    expect((await fau.request('GET', `/api/rounds/${round}`)).body.remindersSent).toBeNull();

    // The deadline passes: the round closes once, even if the job runs twice.
    await t.db.query(`ALTER TABLE input_round DISABLE TRIGGER ALL`);
    await t.db.query(
      `UPDATE input_round SET closes_at = date_trunc('milliseconds', now()) - interval '1 second', opens_at = now() - interval '1 hour' WHERE id = $1`,
      [round],
    );
    await t.db.query(`ALTER TABLE input_round ENABLE TRIGGER ALL`);
    const [{ closes_at: past }] = await t.db.query(`SELECT closes_at FROM input_round WHERE id = $1`, [round]);
    const close = { roundId: round, closesAt: (past as Date).toISOString() };
    const results = await Promise.all([closeRound(t.db, mail, t.config.APP_URL, close), closeRound(t.db, mail, t.config.APP_URL, close)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await officer.request('GET', `/api/rounds/${round}`)).body.open).toBe(false);
    // After the deadline nothing more is accepted, not even "no comment".
    expect(
      (await fau.request('POST', `/api/rounds/${round}/no-comment`, { bodyId: bodies['KFU – kommunalt foreldreutvalg'] })).status,
    ).toBe(400);
  });

  it('records dispositions, and «Innspill og behandling» lists every input with how it was handled', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    const a = (
      await udf.request('POST', `/api/rounds/${round}/submissions`, {
        text: 'Behold basisressursen per skole.',
        bodyId: bodies['Utdanningsforbundet Solvik'],
        idempotencyKey: randomUUID(),
      })
    ).body;
    const b = (
      await fau.request('POST', `/api/rounds/${round}/submissions`, {
        text: 'Foreldrene ønsker mer til spesialundervisning.',
        bodyId: bodies['KFU – kommunalt foreldreutvalg'],
        idempotencyKey: randomUUID(),
      })
    ).body;
    const cont = await fau.request('POST', '/api/inputs', {
      caseId: c.id,
      text: 'Løpende innspill: husk skyss.',
      bodyId: null,
      idempotencyKey: randomUUID(),
    });
    expect(cont.status).toBe(201);
    const proposal = (await officer.request('GET', `/api/cases/${c.id}`)).body.sections[3];
    expect(
      (
        await officer.request('PUT', `/api/submissions/${a.id}/disposition`, {
          outcome: 'adopted',
          reason: 'Basisressursen beholdes.',
          sectionId: proposal.id,
        })
      ).status,
    ).toBe(204);
    expect(
      (await officer.request('PUT', `/api/submissions/${b.id}/disposition`, { outcome: 'partly_adopted', reason: 'Vurderes i egen sak.' }))
        .status,
    ).toBe(204);
    expect((await fau.request('PUT', `/api/submissions/${b.id}/disposition`, { outcome: 'adopted', reason: 'Selvbetjent' })).status).toBe(
      403,
    );
    const bad = await officer.request('PUT', `/api/submissions/${b.id}/disposition`, { outcome: 'maybe', reason: '' });
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'outcome', message: 'Velg hvordan innspillet er behandlet' },
        { path: 'reason', message: 'Begrunnelsen må fylles ut' },
      ]),
    );

    const summary = (await officer.request('GET', `/api/cases/${c.id}/input-summary`)).body;
    expect(summary.total).toBe(3);
    expect(summary.handled).toBe(2);
    expect(summary.text).toContain('Utdanningsforbundet Solvik (ved Hovedtillitsvalgt, Utdanningsforbundet)');
    expect(summary.text).toContain('Behandling: Tatt til følge. Basisressursen beholdes. (påvirket: Forslag til vedtak)');
    expect(summary.text).toContain('Behandling: Delvis tatt til følge. Vurderes i egen sak.');
    expect(summary.text).toContain('Løpende innspill: husk skyss.');
    expect(summary.text).toContain('Behandling: ikke behandlet ennå');
    // The round is open and publishes nothing: another body's input is not in a member's summary (continuous input is).
    const udfs = (await udf.request('GET', `/api/cases/${c.id}/input-summary`)).body;
    expect(udfs.items.map((s: { text: string }) => s.text)).toEqual(['Behold basisressursen per skole.', 'Løpende innspill: husk skyss.']);
    expect(udfs.text).not.toContain('spesialundervisning');
  });

  it('records the innstilling once and never changes it; the vedtak enters the decisions register', async () => {
    const c = await newCase();
    const du = bodies['Driftsutvalget']!;
    expect((await officer.request('POST', `/api/cases/${c.id}/moves`, { to: 'in_preparation' })).status).toBe(201);
    const rec = await officer.request('POST', `/api/cases/${c.id}/recommendations`, {
      bodyId: du,
      text: 'Driftsutvalget innstiller på ny modell.',
    });
    expect(rec.status).toBe(201);
    const again = await officer.request('POST', `/api/cases/${c.id}/recommendations`, { bodyId: du, text: 'Endret innstilling' });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].message).toMatch(/En innstilling kan ikke endres/);
    await expect(t.db.query(`UPDATE recommendation SET text = 'endret' WHERE id = $1`, [rec.body.id])).rejects.toThrow(/kan ikke endres/);
    const notOnRoute = await officer.request('POST', `/api/cases/${c.id}/recommendations`, { bodyId: bodies['Ungdomsrådet'], text: 'x' });
    expect(notOnRoute.body.errors[0].message).toBe('Organet står ikke i sakens saksgang');

    const ks = bodies['Kommunestyret']!;
    await bringBefore(officer, c.id, [du, ks]);
    expect(
      (
        await officer.request('POST', `/api/cases/${c.id}/decisions`, {
          bodyId: du,
          decidedOn: '2026-10-20',
          text: 'Driftsutvalget slutter seg til innstillingen.',
        })
      ).status,
    ).toBe(201);
    const vedtak = await officer.request('POST', `/api/cases/${c.id}/decisions`, {
      bodyId: ks,
      decidedOn: '2026-11-05',
      text: 'Kommunestyret vedtar ny ressursfordelingsmodell for skolene.',
      motions: [{ motion: 'Utsette saken', proposedBy: 'Parti B', for: 10, against: 17, adopted: false }],
    });
    expect(vedtak.status).toBe(201);
    const register = (await fau.request('GET', `/api/decisions?q=ressursfordelingsmodell&bodyId=${ks}`)).body.decisions;
    const found = register.find((d: { case: { id: string } }) => d.case.id === c.id);
    expect(found.committeeNumber).toMatch(/^\d+\/26$/);
    expect(found.motions[0]).toMatchObject({ motion: 'Utsette saken', adopted: false });
    expect((await officer.request('GET', `/api/cases/${c.id}`)).body.status).toBe('decided');
    expect((await fau.request('GET', '/api/decisions?from=ikke-dato')).body.errors[0].path).toBe('from');
  });

  it('an exempt title stays with those who may read it: not matched by a search of the register, not in the decision notice', async () => {
    const exempt = await newCase({
      title: 'Klage på skoleplass fra familien Xylofornes',
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle: 'Sak om en elev',
    });
    const round = await newRound(exempt.id, inSeconds(3600));
    const given = await udf.request('POST', `/api/rounds/${round}/submissions`, {
      text: 'Innspill i unntatt sak',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
    });
    expect(given.status).toBe(201);
    // Driftsutvalget is not the last body on the route: its vedtak does not wait for the open round.
    await bringBefore(officer, exempt.id, [bodies['Driftsutvalget']!, bodies['Kommunestyret']!]);
    const vedtak = await officer.request('POST', `/api/cases/${exempt.id}/decisions`, {
      bodyId: bodies['Driftsutvalget'],
      decidedOn: '2026-11-06',
      text: 'Vedtatt som innstilt.',
    });
    expect(vedtak.status).toBe(201);
    // The notice to those who gave input (in the app and by e-mail) names the case by its public title.
    const [notice] = await t.db.query(`SELECT payload FROM outbox WHERE job = 'notify' AND payload->>'key' = $1`, [
      `decision:${vedtak.body.id}`,
    ]);
    expect(notice.payload.title).toBe(`Vedtak i sak ${exempt.number}: Sak om en elev`);
    const secretWord = 'Xylofornes';
    const byOfficer = (await officer.request('GET', `/api/decisions?q=${encodeURIComponent(secretWord)}`)).body.decisions;
    expect(byOfficer.some((d: { case: { id: string } }) => d.case.id === exempt.id)).toBe(true);
    const byParent = (await fau.request('GET', `/api/decisions?q=${encodeURIComponent(secretWord)}`)).body.decisions;
    expect(byParent.some((d: { case: { id: string } }) => d.case.id === exempt.id)).toBe(false);
    const byPublicTitle = (await fau.request('GET', '/api/decisions?q=elev')).body.decisions.find(
      (d: { case: { id: string } }) => d.case.id === exempt.id,
    );
    expect(byPublicTitle.case.title).toBe('Sak om en elev');
  });

  it('accepts a submission while Redis is away; its receipt goes out when Redis is back (the outbox)', async () => {
    const c = await newCase();
    const round = await newRound(c.id, inSeconds(3600));
    const key = randomUUID();
    const res = await udf.request('POST', `/api/rounds/${round}/submissions`, {
      text: 'Sendt mens Redis var nede',
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: key,
    });
    expect(res.status).toBe(201);
    const [{ id: outboxId }] = await t.db.query(`SELECT id FROM outbox WHERE dedup_key = $1`, [`notify:receipt:${res.body.id}:1`]);
    // A relay against an unreachable Redis fails and leaves the row for later.
    const { Queue } = await import('bullmq');
    const { producerConnection } = await import('../src/platform/queue/redis.js');
    const deadRedis = producerConnection('redis://127.0.0.1:1/0');
    deadRedis.on('error', () => undefined);
    const deadQueue = new Queue('samrad', { connection: deadRedis, prefix: `${t.config.QUEUE_PREFIX}_dead` });
    deadQueue.on('error', () => undefined);
    await expect(relayOnce(t.db, deadQueue, 200, 1000)).rejects.toThrow();
    expect((await t.db.query(`SELECT relayed_at FROM outbox WHERE id = $1`, [outboxId]))[0].relayed_at).toBeNull();
    await deadQueue.close().catch(() => undefined);
    deadRedis.disconnect();
    // Redis is back: the worker relays and delivers the receipt.
    const { startWorker } = await import('../src/worker.js');
    const worker = await startWorker(t.config, pino({ level: 'silent' }), { relayIntervalMs: 50 });
    try {
      let mails: { subject: string }[] = [];
      for (let i = 0; i < 100 && mails.length === 0; i++) {
        await sleep(100);
        mails = await t.db.query(`SELECT subject FROM caught_mail WHERE "to" = $1 AND text LIKE $2`, [DEMO.udf, `%${res.body.sha256}%`]);
      }
      expect(mails.map((m) => m.subject)).toEqual(['Kvittering for innspill']);
      const notes = (await udf.request('GET', '/api/notifications')).body;
      expect(notes.notifications.some((n: { kind: string }) => n.kind === 'receipt')).toBe(true);
      // The notice carries its case (the digest groups by it), and so does the invitation to the round.
      const cases = await t.db.query(`SELECT kind, case_id FROM notification WHERE user_id = $1 AND link = $2 ORDER BY kind`, [
        udf.userId,
        `/innspill/${round}`,
      ]);
      expect(cases).toEqual([
        { kind: 'invited', case_id: c.id },
        { kind: 'receipt', case_id: c.id },
      ]);
    } finally {
      await worker.stop();
    }
  });
});

describe('Mine oppgaver', () => {
  it('lists the open rounds my bodies must answer, with their deadlines', async () => {
    const t = await startTestApp();
    try {
      const fau = await login(t.url, DEMO.fau);
      const tasks = (await fau.request('GET', '/api/me/tasks')).body;
      const demoRound = tasks.openRounds.find((r: { title: string }) => r.title === 'Innspill til ny ressursfordelingsmodell');
      expect(demoRound).toMatchObject({ body: { name: 'KFU – kommunalt foreldreutvalg' }, status: 'not_answered' });
      expect(new Date(demoRound.deadline).getTime()).toBeGreaterThan(Date.now());
      expect(Array.isArray(tasks.decisions)).toBe(true);
      expect(typeof tasks.unreadNotifications).toBe('number');
    } finally {
      await t.close();
    }
  });
});
