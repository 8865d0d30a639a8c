import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRIMSTAD_2009 } from '@samrad/shared/engine';
import { DEMO, login, startTestApp, type Client, type TestApp } from './harness.js';

const file = (text: string) => new TextEncoder().encode(text);
const CSV = [
  'kommune;kostnad_per_barn_6_15;barn_6_15;elever_per_skole;egen;valgt',
  'Solvik;62 344;2 900;353;ja;',
  'Stjørdal;51 829;;216;nei;ja',
  'Skedsmo;49 170;;429;nei;ja',
  'Arendal;61 908;;295;nei;nei',
].join('\n');

/** Peer data from a file (#19): read and checked by the server, answered for the form, stored only when the form is saved. */
describe('peer comparison: import of KOSTRA figures', () => {
  let t: TestApp;
  let officer: Client;
  let fau: Client;
  let other: Client;
  let peersId: string;
  let savingsId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await login(t.url, DEMO.officer);
    fau = await login(t.url, DEMO.fau);
    other = await login(t.url, DEMO.otherAdmin);
    const caseId = (await officer.request('POST', '/api/cases', { title: 'Kostnadsnivå i grunnskolen' })).body.id;
    const create = async (kind: 'peers' | 'savings', input: unknown) => {
      const r = await officer.request('POST', '/api/analysis-tools', { kind, caseId, title: `Import ${kind}`, input });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    peersId = await create('peers', GRIMSTAD_2009.peers);
    savingsId = await create('savings', { targets: [{ year: 2010, amount: 1 }], measures: [] });
  });
  afterAll(() => t.close());

  const upload = (who: Client, id: string, name: string, body: Uint8Array) =>
    who.request('POST', `/api/analysis-tools/${id}/peer-import?filename=${encodeURIComponent(name)}`, body);

  it('answers the municipalities of a CSV with the chosen peers, and stores nothing', async () => {
    const r = await upload(officer, peersId, 'kostra.csv', file(CSV));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({
      own: { name: 'Solvik', costPerChild: 62344, children6to15: 2900, pupilsPerSchool: 353 },
      peers: [
        { name: 'Stjørdal', costPerChild: 51829, pupilsPerSchool: 216, chosen: true },
        { name: 'Skedsmo', costPerChild: 49170, pupilsPerSchool: 429, chosen: true },
        { name: 'Arendal', costPerChild: 61908, pupilsPerSchool: 295, chosen: false },
      ],
    });
    const tool = await officer.request('GET', `/api/analysis-tools/${peersId}`);
    expect(tool.body.version).toBe(1);
    expect(tool.body.input.own.name).toBe('Grimstad');
  });

  it('saving what was read compares with the chosen peers; the others count only in the fit', async () => {
    const read = (await upload(officer, peersId, 'kostra.csv', file(CSV))).body;
    const saved = await officer.request('PATCH', `/api/analysis-tools/${peersId}`, {
      version: 1,
      input: { format: 'samrad.peer-comparison/v1', ...read },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const tool = (await officer.request('GET', `/api/analysis-tools/${peersId}`)).body;
    expect(tool.result.peers.map((p: { name: string; effect: number }) => [p.name, p.effect])).toEqual([
      ['Stjørdal', -30_493_500],
      ['Skedsmo', -38_204_600],
    ]);
    expect(tool.result.others.map((o: { name: string }) => o.name)).toEqual(['Arendal']);
    expect(tool.result.fit.points).toBe(4);
  });

  it('reports every bad cell of a CSV by row and column, in Norwegian', async () => {
    const bad = ['kommune;kostnad_per_barn_6_15;barn_6_15;egen', 'Solvik;62344;2900;ja', 'Fjell;mye;;nei', ';51829;;kanskje'].join('\n');
    const r = await upload(officer, peersId, 'kostra.csv', file(bad));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { path: 'rad 3, kolonne «kostnad_per_barn_6_15»', row: 3, column: 'kostnad_per_barn_6_15', message: '«mye» er ikke et tall' },
      { path: 'rad 4, kolonne «kommune»', row: 4, column: 'kommune', message: 'Kommunen må ha et navn' },
      { path: 'rad 4, kolonne «egen»', row: 4, column: 'egen', message: 'Skriv «ja» eller «nei», ikke «kanskje»' },
    ]);
  });

  it('reads the first sheet of a workbook and names its bad cells', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('KOSTRA');
    s.addRow(['Kommune', 'Kostnad per barn 6-15', 'Barn 6-15', 'Elever per skole', 'Egen']);
    s.addRow(['Solvik', 62344, 2900, 353, 'ja']);
    s.addRow(['Fjell', 64765, null, -4, 'nei']);
    const r = await upload(officer, peersId, 'kostra.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      { path: 'rad 3, kolonne «Elever per skole»', row: 3, column: 'Elever per skole', message: 'Må være større enn 0' },
    ]);
    s.getRow(3).getCell(4).value = 203;
    const ok = await upload(officer, peersId, 'kostra.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.peers).toEqual([{ name: 'Fjell', costPerChild: 64765, pupilsPerSchool: 203, chosen: true }]);
  });

  it('reads the JSON format, and names a bad field by its path', async () => {
    const ok = await upload(officer, peersId, 'kostra-2008.peers.json', file(JSON.stringify(GRIMSTAD_2009.peers)));
    expect(ok.status).toBe(200);
    expect(ok.body.peers).toHaveLength(7);
    const bad = await upload(officer, peersId, 'k.json', file(JSON.stringify({ ...GRIMSTAD_2009.peers, own: { name: 'Solvik' } })));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['own.costPerChild', 'own.children6to15']);
  });

  it('refuses another file type, an empty file and a tool of another kind, with a field error', async () => {
    const docx = await upload(officer, peersId, 'kostra.docx', file('x'));
    expect(docx.status).toBe(400);
    expect(docx.body.errors).toEqual([
      { path: 'file', row: null, column: '', message: 'Filen må være CSV, XLSX eller JSON (.csv, .xlsx eller .json)' },
    ]);
    expect((await upload(officer, peersId, 'tom.csv', new Uint8Array())).status).toBe(400);
    const savings = await upload(officer, savingsId, 'kostra.csv', file(CSV));
    expect(savings.status).toBe(400);
    expect(savings.body.errors).toEqual([{ path: 'file', message: 'Bare en sammenligning med andre kommuner henter kommunetall fra fil' }]);
  });

  it('a parent may not import, and another municipality does not find the tool', async () => {
    expect((await upload(fau, peersId, 'kostra.csv', file(CSV))).status).toBe(403);
    expect((await upload(other, peersId, 'kostra.csv', file(CSV))).status).toBe(404);
  });
});
