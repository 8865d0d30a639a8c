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
