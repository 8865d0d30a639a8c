import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { Body } from '../src/modules/bodies/body.entity.js';
import { createAudited } from '../src/platform/database/tenant-repository.js';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

describe('bodies, memberships and the mandate', () => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
  });
  afterAll(() => t.close());

  it('the demo holds the mandate’s structure', async () => {
    const bodies = (await officer.request('GET', '/api/bodies')).body.bodies as { name: string; kind: string; memberCount: number }[];
    const kinds = Object.fromEntries(bodies.map((b) => [b.name, b.kind]));
    expect(kinds['Driftsutvalget']).toBe('political_committee');
    expect(kinds['Arbeidsgruppen for skoleoppfølging']).toBe('working_group');
    expect(bodies.filter((b) => b.kind === 'reference_group').length).toBeGreaterThanOrEqual(4);
    const wg = bodies.find((b) => b.kind === 'working_group') as unknown as { id: string };
    const members = (await officer.request('GET', `/api/bodies/${wg.id}`)).body.members as {
      capacity: string;
      side: string;
      union: string;
    }[];
    expect(
      members
        .filter((m) => m.capacity === 'union_representative')
        .map((m) => m.union)
        .sort(),
    ).toEqual(['Fagforbundet', 'Utdanningsforbundet']);
    expect(new Set(members.filter((m) => m.capacity === 'politician').map((m) => m.side))).toEqual(new Set(['posisjon', 'opposisjon']));
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const mandate = (await officer.request('GET', `/api/mandates/${mandateId}`)).body;
    expect(mandate.items).toHaveLength(8);
    expect(mandate.endDate).toMatch(/-11-30$/);
    expect(mandate.adoptedCaseNumber).toMatch(/^11\/\d\d$/);
  });

  it('each mandate item lists its cases, input rounds and the meetings that treat them; exempt titles stay screened', async () => {
    const fau = await login(t.url, DEMO.fau);
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const item3 = (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items.find((i: { number: number }) => i.number === 3);
    expect(item3.work.cases.map((c: { title: string }) => c.title)).toContain('Ny ressursfordelingsmodell for grunnskolen');
    expect(item3.work.rounds).toContainEqual(expect.objectContaining({ title: 'Innspill til ny ressursfordelingsmodell', open: true }));
    expect(item3.work.meetings.map((m: { title: string }) => m.title)).toContain('Skolekonferanse: ny ressursfordelingsmodell (sør)');

    const exempt = await officer.request('POST', '/api/cases', {
      title: 'Nedleggelse av Vestby skole',
      mandateItemId: item3.id,
      access: 'exempt',
      legalBasis: 'offentleglova § 14',
      publicTitle: 'Skolestruktur – organinternt dokument',
    });
    expect(exempt.status).toBe(201);
    const asFau = (await fau.request('GET', `/api/mandates/${mandateId}`)).body.items.find((i: { number: number }) => i.number === 3);
    const titles = asFau.work.cases.map((c: { title: string }) => c.title);
    expect(titles).toContain('Skolestruktur – organinternt dokument');
    expect(titles).not.toContain('Nedleggelse av Vestby skole');
  });

  it('creates a body with a Norwegian field error for bad input and nothing stored', async () => {
    const before = (await officer.request('GET', '/api/bodies')).body.bodies.length;
    const bad = await officer.request('POST', '/api/bodies', { kind: 'club', name: '  ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'kind', message: 'Velg en gyldig type organ' },
        { path: 'name', message: 'Navn må fylles ut' },
      ]),
    );
    expect((await officer.request('GET', '/api/bodies')).body.bodies.length).toBe(before);
  });

  it('writes an audit event for each change, with fields before and after', async () => {
    const created = await officer.request('POST', '/api/bodies', {
      kind: 'reference_group',
      name: 'Elevrådsforum',
      description: 'Elevrådslederne',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const updated = await officer.request('PATCH', `/api/bodies/${id}`, { version: 1, name: 'Elevrådsforum (alle skoler)' });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    const history = (await officer.request('GET', `/api/audit/body/${id}`)).body.events;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    expect(history[1].changes).toEqual({ name: { before: 'Elevrådsforum', after: 'Elevrådsforum (alle skoler)' } });
    expect(history[1].actor.name).toBe('Rådgiver, oppvekst');
  });

  it('answers a stale edit with 409 and the current version', async () => {
    const id = (await officer.request('POST', '/api/bodies', { kind: 'reference_group', name: 'Foreldreforum' })).body.id;
    const chair = await login(t.url, DEMO.admin);
    expect((await chair.request('PATCH', `/api/bodies/${id}`, { version: 1, description: 'Først' })).status).toBe(200);
    const stale = await officer.request('PATCH', `/api/bodies/${id}`, { version: 1, description: 'Sist, men på gammel versjon' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Noen andre har endret/);
    expect(stale.body.current).toMatchObject({ id, version: 2, description: 'Først' });
  });

  it('audit rows cannot be changed or deleted, even directly in the database', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'delete'`)).rejects.toThrow(/kun for tillegg/);
    await expect(t.db.query(`DELETE FROM audit_event`)).rejects.toThrow(/kun for tillegg/);
  });

  it('writes the audit event in the same transaction: a failed change leaves neither row nor audit', async () => {
    const audit = t.app.get(AuditService);
    const [{ municipality_id }] = await t.db.query(`SELECT municipality_id FROM app_user WHERE email = $1`, [DEMO.officer]);
    const ctx = { municipalityId: municipality_id as string, userId: officer.userId };
    const countAudit = async () => Number((await t.db.query(`SELECT count(*) FROM audit_event WHERE entity_type = 'body'`))[0].count);
    const before = await countAudit();
    await expect(
      t.db.transaction(async (m) => {
        await createAudited(m, audit, ctx, Body, 'body', {
          kind: 'reference_group',
          name: 'Skal rulles tilbake',
          description: '',
          parentId: null,
        });
        throw new Error('feil etter skriving');
      }),
    ).rejects.toThrow('feil etter skriving');
    expect(await countAudit()).toBe(before);
    expect((await t.db.query(`SELECT 1 FROM body WHERE name = 'Skal rulles tilbake'`)).length).toBe(0);
  });

  it('memberships: a politician needs a side, a union representative a union', async () => {
    const bodies = (await officer.request('GET', '/api/bodies')).body.bodies;
    const wg = bodies.find((b: { kind: string }) => b.kind === 'working_group');
    const res = await officer.request('POST', `/api/bodies/${wg.id}/members`, {
      userId: officer.userId,
      role: 'member',
      capacity: 'politician',
      validFrom: '2026-01-01',
      validTo: '2025-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'side', message: 'En politiker må ha side (posisjon eller opposisjon)' },
        { path: 'validTo', message: 'Sluttdato kan ikke være før startdato' },
      ]),
    );
    const ok = await officer.request('POST', `/api/bodies/${wg.id}/members`, {
      userId: officer.userId,
      role: 'observer',
      capacity: 'administration',
      validFrom: '2026-01-01',
    });
    expect(ok.status).toBe(201);
    const del = await officer.request('DELETE', `/api/bodies/${wg.id}/members/${ok.body.id}`);
    expect(del.status).toBe(204);
    const history = (await officer.request('GET', `/api/audit/membership/${ok.body.id}`)).body.events;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'delete']);
  });

  it('mandate items: late flag, unique numbers, owner from the administration', async () => {
    const mandateId = (await officer.request('GET', '/api/mandates')).body.mandates[0].id;
    const added = await officer.request('POST', `/api/mandates/${mandateId}/items`, {
      number: 9,
      title: 'Ekstra punkt',
      dueDate: '2020-01-01',
      ownerId: officer.userId,
    });
    expect(added.status).toBe(201);
    const dup = await officer.request('POST', `/api/mandates/${mandateId}/items`, { number: 9, title: 'Dobbelt' });
    expect(dup.body.errors).toEqual([{ path: 'number', message: 'Punkt 9 finnes allerede i mandatet' }]);
    const chair = (await t.db.query(`SELECT id FROM app_user WHERE email = $1`, [DEMO.chair]))[0].id;
    const badOwner = await officer.request('PATCH', `/api/mandates/${mandateId}/items/${added.body.id}`, { version: 1, ownerId: chair });
    expect(badOwner.body.errors).toEqual([{ path: 'ownerId', message: 'Ansvarlig må være en saksbehandler i administrasjonen' }]);
    let item = (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items.find((i: { id: string }) => i.id === added.body.id);
    expect(item.late).toBe(true);
    await officer.request('PATCH', `/api/mandates/${mandateId}/items/${added.body.id}`, { version: 1, status: 'done' });
    item = (await officer.request('GET', `/api/mandates/${mandateId}`)).body.items.find((i: { id: string }) => i.id === added.body.id);
    expect(item.late).toBe(false);
  });
});

describe('demo data for the case workflow', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('holds a case with an open round, a closed round with dispositions, a meeting with minutes, and decisions', async () => {
    const officer = await login(t.url, DEMO.officer);
    const cases = (await officer.request('GET', '/api/cases')).body.cases as { id: string; title: string }[];
    const model = cases.find((c) => c.title === 'Ny ressursfordelingsmodell for grunnskolen')!;
    const income = cases.find((c) => c.title === 'Tiltak for økte inntekter i oppvekstsektoren')!;
    const modelView = (await officer.request('GET', `/api/cases/${model.id}`)).body;
    expect(modelView.rounds.some((r: { open: boolean }) => r.open)).toBe(true);
    const incomeView = (await officer.request('GET', `/api/cases/${income.id}`)).body;
    expect(incomeView.rounds.every((r: { open: boolean }) => !r.open)).toBe(true);
    expect(incomeView.recommendations).toHaveLength(1);
    expect(incomeView.decisions.map((d: { bodyName: string }) => d.bodyName).sort()).toEqual(['Driftsutvalget', 'Kommunestyret']);
    const summary = (await officer.request('GET', `/api/cases/${income.id}/input-summary`)).body;
    expect(summary.total).toBe(2);
    expect(summary.handled).toBe(2);
    const meetings = (await officer.request('GET', '/api/meetings')).body.meetings;
    const seeded = meetings.find((x: { place: string }) => x.place === 'Kommunestyresalen, rådhuset');
    const meeting = (await officer.request('GET', `/api/meetings/${seeded.id}`)).body;
    expect(meeting.agenda[0].minutes).toMatch(/enstemmig vedtatt/);
    expect(meeting.agenda[0].decision).not.toBeNull();
    // Documents: a PDF on the case and one on its open round, served as they were stored.
    const [attachment] = (await officer.request('GET', `/api/cases/${model.id}/attachments`)).body.attachments;
    expect(attachment).toMatchObject({ filename: 'Analyse av ressursbruk i skolen – sammendrag.pdf', mediaType: 'application/pdf' });
    const pdf = await officer.request('GET', `/api/attachments/${attachment.id}`);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const openRound = modelView.rounds.find((r: { open: boolean }) => r.open);
    expect(
      (await officer.request('GET', `/api/rounds/${openRound.id}`)).body.documents.map((d: { filename: string }) => d.filename),
    ).toEqual(['Spørsmål til innspillsrunden.pdf']);
  });

  it('holds the Grimstad 2009 model as an allocation case with the original budget and the 5.1 million cut', async () => {
    const officer = await login(t.url, DEMO.officer);
    const list = (await officer.request('GET', '/api/allocation-cases')).body.allocationCases as { id: string; budgetYear: number }[];
    const demo = (await officer.request('GET', `/api/allocation-cases/${list.find((a) => a.budgetYear === 2009)!.id}`)).body;
    // The seed makes both scenarios in one transaction (one created_at), so their order is by name.
    expect(demo.scenarios.map((s: { name: string }) => s.name)).toEqual(['Opprinnelig budsjett 2009', 'Rammereduksjon 5,1 mill.']);
    const [original, cut] = demo.scenarios;
    expect(original.total).toBe(164123716);
    expect(cut.total).toBe(164123716 - 5100000);
    const comments = (await officer.request('GET', `/api/scenarios/${cut.id}/comments`)).body.comments;
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(comments.some((c: { unitId: string }) => c.unitId === 'holviga-b')).toBe(true);
  });
});
