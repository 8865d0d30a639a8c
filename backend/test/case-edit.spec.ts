import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { runMunicipalityCommand } from '../src/municipality-command.js';
import { DEMO, anonymous, bringBefore, login, startTestApp, type Client, type TestApp } from './harness.js';

/** Editing a case (PATCH /api/cases/:id) and its references to earlier cases and decisions. */
describe('editing a case and its references', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let chair: Client;
  let other: Client;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    chair = await login(t.url, DEMO.chair);
    other = await login(t.url, DEMO.otherAdmin);
    const list = (await officer.request('GET', '/api/bodies')).body.bodies as { id: string; name: string }[];
    bodies = Object.fromEntries(list.map((b) => [b.name, b.id]));
  });
  afterAll(() => t.close());

  const newCase = async (input: object = {}) => {
    const res = await officer.request('POST', '/api/cases', { title: 'Skolestruktur i Solvik', ...input });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; number: string; version: number };
  };
  const read = async (c: Client, id: string) => (await c.request('GET', `/api/cases/${id}`)).body;

  it('an officer changes the title, the mandate item and the references; each is audited', async () => {
    const c = await newCase();
    const mandate = (await officer.request('GET', '/api/mandates')).body.mandates[0];
    const item = (await officer.request('GET', `/api/mandates/${mandate.id}`)).body.items[0];
    const res = await officer.request('PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      title: 'Ny skolestruktur i Solvik',
      mandateItemId: item.id,
      references: ['sak 7/21 i Kommunestyret', 'sak 11/21'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(c.version + 1);
    const after = await read(officer, c.id);
    expect(after).toMatchObject({ title: 'Ny skolestruktur i Solvik', mandateItem: { id: item.id } });
    expect(after.references.map((r: { text: string }) => r.text)).toEqual(['sak 7/21 i Kommunestyret', 'sak 11/21']);
    const history = (await officer.request('GET', `/api/audit/case/${c.id}`)).body.events;
    expect(history.at(-1).changes.title).toEqual({ before: 'Skolestruktur i Solvik', after: 'Ny skolestruktur i Solvik' });
    // Cleared again with an explicit null and an empty list.
    const cleared = await officer.request('PATCH', `/api/cases/${c.id}`, { version: after.version, mandateItemId: null, references: [] });
    expect(cleared.status).toBe(200);
    expect(await read(officer, c.id)).toMatchObject({ mandateItem: null, references: [] });
  });

  it('a stale version is a 409 with the case as it is now', async () => {
    const c = await newCase();
    expect((await officer.request('PATCH', `/api/cases/${c.id}`, { version: c.version, title: 'Først' })).status).toBe(200);
    const late = await officer.request('PATCH', `/api/cases/${c.id}`, { version: c.version, title: 'Sist' });
    expect(late.status).toBe(409);
    expect(late.body.current).toMatchObject({ title: 'Først', version: c.version + 1 });
    expect((await read(officer, c.id)).title).toBe('Først');
  });

  it('refuses bad input with Norwegian messages per field', async () => {
    const c = await newCase();
    const res = await officer.request('PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      title: '',
      references: ['sak 7/21', '  ', 'SAK 7/21', 'to\nlinjer'],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Tittel må fylles ut' },
        { path: 'references.1', message: 'Referansen må fylles ut' },
        { path: 'references.2', message: 'Referansen står allerede i listen' },
        { path: 'references.3', message: 'Referansen må stå på én linje' },
      ]),
    );
    const many = await officer.request('PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      references: Array.from({ length: 21 }, (_, i) => `sak ${i + 1}/21`),
    });
    expect(many.body.errors).toEqual([{ path: 'references', message: 'En sak kan ha høyst 20 referanser' }]);
    const unknownItem = await officer.request('PATCH', `/api/cases/${c.id}`, {
      version: c.version,
      mandateItemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownItem.status).toBe(400);
    expect(unknownItem.body.errors).toEqual([{ path: 'mandateItemId', message: 'Fant ikke mandatpunktet' }]);
    expect((await read(officer, c.id)).version).toBe(c.version);
  });

  it('only case officers edit a case; another municipality gets 404', async () => {
    const c = await newCase();
    for (const who of [fau, chair]) {
      const res = await who.request('PATCH', `/api/cases/${c.id}`, { version: c.version, title: 'Kapret' });
      expect(res.status).toBe(403);
    }
    expect((await other.request('PATCH', `/api/cases/${c.id}`, { version: c.version, title: 'Kapret' })).status).toBe(404);
    expect((await other.request('GET', `/api/cases/${c.id}`)).status).toBe(404);
    expect((await read(officer, c.id)).title).toBe('Skolestruktur i Solvik');
  });

  it('references are links where the case or decision is in Samråd and readable, the public title where not, text otherwise', async () => {
    const earlier = await newCase({ title: 'Tidligere sak om skolegrenser' });
    // An exempt case decided in Driftsutvalget: its decision has a committee number.
    const exempt = await newCase({
      title: 'Nedleggelse av Sørvik skole – personalforhold',
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Personalsak, oppvekst',
    });
    await bringBefore(officer, exempt.id, [bodies['Driftsutvalget']!]);
    const decided = await officer.request('POST', `/api/cases/${exempt.id}/decisions`, {
      bodyId: bodies['Driftsutvalget'],
      decidedOn: '2026-11-20',
      text: 'Driftsutvalget tar saken til orientering.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    const committee = (await read(officer, exempt.id)).route[0].committeeNumber as string;
    const c = await newCase({
      references: [`sak ${earlier.number}`, `Driftsutvalget sak ${committee}`, 'sak 7/99', 'Kommunestyrets vedtak om skolestruktur'],
    });

    const byOfficer = (await read(officer, c.id)).references;
    expect(byOfficer).toEqual([
      {
        text: `sak ${earlier.number}`,
        kind: 'case',
        caseId: earlier.id,
        number: earlier.number,
        title: 'Tidligere sak om skolegrenser',
        body: null,
      },
      {
        text: `Driftsutvalget sak ${committee}`,
        kind: 'decision',
        caseId: exempt.id,
        number: exempt.number,
        title: 'Nedleggelse av Sørvik skole – personalforhold',
        body: 'Driftsutvalget',
      },
      { text: 'sak 7/99', kind: null, caseId: null, number: null, title: null, body: null },
      { text: 'Kommunestyrets vedtak om skolestruktur', kind: null, caseId: null, number: null, title: null, body: null },
    ]);
    // A reference-group member may not read the exempt case: its public title, no link, and never its title.
    const byFau = await fau.request('GET', `/api/cases/${c.id}`);
    expect(byFau.body.references[0].caseId).toBe(earlier.id);
    expect(byFau.body.references[1]).toEqual({
      text: `Driftsutvalget sak ${committee}`,
      kind: 'decision',
      caseId: null,
      number: exempt.number,
      title: 'Personalsak, oppvekst',
      body: 'Driftsutvalget',
    });
    expect(JSON.stringify(byFau.body)).not.toContain('Sørvik');
  });

  it('«Møtedato» on the route is the date of the meeting whose agenda has the case', async () => {
    const c = await newCase();
    await officer.request('PUT', `/api/cases/${c.id}/route`, { steps: [{ bodyId: bodies['Driftsutvalget'], meetingDate: null }] });
    expect((await read(officer, c.id)).route[0].meetingDate).toBeNull();
    const meeting = await officer.request('POST', '/api/meetings', {
      bodyId: bodies['Driftsutvalget'],
      title: 'Driftsutvalgets desembermøte',
      startsAt: '2027-01-14T23:30:00+01:00',
      place: 'Formannskapssalen',
    });
    expect(meeting.status).toBe(201);
    const added = await officer.request('POST', `/api/meetings/${meeting.body.id}/agenda`, { caseId: c.id });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    // The date in Oslo (23:30 on the 14th), seen at once (the read cache does not outlive the change).
    expect((await read(officer, c.id)).route[0].meetingDate).toBe('2027-01-14');
  });
});

