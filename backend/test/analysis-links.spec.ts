import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRIMSTAD_2009 } from '@samrad/shared/engine';
import { hashPassword } from '../src/modules/auth/password.js';
import { DEMO_PASSWORD } from '../src/seed/demo-people.js';
import { DEMO, bringBefore, login, startTestApp, type Client, type TestApp } from './harness.js';

/**
 * The analysis workbench tied to the mandate and its decisions (#19): the tools' state under their mandate items, adoption
 * of a measure or a structure scenario by a vedtak of the tool's case (and nothing else), consequence assessments by the
 * measure's unit leaders only, and who reads and comments.
 */
const SECRET = `Hemmelig strukturanalyse ${randomBytes(4).toString('hex')}`;
const PRINCIPAL = 'rektor.nordby@solvik.kommune.test';

type Tool = { id: string; version: number; input: { measures: { id: string; status: string; assessment: Record<string, string> }[] } };

describe('analysis tools under the mandate, adopted by decision, assessed by unit leaders', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let principal: Client;
  let udf: Client;
  let other: Client;
  let otherParent: Client;
  let mandateId: string;
  let items: { id: string; number: number }[];
  let caseId: string;
  let otherCaseId: string;
  let exemptCaseId: string;
  let planId: string;
  let structureId: string;
  let secretId: string;
  let decisionId: string;
  let otherDecisionId: string;

  const ok = (res: { status: number; body: unknown }, what: string) => {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body as Record<string, any>;
  };
  const tool = async (c: Client, id: string) => (await c.request('GET', `/api/analysis-tools/${id}`)).body as Tool & Record<string, any>;
  const decide = async (id: string, text: string) => {
    const ks = (ok(await officer.request('GET', '/api/bodies'), 'bodies').bodies as { id: string; name: string }[]).find(
      (b) => b.name === 'Kommunestyret',
    )!.id;
    await bringBefore(officer, id, [ks]);
    return ok(await officer.request('POST', `/api/cases/${id}/decisions`, { bodyId: ks, decidedOn: '2026-12-10', text }), 'decision')
      .id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    principal = await login(t.url, PRINCIPAL);
    udf = await login(t.url, DEMO.udf);
    other = await login(t.url, DEMO.otherAdmin);
    // A parent representative of the other municipality (Nabovik): the same kind of person, another tenant.
    const [nabovik] = await t.db.query(`SELECT municipality_id FROM app_user WHERE email = $1`, [DEMO.otherAdmin]);
    const email = `fau.${randomBytes(4).toString('hex')}@nabovik.kommune.test`;
    const [parent] = await t.db.query(
      `INSERT INTO app_user (municipality_id, email, name, title, password_hash, status) VALUES ($1,$2,'FAU-leder, Nabovik','FAU-leder',$3,'active') RETURNING id`,
      [nabovik.municipality_id, email, await hashPassword(DEMO_PASSWORD)],
    );
    const [body] = await t.db.query(
      `INSERT INTO body (municipality_id, kind, name) VALUES ($1, 'reference_group', 'FAU Nabovik skole') RETURNING id`,
      [nabovik.municipality_id],
    );
    await t.db.query(
      `INSERT INTO membership (municipality_id, body_id, user_id, role, capacity, school, valid_from) VALUES ($1,$2,$3,'member','parent_representative','Nordby skole','2020-01-01')`,
      [nabovik.municipality_id, body.id, parent.id],
    );
    otherParent = await login(t.url, email);

    mandateId = ok(await officer.request('GET', '/api/mandates'), 'mandates').mandates[0].id;
    items = ok(await officer.request('GET', `/api/mandates/${mandateId}`), 'mandate').items;
    caseId = ok(await officer.request('POST', '/api/cases', { title: 'Tiltak i skolen 2010–2011' }), 'case').id;
    otherCaseId = ok(await officer.request('POST', '/api/cases', { title: 'En annen sak' }), 'other case').id;
    exemptCaseId = ok(
      await officer.request('POST', '/api/cases', {
        title: SECRET,
        access: 'exempt',
        legalBasis: 'offentleglova § 14',
        publicTitle: 'Organinternt dokument',
      }),
      'exempt case',
    ).id;
    const measures = GRIMSTAD_2009.savings.measures.map((m) => ({
      ...m,
      owner: 'Kommunalsjef oppvekst',
      mandateItemId: m.id === 'sfo' ? items[4]!.id : items[0]!.id,
      // The frames measure concerns Nordby skole (its rektor assesses it); the SFO measure is owned by the union rep.
      school: m.id === 'rammer' ? 'Nordby skole' : '',
      ownerId: m.id === 'sfo' ? udf.userId : null,
    }));
    planId = ok(
      await officer.request('POST', '/api/analysis-tools', {
        kind: 'savings',
        caseId,
        mandateItemId: items[0]!.id,
        title: 'Innsparingsplan 2010–2011',
        input: { ...GRIMSTAD_2009.savings, measures },
      }),
      'plan',
    ).id;
    structureId = ok(
      await officer.request('POST', '/api/analysis-tools', {
        kind: 'structure',
        caseId,
        mandateItemId: items[1]!.id,
        title: 'Skolestruktur: Holviga avlaster Landvik',
        input: { ...GRIMSTAD_2009.structure, moves: [{ from: 'landvik', to: 'holviga', pupils: 70 }] },
      }),
      'structure',
    ).id;
    secretId = ok(
      await officer.request('POST', '/api/analysis-tools', {
        kind: 'structure',
        caseId: exemptCaseId,
        mandateItemId: items[1]!.id,
        title: SECRET,
        input: GRIMSTAD_2009.structure,
      }),
      'secret',
    ).id;
    decisionId = await decide(caseId, 'Kommunestyret vedtar tiltakene.');
    otherDecisionId = await decide(otherCaseId, 'Kommunestyret vedtar noe annet.');
  });
  afterAll(() => t.close());

  it('the mandate shows each tool’s state under its item, and a measure under the item it names', async () => {
    const mandate = ok(await fau.request('GET', `/api/mandates/${mandateId}`), 'mandate');
    const under = (i: number) => (mandate.items as { id: string; work: { tools: any[] } }[]).find((x) => x.id === items[i]!.id)!.work.tools;
    expect(under(0)).toContainEqual(
      expect.objectContaining({
        toolId: planId,
        kind: 'savings',
        status: 'draft',
        // 5/12 of 8.6 million in 2010 against the 4.3 million target.
        figures: { year: 2010, effect: 3_583_333.33, target: 4_300_000, gap: 716_666.67, measures: 4, adoptedMeasures: 0 },
      }),
    );
    expect(under(4)).toContainEqual(
      expect.objectContaining({
        toolId: planId,
        kind: 'measure',
        title: 'Høyere foreldrebetaling i SFO',
        figures: { measureId: 'sfo', fullYearEffect: 1_000_000, planTitle: 'Innsparingsplan 2010–2011' },
      }),
    );
    expect(under(1)).toContainEqual(
      expect.objectContaining({ toolId: structureId, kind: 'structure', status: 'draft', figures: { freeBefore: 163, freeAfter: 163 } }),
    );
    // The tool of an exempt case is for those who may read that case: the officer sees it, the parent not even its title.
    expect(JSON.stringify(mandate)).not.toContain(SECRET);
    expect(under(1).map((x) => x.toolId)).not.toContain(secretId);
    const asOfficer = ok(await officer.request('GET', `/api/mandates/${mandateId}`), 'mandate');
    expect(JSON.stringify(asOfficer)).toContain(SECRET);
    // Another municipality (its admin, or a parent there) cannot open the mandate at all.
    expect((await other.request('GET', `/api/mandates/${mandateId}`)).status).toBe(404);
    expect((await otherParent.request('GET', `/api/mandates/${mandateId}`)).status).toBe(404);
  });

  it('a measure is adopted only by a vedtak of the tool’s case, by an officer, once; it is read-only after and audited', async () => {
    const foreign = await officer.request('POST', `/api/analysis-tools/${planId}/adoptions`, {
      decisionId: otherDecisionId,
      measureId: 'rammer',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ path: 'decisionId', message: 'Vedtaket hører ikke til analysens sak' }]);
    expect((await fau.request('POST', `/api/analysis-tools/${planId}/adoptions`, { decisionId, measureId: 'rammer' })).status).toBe(403);
    expect((await principal.request('POST', `/api/analysis-tools/${planId}/adoptions`, { decisionId, measureId: 'rammer' })).status).toBe(
      403,
    );
    expect((await other.request('POST', `/api/analysis-tools/${planId}/adoptions`, { decisionId, measureId: 'rammer' })).status).toBe(404);
    const noMeasure = await officer.request('POST', `/api/analysis-tools/${planId}/adoptions`, { decisionId, measureId: null });
    expect(noMeasure.body.errors).toEqual([{ path: 'measureId', message: 'Velg tiltaket vedtaket gjelder' }]);

    const adopted = await officer.request('POST', `/api/analysis-tools/${planId}/adoptions`, { decisionId, measureId: 'rammer' });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect(adopted.body).toMatchObject({ measureId: 'rammer', decisionId, body: 'Kommunestyret', decidedOn: '2026-12-10' });
    expect(adopted.body.committeeNumber).toMatch(/^\d+\/\d\d$/);
    expect((await officer.request('POST', `/api/analysis-tools/${planId}/adoptions`, { decisionId, measureId: 'rammer' })).status).toBe(
      409,
    );

    const plan = await tool(fau, planId);
    expect(plan.adoptions).toEqual([adopted.body]);
    expect(plan.input.measures.find((m) => m.id === 'rammer')!.status).toBe('adopted');
    expect(plan.version).toBe(2);
    const [audit] = await t.db.query(
      `SELECT actor_id, changes FROM audit_event WHERE entity_type = 'analysis_tool' AND entity_id = $1 AND changes->'adopted'->>'after' = 'true'`,
      [planId],
    );
    expect(audit).toMatchObject({ actor_id: officer.userId, changes: { decisionId: { before: null, after: decisionId } } });

    // Read-only after: the adopted measure neither changes nor goes; «adopted» is never set by hand on another.
    const measures = plan.input.measures;
    const changed = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: 2,
      input: { ...plan.input, measures: measures.map((m) => (m.id === 'rammer' ? { ...m, fullYearEffect: 4_000_000 } : m)) },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([
      { path: 'input.measures[3]', message: 'Tiltaket «Lavere rammer til skolene (fordelt etter modellen)» er vedtatt og kan ikke endres' },
    ]);
    const dropped = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: 2,
      input: { ...plan.input, measures: measures.filter((m) => m.id !== 'rammer') },
    });
    expect(dropped.body.errors).toEqual([
      { path: 'input.measures', message: 'Det vedtatte tiltaket «Lavere rammer til skolene (fordelt etter modellen)» kan ikke fjernes' },
    ]);
    const byHand = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: 2,
      input: { ...plan.input, measures: measures.map((m) => (m.id === 'sfo' ? { ...m, status: 'adopted' } : m)) },
    });
    expect(byHand.body.errors).toEqual([
      { path: 'input.measures[0].status', message: 'Et tiltak blir vedtatt gjennom et vedtak i saken, ikke ved å sette status' },
    ]);
    // The other measures still change.
    const others = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: 2,
      input: { ...plan.input, measures: measures.map((m) => (m.id === 'sfo' ? { ...m, startMonth: '2010-01' } : m)) },
    });
    expect(others.status, JSON.stringify(others.body)).toBe(200);

    const mandate = ok(await fau.request('GET', `/api/mandates/${mandateId}`), 'mandate');
    const state = (mandate.items as { id: string; work: { tools: any[] } }[])
      .find((x) => x.id === items[0]!.id)!
      .work.tools.find((x) => x.toolId === planId);
    expect(state).toMatchObject({ status: 'partly_adopted', figures: { measures: 4, adoptedMeasures: 1 } });
  });

  it('a structure scenario is adopted as a whole and locked; SFO and peer tools are not adopted', async () => {
    const bad = await officer.request('POST', `/api/analysis-tools/${structureId}/adoptions`, { decisionId, measureId: 'x' });
    expect(bad.body.errors).toEqual([{ path: 'measureId', message: 'Et skolestrukturscenario vedtas som helhet' }]);
    const adopted = await officer.request('POST', `/api/analysis-tools/${structureId}/adoptions`, { decisionId });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect(adopted.body).toMatchObject({ measureId: null, body: 'Kommunestyret' });
    const locked = await officer.request('PATCH', `/api/analysis-tools/${structureId}`, { version: 1, title: 'Endret' });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toBe('Scenarioet er vedtatt og kan ikke endres. Lag et nytt scenario for en ny endring.');
    const state = (ok(await officer.request('GET', `/api/mandates/${mandateId}`), 'mandate').items as any[])
      .find((x) => x.id === items[1]!.id)
      .work.tools.find((x: { toolId: string }) => x.toolId === structureId);
    expect(state).toMatchObject({ status: 'adopted', adoption: { decisionId, body: 'Kommunestyret' } });
    const sfo = ok(
      await officer.request('POST', '/api/analysis-tools', { kind: 'sfo', caseId, title: 'SFO', input: GRIMSTAD_2009.sfo }),
      'sfo',
    ).id;
    expect((await officer.request('POST', `/api/analysis-tools/${sfo}/adoptions`, { decisionId })).status).toBe(409);
  });

  it('the rektor of the measure’s school and its owner write the assessment; the officer, a parent and others may not', async () => {
    const plan = await tool(principal, planId);
    expect(plan.mayAssess).toEqual([]); // «rammer» is adopted: its assessment is read-only now
    expect((await tool(udf, planId)).mayAssess).toEqual(['sfo']);
    expect((await tool(officer, planId)).mayAssess).toEqual([]);
    const text = { pupils: 'Ingen endring for elevene.', parents: 'Høyere pris for hel plass.', staff: 'Små endringer.' };
    // The frames measure (Nordby skole) is adopted: nobody changes its assessment any more.
    expect(
      (await principal.request('PUT', `/api/analysis-tools/${planId}/measures/rammer/assessment`, { version: plan.version, ...text }))
        .status,
    ).toBe(409);
    // A measure with no school and another owner: the rektor is no unit leader of it.
    const notHis = await principal.request('PUT', `/api/analysis-tools/${planId}/measures/sfo/assessment`, {
      version: plan.version,
      ...text,
    });
    expect(notHis.status).toBe(403);
    expect(notHis.body.message).toMatch(/^Konsekvensvurderingen skrives av enhetslederne/);
    for (const who of [officer, fau]) {
      expect(
        (await who.request('PUT', `/api/analysis-tools/${planId}/measures/sfo/assessment`, { version: plan.version, ...text })).status,
      ).toBe(403);
    }
    expect(
      (await otherParent.request('PUT', `/api/analysis-tools/${planId}/measures/sfo/assessment`, { version: plan.version, ...text }))
        .status,
    ).toBe(404);
    const written = await udf.request('PUT', `/api/analysis-tools/${planId}/measures/sfo/assessment`, { version: plan.version, ...text });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body).toEqual({ id: planId, version: plan.version + 1 });
    const stale = await udf.request('PUT', `/api/analysis-tools/${planId}/measures/sfo/assessment`, { version: plan.version, ...text });
    expect(stale.status).toBe(409);
    const after = await tool(fau, planId);
    expect(after.input.measures.find((m) => m.id === 'sfo')!.assessment).toEqual(text);
    const tooLong = await udf.request('PUT', `/api/analysis-tools/${planId}/measures/sfo/assessment`, {
      version: after.version,
      ...text,
      staff: 'x'.repeat(4001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([{ path: 'staff', message: 'Teksten kan ha høyst 4000 tegn' }]);

    // The officer cannot write it through the plan either: a changed assessment in a PATCH is refused, field by field.
    const viaPatch = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: after.version,
      input: {
        ...after.input,
        measures: after.input.measures.map((m) =>
          m.id === 'sfo' ? { ...m, assessment: { ...m.assessment, staff: 'Skrevet av saksbehandler' } } : m,
        ),
      },
    });
    expect(viaPatch.status).toBe(400);
    expect(viaPatch.body.errors[0].path).toBe('input.measures[0].assessment');
    // …nor by making a new measure with one, unless they own it.
    const newOne = {
      id: 'ny',
      title: 'Nytt tiltak',
      fullYearEffect: 100000,
      startMonth: '2011-01',
      assessment: { pupils: 'Skrevet av saksbehandler', parents: '', staff: '' },
    };
    const created = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: after.version,
      input: { ...after.input, measures: [...after.input.measures, newOne] },
    });
    expect(created.body.errors).toEqual([
      { path: 'input.measures[4].assessment', message: expect.stringMatching(/^Konsekvensvurderingen/) },
    ]);
    const owned = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: after.version,
      input: { ...after.input, measures: [...after.input.measures, { ...newOne, ownerId: officer.userId }] },
    });
    expect(owned.status, JSON.stringify(owned.body)).toBe(200);
    const foreignOwner = await officer.request('PATCH', `/api/analysis-tools/${planId}`, {
      version: owned.body.version,
      input: { ...after.input, measures: [...after.input.measures, { ...newOne, ownerId: otherParent.userId, assessment: undefined }] },
    });
    expect(foreignOwner.body.errors).toEqual([{ path: 'input.measures[4].ownerId', message: 'Fant ikke personen' }]);
  });

  it('the unit leader of a school is a current membership in that capacity: the rektor assesses a Nordby measure, until it ends', async () => {
    const plan = ok(
      await officer.request('POST', '/api/analysis-tools', {
        kind: 'savings',
        caseId,
        title: 'Plan for Nordby',
        input: {
          targets: [{ year: 2011, amount: 100000 }],
          measures: [{ id: 'nordby', title: 'Felles ledelse', fullYearEffect: 100000, startMonth: '2011-01', school: ' nordby SKOLE ' }],
        },
      }),
      'plan',
    );
    expect((await tool(principal, plan.id)).mayAssess).toEqual(['nordby']);
    const text = { pupils: 'Samme skole.', parents: 'Én kontaktperson.', staff: 'Ny lederstruktur.' };
    expect(
      (await principal.request('PUT', `/api/analysis-tools/${plan.id}/measures/nordby/assessment`, { version: 1, ...text })).status,
    ).toBe(200);
    // A parent of the same school (FAU, parent representative) is no unit leader of it.
    expect((await fau.request('PUT', `/api/analysis-tools/${plan.id}/measures/nordby/assessment`, { version: 2, ...text })).status).toBe(
      403,
    );
    await t.db.query(
      `UPDATE membership SET valid_to = '2020-12-31', valid_from = '2020-01-01' WHERE capacity = 'unit_leader' AND user_id = $1`,
      [principal.userId],
    );
    try {
      expect(
        (await principal.request('PUT', `/api/analysis-tools/${plan.id}/measures/nordby/assessment`, { version: 2, ...text })).status,
      ).toBe(403);
    } finally {
      await t.db.query(`UPDATE membership SET valid_to = NULL WHERE capacity = 'unit_leader' AND user_id = $1`, [principal.userId]);
    }
  });

  it('parents of the reference groups comment on a measure of a readable case; not on an exempt case, not from another municipality', async () => {
    const c = await fau.request('POST', `/api/analysis-tools/${planId}/comments`, {
      measureId: 'sfo',
      text: 'FAU ber om søskenmoderasjon.',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(
      ((await officer.request('GET', `/api/analysis-tools/${planId}/comments`)).body.comments as { text: string }[]).map((x) => x.text),
    ).toContain('FAU ber om søskenmoderasjon.');
    // A user without access to the exempt case: no tool, no comments, no way to comment, no title.
    for (const path of [`/api/analysis-tools/${secretId}`, `/api/analysis-tools/${secretId}/comments`]) {
      const res = await fau.request('GET', path);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
    expect((await fau.request('POST', `/api/analysis-tools/${secretId}/comments`, { text: 'Hei', measureId: null })).status).toBe(403);
    // A parent of another municipality: nothing of Solvik's exists for them.
    for (const path of [`/api/analysis-tools/${planId}`, `/api/analysis-tools/${planId}/comments`, `/api/analysis-tools/${secretId}`]) {
      const res = await otherParent.request('GET', path);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
    expect((await otherParent.request('POST', `/api/analysis-tools/${planId}/comments`, { measureId: 'sfo', text: 'Hei' })).status).toBe(
      404,
    );
    const theirs = (await otherParent.request('GET', '/api/analysis-tools')).body.tools as { id: string }[];
    expect(theirs.map((x) => x.id)).not.toContain(planId);
  });
});
