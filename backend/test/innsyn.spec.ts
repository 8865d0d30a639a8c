import { createHash, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCalendarToken } from '../src/platform/auth/session-resolver.js';
import { createLogger } from '../src/platform/logging/logger.js';
import { anonymous, bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

/**
 * Innsyn without an account (`/api/public/<slug>/…`): the anonymous reader through the owners' read rules. A public
 * case that has left its draft is read in full; an exempt one by its public title and legal basis only; a draft never;
 * another municipality's slug never shows this one's; published input only with the submitter's consent.
 */
describe('innsyn: anonymous reads', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let anon: Client;
  let bodies: Record<string, string>;
  const mark = randomUUID().slice(0, 8);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    anon = anonymous(t.url);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
    const create = async (title: string, sections: Record<string, string> = {}) => {
      const res = await officer.request('POST', '/api/cases', {
        title,
        sections: { background: '', facts: '', assessment: '', proposal: '', ...sections },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    ids.public = await create(`Offentlig sak ${mark}`, { background: `OFFENTLIG-BAKGRUNN-${mark}` });
    await officer.request('POST', `/api/cases/${ids.public}/moves`, { to: 'in_preparation' });
    ids.draft = await create(`UTKAST-TITTEL-${mark}`, { background: `UTKAST-TEKST-${mark}` });
    ids.exempt = await create(`HEMMELIG-TITTEL-${mark}`, { background: `HEMMELIG-TEKST-${mark}` });
    const kase = (await officer.request('GET', `/api/cases/${ids.exempt}`)).body;
    const access = await officer.request('POST', `/api/cases/${ids.exempt}/access`, {
      version: kase.version,
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: `Personalsak ${mark}`,
    });
    expect(access.status, JSON.stringify(access.body)).toBe(200);
    await officer.request('POST', `/api/cases/${ids.exempt}/moves`, { to: 'in_preparation' });
  });
  afterAll(() => t.close());

  it('names municipalities by slug; an unknown slug is a 404', async () => {
    const res = await anon.request('GET', '/api/public/municipalities');
    expect(res.status).toBe(200);
    expect(res.body.municipalities).toEqual(
      expect.arrayContaining([
        { slug: 'solvik-kommune', name: 'Solvik kommune', contactEmail: 'postmottak@solvik.kommune.test', languageForm: 'nb' },
      ]),
    );
    expect((await anon.request('GET', '/api/public/finnes-ikke/cases')).status).toBe(404);
    expect((await anon.request('GET', '/api/public/..%2Fapi/cases')).status).toBe(404);
  });

  it('lists public cases in full, exempt ones by public title and legal basis, never a draft', async () => {
    const res = await anon.request('GET', '/api/public/solvik-kommune/cases');
    expect(res.status).toBe(200);
    expect(res.body.licence.name).toMatch(/NLOD/);
    const text = JSON.stringify(res.body);
    expect(text).toContain(`Offentlig sak ${mark}`);
    expect(text).not.toContain('UTKAST');
    expect(text).not.toContain('HEMMELIG');
    const exempt = res.body.cases.find((c: { id: string }) => c.id === ids.exempt);
    expect(exempt).toMatchObject({ title: `Personalsak ${mark}`, exempt: true, legalBasis: 'offentleglova § 25' });
    const open = res.body.cases.find((c: { id: string }) => c.id === ids.public);
    expect(open).toMatchObject({ exempt: false, legalBasis: null });
  });

  it('reads a public case with its sections; an exempt case by title and basis only; a draft is a 404', async () => {
    const pub = await anon.request('GET', `/api/public/solvik-kommune/cases/${ids.public}`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.exempt).toBe(false);
    expect(JSON.stringify(pub.body.sections)).toContain(`OFFENTLIG-BAKGRUNN-${mark}`);
    const exempt = await anon.request('GET', `/api/public/solvik-kommune/cases/${ids.exempt}`);
    expect(exempt.status).toBe(200);
    expect(exempt.body).toEqual({
      exempt: true,
      id: ids.exempt,
      number: expect.any(String),
      title: `Personalsak ${mark}`,
      legalBasis: 'offentleglova § 25',
      status: 'in_preparation',
    });
    expect(JSON.stringify(exempt.body)).not.toContain('HEMMELIG');
    const draft = await anon.request('GET', `/api/public/solvik-kommune/cases/${ids.draft}`);
    expect(draft.status).toBe(404);
    expect(JSON.stringify(draft.body)).not.toContain('UTKAST');
  });

  it('a public case’s saksframlegg is listed and downloadable with its SHA-256; an exempt case’s, a draft’s and another municipality’s are not', async () => {
    const make = async (client: Client, caseId: string) => {
      const res = await client.request('POST', '/api/documents', { kind: 'case_presentation', caseId });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; sha256: string };
    };
    const pub = await make(officer, ids.public!);
    const exempt = await make(officer, ids.exempt!);
    const draft = await make(officer, ids.draft!);
    // Another municipality's public case and its saksframlegg: never by Solvik's slug.
    const otherAdmin = await login(t.url, DEMO.otherAdmin);
    const otherCase = await otherAdmin.request('POST', '/api/cases', { title: `Nabosak ${randomUUID().slice(0, 8)}` });
    expect(otherCase.status, JSON.stringify(otherCase.body)).toBe(201);
    await otherAdmin.request('POST', `/api/cases/${otherCase.body.id}/moves`, { to: 'in_preparation' });
    const other = await make(otherAdmin, otherCase.body.id as string);

    const detail = (await anon.request('GET', `/api/public/solvik-kommune/cases/${ids.public}`)).body;
    expect(detail.documents).toEqual([
      expect.objectContaining({ id: pub.id, sha256: pub.sha256, href: `/api/public/solvik-kommune/documents/${pub.id}/file` }),
    ]);
    const file = await anon.request('GET', `/api/public/solvik-kommune/documents/${pub.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-sha256')).toBe(pub.sha256);
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(pub.sha256);
    // An exempt case shows no documents, and neither its nor a draft's file is answered; nor by another municipality's slug.
    expect((await anon.request('GET', `/api/public/solvik-kommune/cases/${ids.exempt}`)).body.documents).toBeUndefined();
    for (const id of [exempt.id, draft.id, other.id])
      expect((await anon.request('GET', `/api/public/solvik-kommune/documents/${id}/file`)).status).toBe(404);
    expect((await anon.request('GET', `/api/public/nabovik-kommune/documents/${pub.id}/file`)).status).toBe(404);
    expect((await anon.request('GET', `/api/public/solvik-kommune/documents/${randomUUID()}/file`)).status).toBe(404);
  });

  it('finds cases by search, without matching an exempt case’s real title', async () => {
    const hit = await anon.request('GET', `/api/public/solvik-kommune/cases?q=${encodeURIComponent(`Offentlig sak ${mark}`)}`);
    expect(hit.body.cases.map((c: { id: string }) => c.id)).toEqual([ids.public]);
    const secret = await anon.request('GET', `/api/public/solvik-kommune/cases?q=HEMMELIG-TITTEL-${mark}`);
    expect(secret.body.cases).toEqual([]);
    const draft = await anon.request('GET', `/api/public/solvik-kommune/cases?q=UTKAST-TITTEL-${mark}`);
    expect(draft.body.cases).toEqual([]);
  });

  it('keeps tenancy: another municipality’s slug never shows this one’s cases', async () => {
    const other = await anon.request('GET', '/api/public/nabovik-kommune/cases');
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain(mark);
    expect((await anon.request('GET', `/api/public/nabovik-kommune/cases/${ids.public}`)).status).toBe(404);
  });

  it('the decisions register withholds an exempt decision’s text with its basis', async () => {
    const c = (await officer.request('POST', '/api/cases', { title: `Vedtakssak ${mark}` })).body.id as string;
    await bringBefore(officer, c, [bodies['Driftsutvalget']!]);
    const decided = await officer.request('POST', `/api/cases/${c}/decisions`, {
      bodyId: bodies['Driftsutvalget'],
      decidedOn: '2026-03-01',
      text: `VEDTAKSTEKST-${mark}`,
      motions: [],
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    const reg = await anon.request('GET', `/api/public/solvik-kommune/decisions?q=${mark}`);
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    expect(JSON.stringify(reg.body)).toContain(`VEDTAKSTEKST-${mark}`);
  });

  it('publishes a round’s input only where the round publishes and the submitter agreed', async () => {
    const round = await officer.request('POST', '/api/rounds', {
      caseId: ids.public,
      title: `Runde ${mark}`,
      questions: 'Hva mener dere?',
      closesAt: inDays(10),
      publishAfterClose: true,
      invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
      invitedUserIds: [],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const send = (text: string, publishConsent: boolean) =>
      udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
        text,
        bodyId: publishConsent ? bodies['Utdanningsforbundet Solvik'] : null,
        idempotencyKey: randomUUID(),
        publishConsent,
      });
    expect((await send(`SAMTYKKE-${mark}`, true)).status).toBe(201);
    expect((await send(`UTEN-SAMTYKKE-${mark}`, false)).status).toBe(201);
    const before = await anon.request('GET', `/api/public/solvik-kommune/rounds/${round.body.id}`);
    expect(before.status).toBe(200);
    expect(before.body.submissions).toEqual([]);
    await t.db.query(`UPDATE input_round SET closed_at = now() WHERE id = $1`, [round.body.id]);
    const after = await anon.request('GET', `/api/public/solvik-kommune/rounds/${round.body.id}`);
    const text = JSON.stringify(after.body);
    expect(text).toContain(`SAMTYKKE-${mark}`);
    expect(text).not.toContain(`UTEN-SAMTYKKE-${mark}`);
    // A logged-in reader of the round sees both, as before (the consent is only for the public).
    const officerView = JSON.stringify((await officer.request('GET', `/api/rounds/${round.body.id}`)).body);
    expect(officerView).toContain(`UTEN-SAMTYKKE-${mark}`);
  });

  it('open data: CSV and JSON with the NLOD licence; the calendar of open meetings needs no cookie', async () => {
    for (const reg of ['cases', 'decisions', 'meetings']) {
      const csv = await anon.request('GET', `/api/public/solvik-kommune/${reg}.csv`);
      expect(csv.status, JSON.stringify(csv.body)).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('link')).toContain('rel="license"');
      expect(String(csv.body).split('\n')[0]).toContain('NLOD');
      const json = await anon.request('GET', `/api/public/solvik-kommune/${reg}.json`);
      expect(json.status).toBe(200);
      expect(json.body.licence.url).toBe('https://data.norge.no/nlod/no/2.0');
    }
    const csv = String((await anon.request('GET', '/api/public/solvik-kommune/cases.csv')).body);
    expect(csv).toContain(`Personalsak ${mark}`);
    expect(csv).not.toContain('HEMMELIG');
    const ics = await anon.request('GET', '/api/public/solvik-kommune/meetings.ics');
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(String(ics.body)).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const meetings = (await anon.request('GET', '/api/public/solvik-kommune/meetings')).body.meetings as { id: string }[];
    const closed: { id: string }[] = await t.db.query(
      `SELECT mt.id FROM meeting mt JOIN municipality m ON m.id = mt.municipality_id WHERE m.slug = 'solvik-kommune' AND NOT mt.open`,
    );
    for (const c of closed) {
      expect(meetings.map((m) => m.id)).not.toContain(c.id);
      expect((await anon.request('GET', `/api/public/solvik-kommune/meetings/${c.id}`)).status).toBe(404);
    }
  });

  it('shows a public case’s allocation scenario with its stored result; another municipality’s slug does not', async () => {
    const [row]: { id: string; case_id: string }[] = await t.db.query(
      `SELECT s.id, a.case_id FROM scenario s JOIN allocation_case a ON a.id = s.allocation_case_id JOIN case_file c ON c.id = a.case_id
        JOIN municipality m ON m.id = c.municipality_id WHERE m.slug = 'solvik-kommune' AND c.access = 'public' AND c.status <> 'draft' LIMIT 1`,
    );
    const kase = await anon.request('GET', `/api/public/solvik-kommune/cases/${row!.case_id}`);
    expect(kase.body.scenarios.map((s: { id: string }) => s.id)).toContain(row!.id);
    const res = await anon.request('GET', `/api/public/solvik-kommune/scenarios/${row!.id}`);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body.result.units.length).toBeGreaterThan(0);
    expect(res.body.case.id).toBe(row!.case_id);
    expect((await anon.request('GET', `/api/public/nabovik-kommune/scenarios/${row!.id}`)).status).toBe(404);
  });

  it('a public scenario gives adjustments by amount, never the officer’s free-text reason; one without a stored result is a 404', async () => {
    const [row]: { id: string; version: number }[] = await t.db.query(
      `SELECT s.id, s.version FROM scenario s JOIN allocation_case a ON a.id = s.allocation_case_id JOIN case_file c ON c.id = a.case_id
        JOIN municipality m ON m.id = c.municipality_id WHERE m.slug = 'solvik-kommune' AND c.access = 'public' AND c.status <> 'draft'
          AND EXISTS (SELECT 1 FROM scenario_result r WHERE r.scenario_id = s.id AND r.scenario_version = s.version) LIMIT 1`,
    );
    // A reason naming a person, as an officer might write it, on the first unit's stored result.
    await t.db.query(
      `UPDATE scenario_result SET result = jsonb_set(result, '{units,0,adjustments}',
         (result #> '{units,0,adjustments}') || jsonb_build_array(jsonb_build_object('amount', 1000, 'reason', $3::text)))
        WHERE scenario_id = $1 AND scenario_version = $2`,
      [row!.id, row!.version, `ELEV-MED-VEDTAK-${mark}`],
    );
    const res = await anon.request('GET', `/api/public/solvik-kommune/scenarios/${row!.id}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(`ELEV-MED-VEDTAK-${mark}`);
    expect(res.body.result.units[0].adjustments).toContainEqual({ amount: 1000 });
    for (const u of res.body.result.units as { adjustments: object[] }[])
      for (const a of u.adjustments) expect(a).not.toHaveProperty('reason');
    // The officer still reads the reason.
    expect(JSON.stringify((await officer.request('GET', `/api/scenarios/${row!.id}`)).body)).toContain(`ELEV-MED-VEDTAK-${mark}`);
    // A version with no stored result (not computed yet): 404, not 500.
    await t.db.query(`UPDATE scenario SET version = version + 1000 WHERE id = $1`, [row!.id]);
    try {
      const none = await anon.request('GET', `/api/public/solvik-kommune/scenarios/${row!.id}`);
      expect(none.status, JSON.stringify(none.body)).toBe(404);
    } finally {
      await t.db.query(`UPDATE scenario SET version = version - 1000 WHERE id = $1`, [row!.id]);
    }
  });

  it('an open meeting’s agenda does not show the public a case that is (still or again) a draft', async () => {
    const driftsutvalget = bodies['Driftsutvalget']!;
    const draft = (await officer.request('POST', '/api/cases', { title: `UTKAST-PÅ-SAKSLISTE-${mark}` })).body.id as string;
    const published = (await officer.request('POST', '/api/cases', { title: `Publisert sak på saksliste ${mark}` })).body.id as string;
    expect((await officer.request('POST', `/api/cases/${published}/moves`, { to: 'in_preparation' })).status).toBeLessThan(300);
    for (const c of [draft, published]) {
      const route = await officer.request('PUT', `/api/cases/${c}/route`, { steps: [{ bodyId: driftsutvalget, meetingDate: null }] });
      expect(route.status, JSON.stringify(route.body)).toBeLessThan(300);
    }
    const meeting = await officer.request('POST', '/api/meetings', {
      bodyId: driftsutvalget,
      title: `Åpent møte ${mark}`,
      startsAt: inDays(3),
      place: 'Rådhuset',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    // Adding a draft is not refused (see MeetingsService.get): the public just does not see it.
    expect((await officer.request('POST', `/api/meetings/${meeting.body.id}/agenda`, { caseId: draft })).status).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${meeting.body.id}/agenda`, { caseId: published })).status).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${meeting.body.id}/publish`)).status).toBeLessThan(300);
    const pub = await anon.request('GET', `/api/public/solvik-kommune/meetings/${meeting.body.id}`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(JSON.stringify(pub.body)).not.toContain('UTKAST-PÅ-SAKSLISTE');
    expect(pub.body.agenda.map((a: { case: { id: string } }) => a.case.id)).toEqual([published]);
    // The members and the officer still see it on the agenda.
    const internal = await officer.request('GET', `/api/meetings/${meeting.body.id}`);
    expect(internal.body.agenda.map((a: { case: { id: string } }) => a.case.id)).toContain(draft);
  });

  it('a round on an exempt case or a draft, or without a case (on a mandate item), is a 404 to the public', async () => {
    const [item]: { id: string }[] = await t.db.query(
      `SELECT i.id FROM mandate_item i JOIN municipality m ON m.id = i.municipality_id WHERE m.slug = 'solvik-kommune' LIMIT 1`,
    );
    const make = (caseId: string | null) =>
      officer.request('POST', '/api/rounds', {
        caseId,
        mandateItemId: caseId ? null : item!.id,
        title: `Intern runde ${mark}`,
        questions: 'Hva mener dere?',
        closesAt: inDays(10),
        publishAfterClose: true,
        invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
        invitedUserIds: [],
      });
    // A round starts its case's preparation (no move takes it back while the round is there): this one's case
    // is set back to draft in the database, to show the rule reads the case's state when the round is read.
    const backToDraft = (await officer.request('POST', '/api/cases', { title: `Tilbake til utkast ${mark}` })).body.id as string;
    for (const caseId of [ids.exempt!, backToDraft, null]) {
      const round = await make(caseId);
      expect(round.status, JSON.stringify(round.body)).toBe(201);
      if (caseId === backToDraft) await t.db.query(`UPDATE case_file SET status = 'draft' WHERE id = $1`, [backToDraft]);
      const res = await anon.request('GET', `/api/public/solvik-kommune/rounds/${round.body.id}`);
      expect(res.status, `${caseId}: ${JSON.stringify(res.body)}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Intern runde');
      // The invited body still reads it.
      expect((await udf.request('GET', `/api/rounds/${round.body.id}`)).status).toBe(200);
    }
  });

  it('the feed by token names an exempt case by its public title only, gives no video link, and carries the person’s language', async () => {
    const round = await officer.request('POST', '/api/rounds', {
      caseId: ids.exempt,
      title: `Runde om unntatt sak ${mark}`,
      questions: 'Hva mener dere?',
      closesAt: inDays(12),
      publishAfterClose: false,
      invitedBodyIds: [],
      invitedUserIds: [officer.userId],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const closed = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: `Lukket møte ${mark}`,
      startsAt: inDays(4),
      videoLink: `https://video.example/LUKKET-${mark}`,
      open: false,
      closedBasis: 'kommuneloven § 11-5 andre ledd',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    // In the app (with the session) the officer, who may read the case, sees its title and the link.
    const inApp = String((await officer.request('GET', '/api/calendar.ics')).body).replace(/\r\n /g, '');
    expect(inApp).toContain(`HEMMELIG-TITTEL-${mark}`);
    expect(inApp).toContain(`LUKKET-${mark}`);
    const made = await officer.request('POST', '/api/calendar-tokens');
    const url = new URL(made.body.url as string);
    const feed = String((await anon.request('GET', url.pathname)).body).replace(/\r\n /g, '');
    expect(feed).toContain(`Runde om unntatt sak ${mark}`);
    expect(feed).toContain(`Personalsak ${mark}`);
    expect(feed).not.toContain('HEMMELIG');
    expect(feed).toContain(`Lukket møte ${mark}`);
    expect(feed).not.toContain(`LUKKET-${mark}`);
    const token = url.pathname.split('/').pop()!;
    const ctx = await resolveCalendarToken(t.db, token);
    expect(ctx?.language).toMatch(/^(nb|nn|en)$/);
    expect((await officer.request('DELETE', `/api/calendar-tokens/${made.body.id}`)).status).toBe(204);
  });

  it('the sitemap lists public pages, not drafts', async () => {
    const res = await anon.request('GET', '/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    expect(String(res.body)).toContain(`/innsyn/solvik-kommune/saker/${ids.public}`);
    expect(String(res.body)).not.toContain(ids.draft);
  });

  it('the personal calendar feed works by its token, without a cookie, and is 404 at once when revoked', async () => {
    const made = await udf.request('POST', '/api/calendar-tokens');
    expect(made.status).toBe(201);
    const path = new URL(made.body.url as string).pathname;
    const feed = await anon.request('GET', path);
    expect(feed.status).toBe(200);
    expect(String(feed.body)).toContain('BEGIN:VCALENDAR');
    expect(String(feed.body)).toContain(`Runde ${mark}`);
    const [stored] = await t.db.query(`SELECT token_sha256 FROM calendar_token WHERE id = $1`, [made.body.id]);
    expect(path).not.toContain(stored.token_sha256);
    expect((await udf.request('GET', '/api/calendar-tokens')).body.tokens.map((x: { id: string }) => x.id)).toContain(made.body.id);
    // Another person cannot revoke it.
    expect((await officer.request('DELETE', `/api/calendar-tokens/${made.body.id}`)).status).toBe(404);
    expect((await udf.request('DELETE', `/api/calendar-tokens/${made.body.id}`)).status).toBe(204);
    expect((await anon.request('GET', path)).status).toBe(404);
    expect((await anon.request('GET', '/api/calendar-feeds/not-a-token')).status).toBe(404);
  });
});

describe('innsyn: the calendar feed token in the request log', () => {
  it('is masked in every logged url', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const t = await startTestApp({}, createLogger({ LOG_LEVEL: 'info' }, 'innsyn-log-test', sink));
    try {
      const token = `HEMMELIG-TOKEN-${randomUUID()}`;
      expect((await anonymous(t.url).request('GET', `/api/calendar-feeds/${token}?x=1`)).status).toBe(404);
      const logged = lines.map((l) => JSON.parse(l) as { req?: { url?: string } });
      expect(logged.map((l) => l.req?.url)).toContain('/api/calendar-feeds/[skjult]?x=1');
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await t.close();
    }
  });
});