/**
 * A municipality with no demo data (a fresh one made by the operator command, its administrator and
 * nothing else — not Nabovik, whose emptiness tenancy.spec counts on): the case page's tools work from
 * nothing — create, edit, attach a document, and every phase move to a vedtak.
 */
describe('a case in an empty municipality', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    const n = String(randomInt(100_000_000, 999_999_999));
    const email = `admin.${n}@tomvik.test`;
    const args = [
      'create',
      '--name',
      `Tomvik ${n} kommune`,
      '--org-number',
      n,
      '--admin-email',
      email,
      '--admin-name',
      'Ada Administrator',
    ];
    const quiet = { out: () => undefined, err: (l: string) => console.error(l) };
    expect(await runMunicipalityCommand(args, quiet)).toBe(0);
    const [invite]: { text: string }[] = await t.db.query(
      `SELECT payload->>'text' AS text FROM outbox WHERE job = 'mail.send' AND lower(payload->>'to') = lower($1) ORDER BY id DESC LIMIT 1`,
      [email],
    );
    const token = /invitasjon\?token=([\w-]+)/.exec(invite?.text ?? '')?.[1] ?? '';
    const password = 'et langt og godt passord for Tomvik';
    expect((await anonymous(t.url).request('POST', '/api/auth/accept-invite', { token, password })).status).toBe(200);
    admin = await login(t.url, email, password);
  });
  afterAll(() => t.close());

  it('is created, edited, given a document and moved through its phases to a vedtak', async () => {
    const ok = (res: { status: number; body: unknown }, status = 200) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body as any;
    };
    // Nothing is here yet: no case, no body.
    expect(ok(await admin.request('GET', '/api/cases')).cases).toEqual([]);
    expect(ok(await admin.request('GET', '/api/bodies')).bodies).toEqual([]);
    const body = ok(await admin.request('POST', '/api/bodies', { kind: 'steering_group', name: `Styringsgruppen ${Date.now()}` }), 201);
    const c = ok(await admin.request('POST', '/api/cases', { title: 'Første sak i Tomvik', references: ['sak 7/21'] }), 201);
    ok(await admin.request('PATCH', `/api/cases/${c.id}`, { version: c.version, title: 'Første sak i Tomvik kommune' }));

    const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'));
    ok(await admin.request('POST', `/api/cases/${c.id}/attachments?filename=${encodeURIComponent('Notat.pdf')}`, pdf), 201);
    expect(
      ok(await admin.request('GET', `/api/cases/${c.id}/attachments`)).attachments.map((a: { filename: string }) => a.filename),
    ).toEqual(['Notat.pdf']);

    const moves = async () => ok(await admin.request('GET', `/api/cases/${c.id}`)).allowedMoves.map((m: { to: string }) => m.to);
    expect(await moves()).toContain('in_preparation');
    ok(await admin.request('POST', `/api/cases/${c.id}/moves`, { to: 'in_preparation' }), 201);
    ok(await admin.request('PUT', `/api/cases/${c.id}/route`, { steps: [{ bodyId: body.id, meetingDate: null }] }), 204);
    ok(await admin.request('POST', `/api/cases/${c.id}/recommendations`, { bodyId: body.id, text: 'Administrasjonen innstiller.' }), 201);
    expect(await moves()).toContain('before_body');
    ok(await admin.request('POST', `/api/cases/${c.id}/moves`, { to: 'before_body' }), 201);
    ok(
      await admin.request('POST', `/api/cases/${c.id}/decisions`, {
        bodyId: body.id,
        decidedOn: '2026-12-03',
        text: 'Styringsgruppen slutter seg til.',
      }),
      201,
    );
    const after = ok(await admin.request('GET', `/api/cases/${c.id}`));
    expect(after.status).toBe('decided');
    expect(after.phases.map((p: { phase: string }) => p.phase)).toEqual([
      'draft',
      'in_preparation',
      'recommended',
      'before_body',
      'decided',
    ]);
    expect(after.references).toEqual([{ text: 'sak 7/21', kind: null, caseId: null, number: null, title: null, body: null }]);
  });
});
