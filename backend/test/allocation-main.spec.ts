import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import grimstad from '../src/seed/grimstad-2009.input.json' with { type: 'json' };
import { bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

/** The main scenario (hovedscenario) of an allocation case: who may set it, who reads it, tenancy, audit. */
describe('an allocation case’s main scenario', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let udf: Client;
  let other: Client;
  let caseId: string;
  let allocationId: string;
  let first: string;
  let second: string;

  const scenario = async (a: string, d: { id: string; modelVersionId: string }, name: string, frameChange: number | null = null) =>
    (
      await officer.request('POST', `/api/allocation-cases/${a}/scenarios`, {
        name,
        modelVersionId: d.modelVersionId,
        datasetId: d.id,
        frameChange,
      })
    ).body.id as string;
  const allocationCase = async (title: string, access?: object) => {
    const c = (await officer.request('POST', '/api/cases', { title, ...access })).body.id as string;
    const a = (await officer.request('POST', '/api/allocation-cases', { caseId: c, budgetYear: 2027, title })).body.id as string;
    const d = (
      await officer.request('POST', `/api/allocation-cases/${a}/datasets`, {
        name: 'Data',
        format: 'json',
        content: JSON.stringify(grimstad),
      })
    ).body;
    return { caseId: c, id: a, dataset: d };
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    udf = await login(t.url, DEMO.udf);
    other = await login(t.url, DEMO.otherAdmin);
    const a = await allocationCase('Hovedscenario 2027');
    caseId = a.caseId;
    allocationId = a.id;
    first = await scenario(allocationId, a.dataset, 'Modellens sum');
    second = await scenario(allocationId, a.dataset, 'Kutt 5,1 mill.', -5100000);
  });
  afterAll(() => t.close());

  it('the demo case opens on its main scenario, read by everyone who may read the case', async () => {
    const list = (await fau.request('GET', '/api/allocation-cases')).body.allocationCases as {
      id: string;
      title: string;
      mainScenarioId: string | null;
    }[];
    // The demo case by its title: other files make allocation cases of their own and adopt their scenarios.
    const demo = list.find((x) => x.title === 'Ressursfordeling grunnskolen – budsjett 2009 (Grimstad-modellen)')!;
    expect(demo.mainScenarioId).not.toBeNull();
    const ac = (await fau.request('GET', `/api/allocation-cases/${demo.id}`)).body;
    expect(ac.mainScenarioId).toBe(demo.mainScenarioId);
    expect(ac.scenarios.find((s: { id: string }) => s.id === ac.mainScenarioId).name).toBe('Opprinnelig budsjett 2009');
  });

  it('is none until chosen; a case officer chooses one of the case’s scenarios, audited, and everyone who may read the case reads it', async () => {
    expect((await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.mainScenarioId).toBeNull();
    const res = await officer.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: second });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    for (const reader of [officer, fau, udf]) {
      expect((await reader.request('GET', `/api/allocation-cases/${allocationId}`)).body.mainScenarioId).toBe(second);
      const listed = (await reader.request('GET', '/api/allocation-cases')).body.allocationCases.find(
        (x: { id: string }) => x.id === allocationId,
      );
      expect(listed.mainScenarioId).toBe(second);
    }
    const audit = await t.db.query(
      `SELECT actor_id, action, changes FROM audit_event WHERE entity_type = 'allocation_case' AND entity_id = $1 AND changes ? 'mainScenarioId'`,
      [allocationId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('update');
    expect(audit[0].changes.mainScenarioId).toEqual({ before: null, after: second });
    // Choosing it again changes nothing and writes no second audit event.
    expect((await officer.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: second })).status).toBe(204);
    const again = await t.db.query(
      `SELECT 1 FROM audit_event WHERE entity_type = 'allocation_case' AND entity_id = $1 AND changes ? 'mainScenarioId'`,
      [allocationId],
    );
    expect(again).toHaveLength(1);
  });

  it('a comparison answers its totals row from the server: the cut against the model’s sum is −5.1 million', async () => {
    const cmp = (await fau.request('GET', `/api/scenarios/${second}/compare?against=${first}`)).body;
    const sum = cmp.units.reduce((s: number, u: { total: number }) => s + u.total, 0);
    expect(cmp.totals).toMatchObject({ total: sum, diffNok: -5100000 });
    expect(cmp.totals.against).toBe(sum + 5100000);
    // The dataset has no budget: nothing to compare with, and no difference in the totals either.
    const budget = (await fau.request('GET', `/api/scenarios/${second}/compare?against=budget`)).body;
    expect(budget.totals).toEqual({ total: sum, against: null, diffNok: null, diffPct: null });
  });

  it('is refused to those who are not case officers, and their attempt changes nothing', async () => {
    for (const who of [fau, udf]) {
      const res = await who.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: first });
      expect(res.status).toBe(403);
    }
    expect((await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.mainScenarioId).toBe(second);
  });

  it('takes only a scenario of the same case, with a field error in Norwegian', async () => {
    const elsewhere = await allocationCase('Et annet budsjettår');
    const foreign = await scenario(elsewhere.id, elsewhere.dataset, 'Fremmed');
    const res = await officer.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: foreign });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'scenarioId', message: 'Scenarioet hører ikke til denne fordelingssaken' }]);
    const bad = await officer.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: 'ikke-en-id' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('scenarioId');
    expect((await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.mainScenarioId).toBe(second);
  });

  it('another municipality neither reads nor sets it (404)', async () => {
    expect((await other.request('GET', `/api/allocation-cases/${allocationId}`)).status).toBe(404);
    const res = await other.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: first });
    expect(res.status).toBe(404);
    expect((await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.mainScenarioId).toBe(second);
    expect((await other.request('GET', '/api/allocation-cases')).body.allocationCases).toEqual([]);
  });

  it('on an exempt case it is read only by those who may read the case', async () => {
    const exempt = await allocationCase('Unntatt hovedscenario', {
      access: 'exempt',
      legalBasis: 'offentleglova § 14',
      publicTitle: 'Organinternt dokument',
    });
    const s = await scenario(exempt.id, exempt.dataset, 'Skjult');
    expect((await officer.request('PUT', `/api/allocation-cases/${exempt.id}/main-scenario`, { scenarioId: s })).status).toBe(204);
    expect((await fau.request('GET', `/api/allocation-cases/${exempt.id}`)).status).toBe(403);
    expect((await fau.request('GET', '/api/allocation-cases')).body.allocationCases.some((x: { id: string }) => x.id === exempt.id)).toBe(
      false,
    );
  });

  it('the adopted scenario becomes the main one when the decision adopts it', async () => {
    const ks = (await officer.request('GET', '/api/bodies')).body.bodies.find((b: { name: string }) => b.name === 'Kommunestyret').id;
    await bringBefore(officer, caseId, [ks]);
    const decision = (
      await officer.request('POST', `/api/cases/${caseId}/decisions`, { bodyId: ks, decidedOn: '2026-12-10', text: 'Vedtatt.' })
    ).body;
    expect((await officer.request('POST', `/api/scenarios/${first}/adopt`, { decisionId: decision.id })).status).toBe(204);
    const ac = (await fau.request('GET', `/api/allocation-cases/${allocationId}`)).body;
    expect(ac.adoptedScenarioId).toBe(first);
    expect(ac.mainScenarioId).toBe(first);
    // An officer may still read another scenario as the main one; the adoption stays.
    expect((await officer.request('PUT', `/api/allocation-cases/${allocationId}/main-scenario`, { scenarioId: second })).status).toBe(204);
    const after = (await fau.request('GET', `/api/allocation-cases/${allocationId}`)).body;
    expect(after).toMatchObject({ adoptedScenarioId: first, mainScenarioId: second });
  });
});
