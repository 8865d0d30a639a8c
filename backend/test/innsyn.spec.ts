import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
