import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import grimstad from '../src/seed/grimstad-2009.input.json' with { type: 'json' };
import { bringBefore, DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';
import { ENGINE_VERSION } from '@samrad/shared/engine';

const SHARED = fileURLToPath(new URL('../../shared', import.meta.url));

describe('allocation cases', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let allocationId: string;
  let caseId: string;
  let datasetId: string;
  let modelVersionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    const c = (await officer.request('POST', '/api/cases', { title: 'Fordeling av rammen 2027' })).body;
    caseId = c.id;
    allocationId = (await officer.request('POST', '/api/allocation-cases', { caseId, budgetYear: 2027, title: 'Skolenes ramme 2027' })).body
      .id;
    const imported = await officer.request('POST', `/api/allocation-cases/${allocationId}/datasets`, {
      name: 'Grimstad 2009',
      format: 'json',
      content: JSON.stringify(grimstad),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    datasetId = imported.body.id;
    modelVersionId = imported.body.modelVersionId;
  });
  afterAll(() => t.close());

  it('refuses a bad import row with its row and column, and stores nothing', async () => {
    const before = (await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.datasets.length;
    const csv = 'id;navn;trinn;elever\neide;Eide;barnetrinn;123\nfevik;Fevik;barnetrinn;-4\n';
    const res = await officer.request('POST', `/api/allocation-cases/${allocationId}/datasets`, {
      name: 'Feil',
      format: 'csv',
      content: csv,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'rad 3, kolonne «elever»', message: 'Antallet kan ikke være negativt', row: 3, column: 'elever' },
    ]);
    expect((await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.datasets.length).toBe(before);
    const template = await officer.request('GET', '/api/allocation-template.csv');
    expect(template.body).toMatch(/^id;navn;skole;organisasjonsnummer;trinn;elever_1;elever_2/);
  });

  it('a model version saved from the editor is answered with its model (no units), and a bad one gets field errors in Norwegian', async () => {
    const model = {
      mode: 'allocation',
      teachingWeeks: 38,
      hourCost: { barnetrinn: 765.8 },
      criteria: [{ id: 'perPupil', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { weeklyHours: 2, uplift: 0.2 } } }],
      pots: [{ id: 'office', label: 'Kontorpersonell', amount: 1000000, keys: { unit: 0.5, pupils: 0.5 } }],
    };
    const created = await officer.request('POST', `/api/allocation-cases/${allocationId}/model-versions`, { label: 'Fra editoren', model });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ac = (await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body;
    const version = ac.modelVersions.find((v: { id: string }) => v.id === created.body.id);
    expect(version).toMatchObject({ number: created.body.number, label: 'Fra editoren', model, adoptedByDecisionId: null });
    // The imported model carries no units either.
    expect(ac.modelVersions.every((v: { model: Record<string, unknown> }) => !('units' in v.model))).toBe(true);
    const bad = await officer.request('POST', `/api/allocation-cases/${allocationId}/model-versions`, {
      label: 'Feil',
      model: { ...model, criteria: [{ ...model.criteria[0], label: '' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual({ path: 'model.criteria.0.label', message: 'Kriteriet må ha et navn' });
    // A member reads the versions but may not write one.
    expect((await fau.request('POST', `/api/allocation-cases/${allocationId}/model-versions`, { label: 'X', model })).status).toBe(403);
  });

  it('a model version keeps its control rules; a bad rule gets its field error in Norwegian; the demo flags Holviga B', async () => {
    const model = {
      mode: 'allocation',
      teachingWeeks: 38,
      hourCost: { barnetrinn: 765.8, ungdomstrinn: 881.6 },
      criteria: grimstad.criteria,
      control: {
        rules: [{ purpose: 'minstetimetall', label: 'Minstetimetall', driver: 'pupils', hours: { barnetrinn: { weeklyHours: 1.1 } } }],
      },
    };
    const created = await officer.request('POST', `/api/allocation-cases/${allocationId}/model-versions`, { label: 'Med kontroll', model });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const s = await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
      name: 'Kontroll',
      modelVersionId: created.body.id,
      datasetId,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    const control = (await officer.request('GET', `/api/scenarios/${s.body.id}`)).body.result.control;
    // Eide: 1.1 weekly hours × 38 weeks × 123 pupils = 5,141.4 hours of minimum lessons.
    expect(control.purposes).toEqual([{ id: 'minstetimetall', label: 'Minstetimetall' }]);
    expect(control.rows.find((r: { unit: string }) => r.unit === 'eide').requiredHours).toEqual({ minstetimetall: 5141.4 });
    const bad = await officer.request('POST', `/api/allocation-cases/${allocationId}/model-versions`, {
      label: 'Feil',
      model: { ...model, control: { rules: [{ ...model.control.rules[0], label: '' }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual({ path: 'model.control.rules.0.label', message: 'Formålet må ha et navn' });

    const demo = (await officer.request('GET', '/api/allocation-cases')).body.allocationCases.find(
      (a: { budgetYear: number }) => a.budgetYear === 2009,
    );
    const scenarios = (await officer.request('GET', `/api/allocation-cases/${demo.id}`)).body.scenarios as { id: string; name: string }[];
    const flagged = async (name: string) =>
      (await fau.request('GET', `/api/scenarios/${scenarios.find((x) => x.name === name)!.id}`)).body.result.control.flagged;
    expect(await flagged('Opprinnelig budsjett 2009')).toEqual(['holviga-b']);
    expect(await flagged('Rammereduksjon 5,1 mill.')).toEqual(['holviga-b', 'jappa']);
  });

  it('stores a scenario’s result equal to the CLI’s for the same input, with engine version and input hash', async () => {
    const created = await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
      name: 'Kutt 5,1 mill.',
      modelVersionId,
      datasetId,
      frameChange: -5100000,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const stored = (await officer.request('GET', `/api/scenarios/${created.body.id}`)).body;
    expect(stored.engineVersion).toBe(ENGINE_VERSION);
    expect(stored.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.result.total).toBe(stored.result.frame);
    const dir = mkdtempSync(join(tmpdir(), 'samrad-cli-'));
    writeFileSync(join(dir, 'input.json'), JSON.stringify(stored.input));
    const cli = JSON.parse(
      execFileSync('npx', ['tsx', 'src/cli/model.ts', join(dir, 'input.json'), '--format', 'json'], { cwd: SHARED, encoding: 'utf8' }),
    );
    expect(stored.result).toEqual(cli);
  });

  it('compares scenarios per unit and criterion against a hand-checked example', async () => {
    const original = (
      await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, { name: 'Opprinnelig', modelVersionId, datasetId })
    ).body;
    const cut = (
      await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
        name: 'Kutt',
        modelVersionId,
        datasetId,
        frameChange: -5100000,
      })
    ).body;
    const cmp = (await fau.request('GET', `/api/scenarios/${cut.id}/compare?against=${original.id}`)).body.units;
    const eide = cmp.find((u: { unitId: string }) => u.unitId === 'eide');
    // Eide, by hand: 123 × 44,240 + 930,400 + 2 × 14.4 × 38 × 765.8 × 1.2 + 132 × 765.8 = 7,478,715.424 → 7,478,715 (rounded);
    // the cut scales every rate by (164,123,715.73 − 5,100,000) / 164,123,715.73.
    expect(eide.against).toBe(7478715);
    const scale = (164123715.73 - 5100000) / 164123715.73;
    expect(Math.abs(eide.total - 7478715.424 * scale)).toBeLessThan(1);
    expect(eide.diffNok).toBe(eide.total - 7478715);
    expect(eide.diffPct).toBeCloseTo(-3.11, 2);
    expect(eide.criteria.perPupil.against).toBe(5441520);
    expect(eide.criteria.perPupil.diffPct).toBeCloseTo(-3.11, 2);
    const sum = cmp.reduce((s: number, u: { diffNok: number }) => s + u.diffNok, 0);
    expect(sum).toBe(-5100000);
  });

  it('comments on a scenario and on one unit’s row appear in the case’s stream', async () => {
    const s = (
      await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
        name: 'Til kommentar',
        modelVersionId,
        datasetId,
        frameChange: -5100000,
      })
    ).body;
    expect(
      (await fau.request('POST', `/api/scenarios/${s.id}/comments`, { text: 'Hva betyr dette for Jappa?', unitId: 'jappa' })).status,
    ).toBe(201);
    expect((await fau.request('POST', `/api/scenarios/${s.id}/comments`, { text: 'x', unitId: 'finnes-ikke' })).status).toBe(400);
    const comments = (await officer.request('GET', `/api/scenarios/${s.id}/comments`)).body.comments;
    expect(comments[0]).toMatchObject({ unitId: 'jappa', text: 'Hva betyr dette for Jappa?' });
    const stream = (await officer.request('GET', `/api/cases/${caseId}/comments`)).body.comments;
    expect(stream.some((c: { text: string }) => c.text === 'Hva betyr dette for Jappa?')).toBe(true);
  });

  it('an adopted scenario cannot be edited; a revision with new counts lists per-unit changes', async () => {
    const s = (
      await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
        name: 'Til vedtak',
        modelVersionId,
        datasetId,
        frameChange: -5100000,
      })
    ).body;
    const edited = await officer.request('PATCH', `/api/scenarios/${s.id}`, {
      version: 1,
      adjustments: [{ unit: 'holviga-b', amount: 150000, reason: 'Negativ fri ressurs i kontrollberegningen' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.result.units.find((u: { id: string }) => u.id === 'holviga-b').adjustmentsTotal).toBe(150000);
    expect(edited.body.result.total).toBe(edited.body.result.frame);
    await officer.request('PUT', `/api/cases/${caseId}/route`, {
      steps: [
        {
          bodyId: (await officer.request('GET', '/api/bodies')).body.bodies.find((b: { name: string }) => b.name === 'Kommunestyret').id,
          meetingDate: '2026-12-10',
        },
      ],
    });
    const ks = (await officer.request('GET', `/api/cases/${caseId}`)).body.route[0].bodyId;
    await bringBefore(officer, caseId, [ks]);
    const decision = (
      await officer.request('POST', `/api/cases/${caseId}/decisions`, {
        bodyId: ks,
        decidedOn: '2026-12-10',
        text: 'Kommunestyret vedtar fordelingen.',
      })
    ).body;
    expect((await officer.request('POST', `/api/scenarios/${s.id}/adopt`, { decisionId: decision.id })).status).toBe(204);
    const locked = await officer.request('PATCH', `/api/scenarios/${s.id}`, { version: 2, name: 'Endret etter vedtak' });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toMatch(/vedtatt og kan ikke endres/);
    await expect(t.db.query(`UPDATE model_version SET model = '{}' WHERE id = $1`, [modelVersionId])).rejects.toThrow(/kan ikke endres/);

    const october = structuredClone(grimstad) as { units: { id: string; counts: { pupils: number } }[] };
    october.units.find((u) => u.id === 'jappa')!.counts.pupils += 20;
    october.units.find((u) => u.id === 'eide')!.counts.pupils -= 10;
    const newCounts = (
      await officer.request('POST', `/api/allocation-cases/${allocationId}/datasets`, {
        name: 'Oktobertall',
        format: 'json',
        content: JSON.stringify(october),
      })
    ).body;
    const revision = await officer.request('POST', `/api/scenarios/${s.id}/revisions`, {
      name: 'Revidert etter oktobertall',
      datasetId: newCounts.id,
    });
    expect(revision.status, JSON.stringify(revision.body)).toBe(201);
    const changes = revision.body.changes as { unitId: string; diffNok: number }[];
    expect(changes).toHaveLength(10);
    expect(changes.find((u) => u.unitId === 'jappa')!.diffNok).toBeGreaterThan(0);
    expect(changes.find((u) => u.unitId === 'eide')!.diffNok).toBeLessThan(0);
    // The whole year's frame is redistributed: some units that did not change lose money.
    expect(changes.reduce((s, u) => s + u.diffNok, 0)).toBe(0);
    expect(changes.find((u) => u.unitId === 'fevik')!.diffNok).toBeLessThan(0);
  });

  it('runs a sweep as a job with progress and stores its result', async () => {
    const s = (
      await officer.request('POST', `/api/allocation-cases/${allocationId}/scenarios`, {
        name: 'Følsomhet',
        modelVersionId,
        datasetId,
        frameChange: -5100000,
      })
    ).body;
    const started = await officer.request('POST', `/api/scenarios/${s.id}/sweeps`, {
      criterion: 'perUnit',
      stage: 'barnetrinn',
      from: 500000,
      to: 1500000,
      steps: 51,
    });
    expect(started.status).toBe(201);
    const { startWorker } = await import('../src/worker.js');
    const worker = await startWorker(t.config, pino({ level: 'silent' }), { relayIntervalMs: 50 });
    const progress: number[] = [];
    try {
      let sweep = (await officer.request('GET', `/api/sweeps/${started.body.id}`)).body;
      for (let i = 0; i < 200 && sweep.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        sweep = (await officer.request('GET', `/api/sweeps/${started.body.id}`)).body;
        progress.push(sweep.progress);
      }
      expect(sweep.status).toBe('done');
      expect(sweep.progress).toBe(100);
      expect(sweep.result.points).toHaveLength(51);
      expect(sweep.result.points[0].value).toBe(500000);
      // In distribution mode the frame is fixed: a higher per-school rate moves money to small schools.
      const eide = sweep.result.points.map((p: { units: Record<string, number> }) => p.units.eide);
      expect(eide[50]).toBeGreaterThan(eide[0]);
      const job = await worker.queue.getJob(`sweep~${started.body.id}`);
      expect(job?.progress).toBe(100);
    } finally {
      await worker.stop();
    }
  });

  it('exports XLSX, CSV and JSON', async () => {
    const list = (await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.scenarios;
    const id = list[0].id;
    const xlsx = await fetch(`${t.url}/api/scenarios/${id}/export/xlsx`, { headers: { cookie: await loginCookie(t.url) } });
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await officer.request('GET', `/api/scenarios/${id}/export/csv`)).body).toMatch(/^enhet_id;enhet;trinn/);
    expect((await officer.request('GET', `/api/scenarios/${id}/export/json`)).body.format).toBe('samrad.allocation-result/v1');
  });

  it('a person without access to the case cannot read its scenarios', async () => {
    const exempt = (
      await officer.request('POST', '/api/cases', {
        title: 'Unntatt fordeling',
        access: 'exempt',
        legalBasis: 'offentleglova § 14',
        publicTitle: 'Organinternt',
      })
    ).body;
    const a = (await officer.request('POST', '/api/allocation-cases', { caseId: exempt.id, budgetYear: 2027, title: 'Unntatt' })).body.id;
    const d = (
      await officer.request('POST', `/api/allocation-cases/${a}/datasets`, {
        name: 'Data',
        format: 'json',
        content: JSON.stringify(grimstad),
      })
    ).body;
    const s = (
      await officer.request('POST', `/api/allocation-cases/${a}/scenarios`, {
        name: 'Hemmelig',
        modelVersionId: d.modelVersionId,
        datasetId: d.id,
      })
    ).body;
    expect((await fau.request('GET', `/api/scenarios/${s.id}`)).status).toBe(403);
    expect((await fau.request('GET', `/api/allocation-cases/${a}`)).status).toBe(403);
    expect((await fau.request('GET', '/api/allocation-cases')).body.allocationCases.some((x: { id: string }) => x.id === a)).toBe(false);
    const other = await login(t.url, DEMO.otherAdmin);
    expect((await other.request('GET', `/api/scenarios/${s.id}`)).status).toBe(404);
  });
});

async function loginCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO.officer, password: 'Samrad-demo-2026' }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('large imports', () => {
  it('run as a job with progress, store the dataset only when clean, and report bad rows by row and column', async () => {
    const t = await startTestApp();
    const { startWorker } = await import('../src/worker.js');
    const worker = await startWorker(t.config, pino({ level: 'silent' }), { relayIntervalMs: 50 });
    try {
      const officer = await login(t.url, DEMO.officer);
      const c = (await officer.request('POST', '/api/cases', { title: 'Stor import' })).body;
      const a = (await officer.request('POST', '/api/allocation-cases', { caseId: c.id, budgetYear: 2027, title: 'Alle skoler' })).body.id;
      const rows = Array.from(
        { length: 6000 },
        (_, i) => `skole-${i};Skole nummer ${i};${i % 3 === 2 ? 'ungdomstrinn' : 'barnetrinn'};${100 + (i % 400)};${i % 7};${i % 30}`,
      );
      const csv = ['id;navn;trinn;elever;elever_store_behov;minoritetsspraklige', ...rows].join('\n');
      const started = await officer.request('POST', `/api/allocation-cases/${a}/datasets`, {
        name: 'Alle skoler',
        format: 'csv',
        content: csv,
      });
      expect(started.status).toBe(202);
      const poll = async (id: string) => {
        let s = (await officer.request('GET', `/api/imports/${id}`)).body;
        for (let i = 0; i < 1200 && s.status !== 'done' && s.status !== 'failed'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          s = (await officer.request('GET', `/api/imports/${id}`)).body;
        }
        return s;
      };
      const done = await poll(started.body.importId);
      expect(done).toMatchObject({ status: 'done', progress: 100 });
      const datasets = (await officer.request('GET', `/api/allocation-cases/${a}`)).body.datasets;
      expect(datasets).toEqual([expect.objectContaining({ id: done.datasetId, unitCount: 6000 })]);

      const bad = csv.replace('skole-4000;Skole nummer 4000;barnetrinn;100', 'skole-4000;Skole nummer 4000;barnetrinn;-5');
      const failed = await poll(
        (await officer.request('POST', `/api/allocation-cases/${a}/datasets`, { name: 'Med feil', format: 'csv', content: bad })).body
          .importId,
      );
      expect(failed.status).toBe('failed');
      expect(failed.errors).toEqual([expect.objectContaining({ row: 4002, column: 'elever', message: 'Antallet kan ikke være negativt' })]);
      expect((await officer.request('GET', `/api/allocation-cases/${a}`)).body.datasets).toHaveLength(1);

      // A workbook of 5 MB goes as the raw file, as the browser sends it (never as a string built in the page).
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Enheter');
      sheet.addRow(['id', 'navn', 'trinn', 'elever', 'elever_store_behov', 'minoritetsspraklige']);
      for (let i = 0; i < 19000; i++)
        sheet.addRow([`skole-${i}`, `Skole ${i} ${randomBytes(240).toString('base64')}`, 'barnetrinn', 100 + (i % 400), i % 7, i % 30]);
      const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
      expect(xlsx.byteLength).toBeGreaterThan(5 * 1024 * 1024);
      const upload = await officer.request(
        'POST',
        `/api/allocation-cases/${a}/datasets/file?filename=elevtall.xlsx&name=Stor+arbeidsbok`,
        xlsx,
      );
      expect(upload.status).toBe(202);
      expect(await poll(upload.body.importId)).toMatchObject({ status: 'done' });
      expect((await officer.request('GET', `/api/allocation-cases/${a}`)).body.datasets).toContainEqual(
        expect.objectContaining({ name: 'Stor arbeidsbok', unitCount: 19000 }),
      );
      const unknown = await officer.request(
        'POST',
        `/api/allocation-cases/${a}/datasets/file?filename=elevtall.docx`,
        new Uint8Array([1, 2, 3]),
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ path: 'file', message: expect.stringContaining('CSV, XLSX eller JSON') }]);
    } finally {
      await worker.stop();
      await t.close();
    }
  });
});

/** A workbook with the municipality's own headers (not the template's), the way its own spreadsheet is laid out. */
async function ownWorkbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Elevtall');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const OWN_HEADER = ['Skole', 'Org.nr.', 'Trinn', 'Elever 1.10.2026', 'Elever 1.10.2027', 'Store behov', 'Merknad'];
const OWN_MAPPING = { name: 0, orgNumber: 1, stage: 2, 'pupils@1': 3, 'pupils@2': 4, highNeedsPupils: 5 };

describe('imports of the municipality’s own spreadsheet (column mapping)', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let other: Client;
  let allocationId: string;
  const upload = (client: Client, path: string, file: Uint8Array, query: Record<string, string>) =>
    client.request('POST', `/api/allocation-cases/${allocationId}/${path}?${new URLSearchParams(query)}`, file);
  const datasetCount = async () => (await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.datasets.length as number;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    other = await login(t.url, DEMO.otherAdmin);
    const c = (await officer.request('POST', '/api/cases', { title: 'Elevtall fra eget regneark' })).body;
    allocationId = (await officer.request('POST', '/api/allocation-cases', { caseId: c.id, budgetYear: 2027, title: 'Eget regneark' })).body
      .id;
  });
  afterAll(() => t.close());

  it('reads the header row with sample values and a suggested mapping, and stores nothing', async () => {
    const file = await ownWorkbook([OWN_HEADER, ['Eide', '864000010', 'barnetrinn', 120, 126, 2, ''], ['x', 'y', 'z', 1, 2, 3, 'q']]);
    const res = await upload(officer, 'datasets/columns', file, { filename: 'elevtall.xlsx' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.columns[0]).toEqual({ index: 0, name: 'Skole', samples: ['Eide', 'x'] });
    expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(OWN_HEADER);
    // «Skole» is the template's school column; the officer maps it to the name instead.
    expect(res.body.suggested).toEqual({ school: 0, stage: 2 });
    expect(res.body.drivers.map((d: { id: string }) => d.id)).toEqual([
      'pupils',
      'gradesTaught',
      'highNeedsPupils',
      'minorityPupils',
      'seniorReducedHours',
    ]);
    expect(await datasetCount()).toBe(0);
    const json = await upload(officer, 'datasets/columns', new TextEncoder().encode('{}'), { filename: 'modell.json' });
    expect(json.status).toBe(400);
    expect(json.body.errors[0].path).toBe('file');
  });

  it('imports by the mapping: both school years, units by organisation number; the next year’s counts keep their ids', async () => {
    const first = await ownWorkbook([
      ['Id', ...OWN_HEADER],
      ['eide', 'Eide', '864 000 010', 'Barnetrinn', 120, 126, 2, 'ny gymsal'],
      ['fjaere-b', 'Fjære B', '864000029', 'barnetrinn', 330, 326, 3, ''],
      ['fjaere-u', 'Fjære U', '864000029', 'ungdomstrinn', 309, 309, 0, ''],
    ]);
    const mapping = JSON.stringify({ id: 0, name: 1, orgNumber: 2, stage: 3, 'pupils@1': 4, 'pupils@2': 5, highNeedsPupils: 6 });
    const res = await upload(officer, 'datasets/file', first, { filename: 'elevtall-2026.xlsx', name: 'Høsten 2026', mapping });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ units: 3, modelVersionId: null });
    const stored = await officer.request('GET', `/api/datasets/${res.body.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ id: res.body.id, allocationCaseId: allocationId, name: 'Høsten 2026', source: 'xlsx' });
    expect(stored.body.units[0]).toEqual({
      id: 'eide',
      name: 'Eide',
      orgNumber: '864000010',
      stage: 'barnetrinn',
      schoolYears: [
        { pupils: 120, highNeedsPupils: 2 },
        { pupils: 126, highNeedsPupils: 2 },
      ],
    });

    // A year later the sheet has no ids: each row is the unit its organisation number and stage name.
    const next = await ownWorkbook([
      OWN_HEADER,
      ['Fjære ungdomstrinn', '864000029', 'ungdomstrinn', 312, 315, 1, ''],
      ['Eide oppvekstsenter', '864000010', 'barnetrinn', 126, 130, 2, ''],
      ['Ny skole', '864000037', 'barnetrinn', 80, 90, 0, ''],
    ]);
    const again = await upload(officer, 'datasets/file', next, {
      filename: 'elevtall-2027.xlsx',
      name: 'Høsten 2027',
      mapping: JSON.stringify(OWN_MAPPING),
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const units = (await officer.request('GET', `/api/datasets/${again.body.id}`)).body.units as { id: string; name: string }[];
    expect(units.map((u) => [u.id, u.name])).toEqual([
      ['fjaere-u', 'Fjære ungdomstrinn'],
      ['eide', 'Eide oppvekstsenter'],
      ['864000037-barnetrinn', 'Ny skole'],
    ]);
  });

  it('refuses bad rows with row, column and what is wrong (in Norwegian), and stores nothing', async () => {
    const before = await datasetCount();
    const file = await ownWorkbook([
      OWN_HEADER,
      ['Eide', '864000011', 'barnetrinn', 120, 126, 2, ''],
      ['Fevik', '864000045', 'barnetrinn', 'mange', 390, -1, ''],
      ['Fjære U', '864000029', 'ungdomstrinn', 309, 309, 0, ''],
      ['Fjære U igjen', '864000029', 'ungdomstrinn', 309, 309, 0, ''],
    ]);
    const res = await upload(officer, 'datasets/file', file, {
      filename: 'feil.xlsx',
      name: 'Med feil',
      mapping: JSON.stringify(OWN_MAPPING),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        path: 'rad 2, kolonne «Org.nr.»',
        row: 2,
        column: 'Org.nr.',
        message: 'Organisasjonsnummeret 864000011 er ikke gyldig (kontrollsifferet stemmer ikke)',
      },
      { path: 'rad 3, kolonne «Elever 1.10.2026»', row: 3, column: 'Elever 1.10.2026', message: '«mange» er ikke et tall' },
      { path: 'rad 3, kolonne «Store behov»', row: 3, column: 'Store behov', message: 'Antallet kan ikke være negativt' },
      {
        path: 'rad 5, kolonne «Org.nr.»',
        row: 5,
        column: 'Org.nr.',
        message: 'Organisasjonsnummer 864000029 på ungdomstrinn står også på rad 4',
      },
    ]);
    // The mapping itself is checked field by field.
    const badMapping = await upload(officer, 'datasets/file', file, {
      filename: 'feil.xlsx',
      name: 'Uten navn',
      mapping: JSON.stringify({ orgNumber: 1, stage: 2, 'pupils@1': 3 }),
    });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'mapping.name', message: 'Velg kolonnen for navn' },
        { path: 'mapping.pupils@2', message: 'Velg kolonnen for Elever (høst) også, eller én kolonne for hele året' },
      ]),
    );
    const notJson = await upload(officer, 'datasets/file', file, { filename: 'feil.xlsx', mapping: '{navn:0' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors).toEqual([{ path: 'mapping', message: 'Koblingen av kolonner kan ikke leses (den må være JSON)' }]);
    expect(await datasetCount()).toBe(before);
  });

  it('a member, a reader without access and another municipality may not import or read the columns', async () => {
    const before = await datasetCount();
    const file = await ownWorkbook([OWN_HEADER, ['Eide', '864000010', 'barnetrinn', 120, 126, 2, '']]);
    const mapping = JSON.stringify(OWN_MAPPING);
    // A member (FAU) reads the case but does not import into it.
    expect((await upload(fau, 'datasets/columns', file, { filename: 'a.xlsx' })).status).toBe(403);
    expect((await upload(fau, 'datasets/file', file, { filename: 'a.xlsx', name: 'FAU', mapping })).status).toBe(403);
    // Another municipality's administrator meets neither the case nor its datasets.
    for (const res of [
      await upload(other, 'datasets/columns', file, { filename: 'a.xlsx' }),
      await upload(other, 'datasets/file', file, { filename: 'a.xlsx', name: 'Nabo', mapping }),
    ])
      expect([403, 404]).toContain(res.status);
    const dataset = (await officer.request('GET', `/api/allocation-cases/${allocationId}`)).body.datasets[0].id as string;
    expect((await other.request('GET', `/api/datasets/${dataset}`)).status).toBe(404);
    // A member may read the counts of a case they may read, not of an exempt one.
    expect((await fau.request('GET', `/api/datasets/${dataset}`)).status).toBe(200);
    const exempt = (
      await officer.request('POST', '/api/cases', {
        title: 'Unntatt elevtall',
        access: 'exempt',
        legalBasis: 'offentleglova § 14',
        publicTitle: 'Organinternt',
      })
    ).body;
    const hidden = (await officer.request('POST', '/api/allocation-cases', { caseId: exempt.id, budgetYear: 2027, title: 'Unntatt' })).body
      .id as string;
    const hiddenSet = await officer.request(
      'POST',
      `/api/allocation-cases/${hidden}/datasets/file?${new URLSearchParams({ filename: 'a.xlsx', name: 'Skjult', mapping })}`,
      file,
    );
    expect(hiddenSet.status, JSON.stringify(hiddenSet.body)).toBe(201);
    expect((await fau.request('GET', `/api/datasets/${hiddenSet.body.id}`)).status).toBe(403);
    expect(await datasetCount()).toBe(before);
  });
});
