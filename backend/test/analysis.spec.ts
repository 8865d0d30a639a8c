import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRIMSTAD_2009 } from '@samrad/shared/engine';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const SECRET = 'Hemmelig analyse av spesialskolen';

describe('analysis workbench (#19)', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let other: Client;
  let caseId: string;
  let exemptCaseId: string;
  let itemId: string;
  let savingsId: string;
  let secretId: string;

  const savingsInput = {
    ...GRIMSTAD_2009.savings,
    measures: GRIMSTAD_2009.savings.measures.map((m) => ({ ...m, owner: 'Kommunalsjef oppvekst', status: 'proposed' })),
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    other = await login(t.url, DEMO.otherAdmin);
    caseId = (await officer.request('POST', '/api/cases', { title: 'Innsparing i skolen 2010–2011' })).body.id;
    exemptCaseId = (
      await officer.request('POST', '/api/cases', {
        title: SECRET,
        access: 'exempt',
        legalBasis: 'offentleglova § 14',
        publicTitle: 'Organinternt dokument',
      })
    ).body.id;
    const mandates = (await officer.request('GET', '/api/mandates')).body.mandates;
    itemId = (await officer.request('GET', `/api/mandates/${mandates[0].id}`)).body.items[0].id;
    const created = await officer.request('POST', '/api/analysis-tools', {
      kind: 'savings',
      caseId,
      mandateItemId: itemId,
      title: 'Innsparingskrav 2010–2011',
      input: savingsInput,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    savingsId = created.body.id;
    const secret = await officer.request('POST', '/api/analysis-tools', {
      kind: 'peers',
      caseId: exemptCaseId,
      title: SECRET,
      input: GRIMSTAD_2009.peers,
    });
    expect(secret.status, JSON.stringify(secret.body)).toBe(201);
    secretId = secret.body.id;
  });
  afterAll(() => t.close());

  it('stores a savings plan with its computed result: 5/12 of 8.6 million in 2010 against 4.3 million, all of it in 2011', async () => {
    const res = await officer.request('GET', `/api/analysis-tools/${savingsId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'savings', version: 1, caseId, mandateItem: { id: itemId } });
    expect(res.body.result.years).toEqual([
      expect.objectContaining({ year: 2010, target: 4_300_000, effect: 3_583_333.33, gap: 716_666.67 }),
      expect.objectContaining({ year: 2011, target: 8_600_000, effect: 8_600_000, gap: 0 }),
    ]);
    expect(res.body.input.measures[0]).toMatchObject({
      owner: 'Kommunalsjef oppvekst',
      assessment: { pupils: '', parents: '', staff: '' },
    });
  });

  it('a parent reads the plan of a public case and comments on a measure, but may neither create nor change a tool', async () => {
    expect((await fau.request('GET', `/api/analysis-tools/${savingsId}`)).status).toBe(200);
    const c = await fau.request('POST', `/api/analysis-tools/${savingsId}/comments`, {
      measureId: 'sfo',
      text: 'Hva betyr dette for familier med flere barn?',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const list = (await officer.request('GET', `/api/analysis-tools/${savingsId}/comments`)).body.comments;
    expect(list).toEqual([
      expect.objectContaining({ measureId: 'sfo', author: expect.objectContaining({ name: 'FAU-leder, Nordby skole' }) }),
    ]);
    expect((await fau.request('PATCH', `/api/analysis-tools/${savingsId}`, { version: 1, title: 'Nei' })).status).toBe(403);
    expect(
      (await fau.request('POST', '/api/analysis-tools', { kind: 'peers', caseId, title: 'X', input: GRIMSTAD_2009.peers })).status,
    ).toBe(403);
    const bad = await fau.request('POST', `/api/analysis-tools/${savingsId}/comments`, { measureId: 'ukjent', text: 'Hei' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'measureId', message: 'Fant ikke tiltaket i planen' }]);
  });

  it('a PATCH changes only what it is sent, keeps every version, recomputes a new input and answers a stale version with 409', async () => {
    const renamed = await officer.request('PATCH', `/api/analysis-tools/${savingsId}`, { version: 1, title: 'Innsparingsplan' });
    expect(renamed.body).toEqual({ id: savingsId, version: 2 });
    const after = (await officer.request('GET', `/api/analysis-tools/${savingsId}`)).body;
    expect(after).toMatchObject({ title: 'Innsparingsplan', mandateItem: { id: itemId } });
    expect(after.result.years[0].gap).toBe(716_666.67);
    const stale = await officer.request('PATCH', `/api/analysis-tools/${savingsId}`, { version: 1, title: 'Gammel' });
    expect(stale.status).toBe(409);
    // Starting in January 2010 instead: the whole 8.6 million in 2010, 4.3 million more than the target.
    const earlier = { ...savingsInput, measures: savingsInput.measures.map((m) => ({ ...m, startMonth: '2010-01' })) };
    const changed = await officer.request('PATCH', `/api/analysis-tools/${savingsId}`, { version: 2, input: earlier });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await officer.request('GET', `/api/analysis-tools/${savingsId}`)).body.result.years[0]).toMatchObject({
      effect: 8_600_000,
      gap: -4_300_000,
    });
    const versions = (await fau.request('GET', `/api/analysis-tools/${savingsId}/versions`)).body.versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('refuses bad input with Norwegian field errors under input, and never a 500', async () => {
    const res = await officer.request('PATCH', `/api/analysis-tools/${savingsId}`, {
      version: 3,
      input: { targets: [{ year: 2010, amount: -5 }], measures: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'input.targets.0.amount', message: 'Kan ikke være negativt' }]);
    const move = await officer.request('POST', '/api/analysis-tools', {
      kind: 'structure',
      caseId,
      title: 'Skolestruktur',
      input: { ...GRIMSTAD_2009.structure, moves: [{ from: 'eide', to: 'nord', pupils: 3 }] },
    });
    expect(move.status).toBe(400);
    expect(move.body.errors).toEqual([{ path: 'input.moves[0].to', message: 'Fant ikke skolen «nord»' }]);
    const kind = await officer.request('PATCH', `/api/analysis-tools/${savingsId}`, { version: 3, kind: 'sfo' });
    expect(kind.status).toBe(400);
  });

  it('a tool on an exempt case is read only by those who may read the case', async () => {
    expect((await officer.request('GET', `/api/analysis-tools/${secretId}`)).body.result.peers).toHaveLength(7);
    for (const path of [
      `/api/analysis-tools/${secretId}`,
      `/api/analysis-tools/${secretId}/comments`,
      `/api/analysis-tools/${secretId}/versions`,
      `/api/analysis-tools/${secretId}/export.xlsx`,
    ]) {
      const res = await fau.request('GET', path);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
    expect((await fau.request('POST', `/api/analysis-tools/${secretId}/comments`, { text: 'Hei', measureId: null })).status).toBe(403);
    const list = await fau.request('GET', '/api/analysis-tools');
    expect(list.body.tools.map((x: { id: string }) => x.id)).toContain(savingsId);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    expect(
      (await officer.request('GET', `/api/analysis-tools?caseId=${exemptCaseId}`)).body.tools.map((x: { id: string }) => x.id),
    ).toEqual([secretId]);
  });

  it('another municipality sees none of it', async () => {
    expect((await other.request('GET', `/api/analysis-tools/${savingsId}`)).status).toBe(404);
    expect((await other.request('GET', `/api/analysis-tools/${savingsId}/comments`)).status).toBe(404);
    const theirs = (await other.request('GET', '/api/analysis-tools')).body.tools as { caseId: string }[];
    expect(theirs.filter((x) => x.caseId === caseId || x.caseId === exemptCaseId)).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(SECRET);
    const foreign = await other.request('POST', '/api/analysis-tools', { kind: 'peers', caseId, title: 'X', input: GRIMSTAD_2009.peers });
    // Its case is not found in the other municipality: nothing is stored there and nothing told.
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ path: 'caseId', message: 'Fant ikke saken' }]);
    expect((await other.request('PATCH', `/api/analysis-tools/${savingsId}`, { version: 3, title: 'X' })).status).toBe(404);
    expect((await other.request('POST', `/api/analysis-tools/${savingsId}/comments`, { text: 'X' })).status).toBe(404);
  });

  it('exports a tool as a workbook with the plan against the target', async () => {
    const res = await fetch(`${t.url}/api/analysis-tools/${savingsId}/export.xlsx`, { headers: { cookie: '' } });
    expect(res.status).toBe(401);
    const file = await fau.request('GET', `/api/analysis-tools/${savingsId}/export.xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body);
    const plan = wb.getWorksheet('Innsparingskrav')!;
    expect(plan.getRow(2).values).toEqual([undefined, 2010, 4_300_000, 8_600_000, -4_300_000]);
    expect(wb.getWorksheet('Tiltak')!.getRow(2).getCell(1).value).toBe('Høyere foreldrebetaling i SFO');
  });
});
