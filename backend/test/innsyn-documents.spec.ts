import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';
import { pdfText } from './pdf-text.js';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'));
const SLUG = '/api/public/solvik-kommune';

/**
 * Innsyn's documents (#20): a public case's public vedlegg, an open meeting's møteinnkalling and (once approved) its
 * møteprotokoll; the protocol's approval and its lock; meeting documents withheld when a case they show in full is
 * no longer readable; the submitter's consent to publish, withdrawn; and one publication rule over every surface.
 */
describe('innsyn: documents, approved protocols and consent', () => {
  let t: TestApp;
  let officer: Client;
  let udf: Client;
  let fau: Client;
  let anon: Client;
  let bodies: Record<string, string>;
  const mark = randomUUID().slice(0, 8);

  const newCase = async (title: string, publish = true) => {
    const res = await officer.request('POST', '/api/cases', { title, sections: { background: `BAKGRUNN ${title}` } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (publish) expect((await officer.request('POST', `/api/cases/${res.body.id}/moves`, { to: 'in_preparation' })).status).toBe(201);
    return res.body.id as string;
  };
  const makeExempt = async (caseId: string, publicTitle: string) => {
    const kase = (await officer.request('GET', `/api/cases/${caseId}`)).body;
    const res = await officer.request('POST', `/api/cases/${caseId}/access`, {
      version: kase.version,
      access: 'exempt',
      legalBasis: 'offentleglova § 13',
      publicTitle,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  /** An open meeting of Driftsutvalget that began an hour ago, with the cases on its published agenda. */
  const heldMeeting = async (title: string, caseIds: string[]) => {
    const du = bodies['Driftsutvalget']!;
    for (const c of caseIds) {
      const route = await officer.request('PUT', `/api/cases/${c}/route`, { steps: [{ bodyId: du, meetingDate: null }] });
      expect(route.status, JSON.stringify(route.body)).toBeLessThan(300);
    }
    const m = await officer.request('POST', '/api/meetings', { bodyId: du, title, startsAt: inDays(-1 / 24), place: 'Rådhuset' });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    for (const c of caseIds) expect((await officer.request('POST', `/api/meetings/${m.body.id}/agenda`, { caseId: c })).status).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${m.body.id}/publish`)).status).toBe(204);
    return m.body.id as string;
  };
  const generate = async (kind: string, meetingId: string) => {
    const res = await officer.request('POST', '/api/documents', { kind, meetingId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; sha256: string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    udf = await login(t.url, DEMO.udf);
    fau = await login(t.url, DEMO.fau);
    anon = anonymous(t.url);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(() => t.close());

  it('a public case’s attachments are public by default; the officer exempts one with its legal basis, and innsyn drops it at once', async () => {
    const caseId = await newCase(`Sak med vedlegg ${mark}`);
    const up = await officer.request('POST', `/api/cases/${caseId}/attachments?filename=${encodeURIComponent(`Notat ${mark}.pdf`)}`, PDF);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ public: true, legalBasis: null });
    const detail = (await anon.request('GET', `${SLUG}/cases/${caseId}`)).body;
    const listed = detail.documents.find((d: { id: string }) => d.id === up.body.id);
    expect(listed).toMatchObject({ kind: 'attachment', filename: `Notat ${mark}.pdf`, href: `${SLUG}/attachments/${up.body.id}/file` });
    const file = await anon.request('GET', `${SLUG}/attachments/${up.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-sha256')).toBe(up.body.sha256);
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(up.body.sha256);

    // Exempt needs its legal basis; a member may not change it; only the field changes.
    const noBasis = await officer.request('PUT', `/api/attachments/${up.body.id}/publicity`, { public: false });
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.errors[0].path).toBe('legalBasis');
    expect((await udf.request('PUT', `/api/attachments/${up.body.id}/publicity`, { public: false, legalBasis: 'offl. § 14' })).status).toBe(
      403,
    );
    expect(
      (await officer.request('PUT', `/api/attachments/${up.body.id}/publicity`, { public: false, legalBasis: 'x', filename: 'y' })).status,
    ).toBe(400);
    const exempt = await officer.request('PUT', `/api/attachments/${up.body.id}/publicity`, {
      public: false,
      legalBasis: 'offentleglova § 14',
    });
    expect(exempt.status, JSON.stringify(exempt.body)).toBe(200);
    expect(exempt.body).toMatchObject({ public: false, legalBasis: 'offentleglova § 14', filename: `Notat ${mark}.pdf` });
    const after = (await anon.request('GET', `${SLUG}/cases/${caseId}`)).body;
    expect(after.documents.some((d: { id: string }) => d.id === up.body.id)).toBe(false);
    expect((await anon.request('GET', `${SLUG}/attachments/${up.body.id}/file`)).status).toBe(404);
    // Readers of the case still get it (offentleglova is about the public), and the change is audited.
    expect((await udf.request('GET', `/api/attachments/${up.body.id}`)).status).toBe(200);
    const [audit] = await t.db.query(
      `SELECT changes FROM audit_event WHERE entity_type = 'attachment' AND entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
      [up.body.id],
    );
    expect(JSON.stringify(audit.changes)).toContain('offentleglova § 14');

    // An exempt case's attachments are never public, whatever their flag; nor a draft's.
    const exemptCase = await newCase(`HEMMELIG-VEDLEGGSSAK-${mark}`);
    const hidden = await officer.request('POST', `/api/cases/${exemptCase}/attachments?filename=hemmelig.pdf`, PDF);
    await makeExempt(exemptCase, `Unntatt vedleggssak ${mark}`);
    const draftCase = await newCase(`UTKAST-VEDLEGGSSAK-${mark}`, false);
    const draftFile = await officer.request('POST', `/api/cases/${draftCase}/attachments?filename=utkast.pdf`, PDF);
    for (const id of [hidden.body.id, draftFile.body.id])
      expect((await anon.request('GET', `${SLUG}/attachments/${id}/file`)).status).toBe(404);
    // A submission's attachment has no publicity of its own (it follows the input's consent).
    expect((await anon.request('GET', `${SLUG}/attachments/${randomUUID()}/file`)).status).toBe(404);
  });

  it('the protocol: approved once held, locked until reopened with a reason (audited); innsyn shows it and its PDFs only when approved', async () => {
    const caseId = await newCase(`Protokollsak ${mark}`);
    const meetingId = await heldMeeting(`Protokollmøte ${mark}`, [caseId]);
    const detail = (await officer.request('GET', `/api/meetings/${meetingId}`)).body;
    const itemId = detail.agenda[0].id as string;
    expect(detail.minutesApproval).toBeNull();
    const minutes = await officer.request('PUT', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, {
      minutes: `PROTOKOLLTEKST-${mark}`,
    });
    expect(minutes.status, JSON.stringify(minutes.body)).toBe(200);
    const notice = await generate('meeting_notice', meetingId);
    const early = await generate('meeting_minutes', meetingId);

    // Before approval: the agenda and the notice, not the protocol's text or its PDF.
    let pub = (await anon.request('GET', `${SLUG}/meetings/${meetingId}`)).body;
    expect(pub.minutesApprovedAt).toBeNull();
    expect(JSON.stringify(pub)).not.toContain(`PROTOKOLLTEKST-${mark}`);
    expect(pub.documents.map((d: { id: string }) => d.id)).toEqual([notice.id]);
    expect((await anon.request('GET', `${SLUG}/documents/${notice.id}/file`)).status).toBe(200);
    expect((await anon.request('GET', `${SLUG}/documents/${early.id}/file`)).status).toBe(404);

    // A member may not approve; a meeting not yet held cannot be approved.
    expect((await udf.request('POST', `/api/meetings/${meetingId}/minutes/approval`)).status).toBe(403);
    const future = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: `Framtidig møte ${mark}`,
      startsAt: inDays(5),
      place: 'Rådhuset',
    });
    expect(future.status, JSON.stringify(future.body)).toBe(201);
    expect((await officer.request('POST', `/api/meetings/${future.body.id}/publish`)).status).toBe(204);
    expect((await officer.request('POST', `/api/meetings/${future.body.id}/minutes/approval`)).status).toBe(409);

    expect((await officer.request('POST', `/api/meetings/${meetingId}/minutes/approval`)).status).toBe(204);
    expect((await officer.request('POST', `/api/meetings/${meetingId}/minutes/approval`)).status).toBe(409);
    const approved = (await officer.request('GET', `/api/meetings/${meetingId}`)).body;
    expect(approved.minutesApproval).toMatchObject({ by: expect.any(String) });
    // Locked: the minutes, the attendance and the agenda.
    const locked = await officer.request('PUT', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, { minutes: 'Endret etterpå' });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toMatch(/godkjent og låst/);
    expect((await officer.request('PUT', `/api/meetings/${meetingId}/attendance`, { attendance: [], itemAbsences: [] })).status).toBe(409);
    expect((await officer.request('POST', `/api/meetings/${meetingId}/agenda`, { caseId: await newCase(`Sen sak ${mark}`) })).status).toBe(
      409,
    );

    // Approved: the protocol's text; a PDF made before the approval is not the approved protocol, one made after is.
    pub = (await anon.request('GET', `${SLUG}/meetings/${meetingId}`)).body;
    expect(pub.minutesApprovedAt).toEqual(expect.any(String));
    expect(JSON.stringify(pub.agenda)).toContain(`PROTOKOLLTEKST-${mark}`);
    expect(pub.documents.map((d: { id: string }) => d.id)).toEqual([notice.id]);
    const final = await generate('meeting_minutes', meetingId);
    pub = (await anon.request('GET', `${SLUG}/meetings/${meetingId}`)).body;
    expect(pub.documents.map((d: { kind: string; id: string }) => [d.kind, d.id])).toEqual([
      ['meeting_minutes', final.id],
      ['meeting_notice', notice.id],
    ]);
    const file = await anon.request('GET', `${SLUG}/documents/${final.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-sha256')).toBe(final.sha256);

    // Reopening needs a reason, is audited, and takes the protocol out of innsyn until approved again.
    expect((await officer.request('POST', `/api/meetings/${meetingId}/minutes/reopening`, { reason: '' })).status).toBe(400);
    expect((await udf.request('POST', `/api/meetings/${meetingId}/minutes/reopening`, { reason: 'Nei' })).status).toBe(403);
    const reopened = await officer.request('POST', `/api/meetings/${meetingId}/minutes/reopening`, { reason: `Skrivefeil ${mark}` });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(204);
    const [audit] = await t.db.query(
      `SELECT changes FROM audit_event WHERE entity_type = 'meeting' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [meetingId],
    );
    expect(JSON.stringify(audit.changes)).toContain(`Skrivefeil ${mark}`);
    pub = (await anon.request('GET', `${SLUG}/meetings/${meetingId}`)).body;
    expect(JSON.stringify(pub)).not.toContain(`PROTOKOLLTEKST-${mark}`);
    expect((await anon.request('GET', `${SLUG}/documents/${final.id}/file`)).status).toBe(404);
    expect((await officer.request('PUT', `/api/meetings/${meetingId}/agenda/${itemId}/minutes`, { minutes: 'Rettet' })).status).toBe(200);
  });

  it('a meeting document showing a case made exempt later is withheld from those who may no longer read the case', async () => {
    const caseId = await newCase(`SENERE-UNNTATT-${mark}`);
    const meetingId = await heldMeeting(`Unntaksmøte ${mark}`, [caseId]);
    expect((await officer.request('POST', `/api/meetings/${meetingId}/minutes/approval`)).status).toBe(204);
    const notice = await generate('meeting_notice', meetingId);
    const minutes = await generate('meeting_minutes', meetingId);
    const before = await anon.request('GET', `${SLUG}/documents/${minutes.id}/file`);
    expect(before.status).toBe(200);
    expect((await pdfText(before.body as Buffer)).text).toContain(`SENERE-UNNTATT-${mark}`);
    expect((await fau.request('GET', `/api/documents/${notice.id}/file`)).status).toBe(200);

    await makeExempt(caseId, `Unntatt sak ${mark}`);
    // The public, and a member not on the case's route: withheld (the PDF shows the case in full).
    for (const id of [notice.id, minutes.id]) {
      expect((await anon.request('GET', `${SLUG}/documents/${id}/file`)).status).toBe(404);
      const refused = await fau.request('GET', `/api/documents/${id}/file`);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/senere er unntatt offentlighet/);
    }
    expect((await anon.request('GET', `${SLUG}/meetings/${meetingId}`)).body.documents).toEqual([]);
    // The officer and the members of the body on the route still read it.
    expect((await officer.request('GET', `/api/documents/${minutes.id}/file`)).status).toBe(200);
    // A new version shows the case by its public title, and is public again.
    const again = await generate('meeting_notice', meetingId);
    const regenerated = await anon.request('GET', `${SLUG}/documents/${again.id}/file`);
    expect(regenerated.status).toBe(200);
    const text = (await pdfText(regenerated.body as Buffer)).text;
    expect(text).toContain(`Unntatt sak ${mark}`);
    expect(text).not.toContain(`SENERE-UNNTATT-${mark}`);
  });

  it('the submitter withdraws and gives consent to publish from their own input; innsyn follows at once; audited', async () => {
    const caseId = await newCase(`Samtykkesak ${mark}`);
    const round = await officer.request('POST', '/api/rounds', {
      caseId,
      title: `Samtykkerunde ${mark}`,
      questions: 'Hva mener dere?',
      closesAt: inDays(10),
      publishAfterClose: true,
      invitedBodyIds: [bodies['Utdanningsforbundet Solvik']],
      invitedUserIds: [],
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const sent = await udf.request('POST', `/api/rounds/${round.body.id}/submissions`, {
      text: `SAMTYKKET-${mark}`,
      bodyId: bodies['Utdanningsforbundet Solvik'],
      idempotencyKey: randomUUID(),
      publishConsent: true,
    });
    expect(sent.status).toBe(201);
    await t.db.query(`UPDATE input_round SET closed_at = now() WHERE id = $1`, [round.body.id]);
    const shown = async () =>
      JSON.stringify((await anon.request('GET', `${SLUG}/rounds/${round.body.id}`)).body).includes(`SAMTYKKET-${mark}`);
    expect(await shown()).toBe(true);
    // The author sees their own consent; the officer may not change it, nor another person.
    const mine = (await udf.request('GET', `/api/rounds/${round.body.id}`)).body.submissions[0];
    expect(mine.publishConsent).toBe(true);
    expect((await officer.request('PUT', `/api/submissions/${sent.body.id}/publish-consent`, { publishConsent: false })).status).toBe(403);
    expect((await udf.request('PUT', `/api/submissions/${sent.body.id}/publish-consent`, {})).status).toBe(400);

    const withdrawn = await udf.request('PUT', `/api/submissions/${sent.body.id}/publish-consent`, { publishConsent: false });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toEqual({ publishConsent: false });
    expect(await shown()).toBe(false);
    expect((await udf.request('PUT', `/api/submissions/${sent.body.id}/publish-consent`, { publishConsent: true })).status).toBe(200);
    expect(await shown()).toBe(true);
    const audits = await t.db.query(
      `SELECT changes FROM audit_event WHERE entity_type = 'submission' AND entity_id = $1 AND changes ? 'publishConsent' ORDER BY id`,
      [sent.body.id],
    );
    expect(audits).toHaveLength(2);
  });

  /**
   * One publication rule (caseKnownSql): every public surface, for a draft, a public and an exempt case on the same
   * open meeting's agenda. A draft is never named; an exempt case only by its public title; the public case in full.
   */
  it('every public surface agrees on a draft, a public and an exempt case', async () => {
    const publicId = await newCase(`REGEL-OFFENTLIG-${mark}`);
    const exemptId = await newCase(`REGEL-HEMMELIG-${mark}`);
    await makeExempt(exemptId, `Regel unntatt ${mark}`);
    const draftId = await newCase(`REGEL-UTKAST-${mark}`, false);
    const meetingId = await heldMeeting(`Regelmøte ${mark}`, [publicId, exemptId, draftId]);
    const notice = await generate('meeting_notice', meetingId);
    expect((await officer.request('POST', `/api/meetings/${meetingId}/minutes/approval`)).status).toBe(204);

    const surfaces: [string, string, boolean][] = [
      // [name, path, whether it lists cases (so the public case and the exempt one by its public title appear)]
      ['case register', `${SLUG}/cases`, true],
      ['case register (JSON)', `${SLUG}/cases.json`, true],
      ['case register (CSV)', `${SLUG}/cases.csv`, true],
      ['decisions register', `${SLUG}/decisions`, false],
      ['decisions register (JSON)', `${SLUG}/decisions.json`, false],
      ['decisions register (CSV)', `${SLUG}/decisions.csv`, false],
      ['meetings', `${SLUG}/meetings`, false],
      ['meetings (CSV)', `${SLUG}/meetings.csv`, false],
      ['meetings calendar', `${SLUG}/meetings.ics`, false],
      ['meeting', `${SLUG}/meetings/${meetingId}`, true],
      ['mandates', `${SLUG}/mandates`, false],
      ['sitemap', '/sitemap.xml', false],
    ];
    for (const [name, path, lists] of surfaces) {
      const res = await anon.request('GET', path);
      expect(res.status, name).toBe(200);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      expect(text, name).not.toContain('REGEL-UTKAST');
      expect(text, name).not.toContain(draftId);
      expect(text, name).not.toContain('REGEL-HEMMELIG');
      if (lists) {
        expect(text, name).toContain(`REGEL-OFFENTLIG-${mark}`);
        expect(text, name).toContain(`Regel unntatt ${mark}`);
      }
    }
    // The sitemap lists the public and the exempt case's page (by id), never the draft's.
    const sitemap = (await anon.request('GET', '/sitemap.xml')).body as string;
    expect(sitemap).toContain(`/saker/${publicId}`);
    expect(sitemap).toContain(`/saker/${exemptId}`);
    // Each case's page: in full, by public title, unknown.
    expect((await anon.request('GET', `${SLUG}/cases/${publicId}`)).body).toMatchObject({ exempt: false });
    expect((await anon.request('GET', `${SLUG}/cases/${exemptId}`)).body).toMatchObject({ exempt: true, title: `Regel unntatt ${mark}` });
    expect((await anon.request('GET', `${SLUG}/cases/${draftId}`)).status).toBe(404);
    // The meeting's PDF names the draft (as signed-in readers saw the agenda): the public does not get it.
    expect((await anon.request('GET', `${SLUG}/documents/${notice.id}/file`)).status).toBe(404);
    expect((await fau.request('GET', `/api/documents/${notice.id}/file`)).status).toBe(200);
    // Signed in, the draft is known (by its title) on the agenda; the exempt case by its public title.
    const internal = JSON.stringify((await fau.request('GET', `/api/meetings/${meetingId}`)).body);
    expect(internal).toContain('REGEL-UTKAST');
    expect(internal).not.toContain('REGEL-HEMMELIG');
  });
});

/** The public routes' rate limit, counted in Redis: two API processes share one budget per address. */
describe('innsyn: the rate limit on public routes', () => {
  let a: TestApp;
  let b: TestApp;
  const prefix = `samrad_rl_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const overrides = { PUBLIC_RATE_LIMIT: '4', PUBLIC_RATE_WINDOW_SECONDS: '60', QUEUE_PREFIX: prefix };
    a = await startTestApp(overrides);
    b = await startTestApp(overrides);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('answers 429 with a Norwegian message and Retry-After once an address has used its budget across processes', async () => {
    const [first, second] = [anonymous(a.url), anonymous(b.url)];
    for (const client of [first, second, first, second])
      expect((await client.request('GET', '/api/public/solvik-kommune/meetings')).status).toBe(200);
    const refused = await first.request('GET', '/api/public/solvik-kommune/cases');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toBe('For mange forespørsler fra din adresse. Vent litt og prøv igjen.');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await second.request('GET', '/sitemap.xml')).status).toBe(429);
    // In English for whoever asks in English; signed-in routes are not counted.
    const english = await second.request('GET', '/api/public/municipalities', undefined, { 'accept-language': 'en' });
    expect(english.status).toBe(429);
    expect((await first.request('GET', '/health/live')).status).toBe(200);
    const officer = await login(a.url, DEMO.officer);
    expect((await officer.request('GET', '/api/cases')).status).toBe(200);
  });
});
