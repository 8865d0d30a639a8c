import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computePeerComparison, PEERS_FORMAT } from '../src/engine/index.js';
import { analysisWorkbook, peersFromFile, peersFromJson, peersFromTable } from '../src/formats/index.js';

const fixture = readFileSync(fileURLToPath(new URL('./fixtures/kostra-2008.peers.json', import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

/** The report's figures as a Norwegian spreadsheet writes them: semicolons, spaces between thousands, a decimal comma. */
const CSV = [
  'Kommune;Kostnad per barn 6-15;Barn 6-15;Elever per skole;Egen;Valgt',
  'Grimstad;62 344;2 900;353;ja;',
  'Arendal;61 908;;295;nei;nei',
  'Fjell;64 765;;203;;ja',
  'Stjørdal;51 829;;216;;ja',
  'Skedsmo;49 170,50;;429;;ja',
].join('\n');

describe('peer data from a file (#19)', () => {
  it('reads a CSV with Norwegian headers and numbers: the own municipality, the chosen peers and the others', async () => {
    const r = await peersFromFile('kostra.csv', bytes(CSV));
    expect(r).toEqual({
      ok: true,
      data: {
        own: { name: 'Grimstad', costPerChild: 62344, pupilsPerSchool: 353, children6to15: 2900 },
        peers: [
          { name: 'Arendal', costPerChild: 61908, pupilsPerSchool: 295, chosen: false },
          { name: 'Fjell', costPerChild: 64765, pupilsPerSchool: 203, chosen: true },
          { name: 'Stjørdal', costPerChild: 51829, pupilsPerSchool: 216, chosen: true },
          { name: 'Skedsmo', costPerChild: '49170.5', pupilsPerSchool: 429, chosen: true },
        ],
      },
    });
    if (!r.ok) return;
    // The money stays exact: (49,170.50 − 62,344) × 2,900.
    const result = computePeerComparison({ format: PEERS_FORMAT, ...r.data });
    expect(result.peers.find((p) => p.name === 'Skedsmo')!.effect).toBe(-38_203_150);
    expect(result.others.map((o) => o.name)).toEqual(['Arendal']);
  });

  it('takes the one row with children aged 6-15 as the own municipality when there is no «egen» column', () => {
    const r = peersFromTable([
      ['navn', 'kostnad_per_barn', 'innbyggere 6-15'],
      ['Stjørdal', '51829', ''],
      ['Grimstad', '62344', '2900'],
    ]);
    expect(r.ok && r.data.own.name).toBe('Grimstad');
    expect(r.ok && r.data.peers).toEqual([{ name: 'Stjørdal', costPerChild: 51829, chosen: true }]);
  });

  it('names every bad cell by its row and column, in Norwegian, and returns nothing', () => {
    const r = peersFromTable([
      ['kommune', 'kostnad_per_barn_6_15', 'barn_6_15', 'elever_per_skole', 'egen'],
      ['Grimstad', '62 344', '', '353', 'ja'],
      ['Fjell', 'mye', '', '0', ''],
      ['', '51829', '', '216', 'kanskje'],
      ['Fjell', '64765', '', '203', 'ja'],
    ]);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'kostnad_per_barn_6_15', message: '«mye» er ikke et tall' },
        { row: 3, column: 'elever_per_skole', message: 'Må være større enn 0' },
        { row: 4, column: 'kommune', message: 'Kommunen må ha et navn' },
        { row: 4, column: 'egen', message: 'Skriv «ja» eller «nei», ikke «kanskje»' },
        { row: 5, column: 'kommune', message: 'Kommunen «Fjell» står også på rad 3' },
        { row: 5, column: 'egen', message: 'Bare én kommune kan være egen kommune (også rad 2)' },
        { row: 2, column: 'barn_6_15', message: 'Egen kommune må ha antall barn 6–15 år' },
      ],
    });
  });

  it('reports unknown and missing columns on the header row', () => {
    expect(
      peersFromTable([
        ['kommune', 'kostnad'],
        ['Fjell', '1'],
      ]),
    ).toEqual({
      ok: false,
      errors: [
        {
          row: 1,
          column: 'kostnad',
          message: 'Ukjent kolonne «kostnad». Kolonnene er kommune, kostnad_per_barn_6_15, barn_6_15, elever_per_skole, egen, valgt',
        },
        { row: 1, column: 'kostnad_per_barn_6_15', message: 'Kolonnen «kostnad_per_barn_6_15» mangler' },
        {
          row: 1,
          column: 'egen',
          message: 'Kolonnen «egen» (ja for egen kommune) eller «barn_6_15» (fylt ut bare for egen kommune) mangler',
        },
      ],
    });
  });

  it('refuses a table where no peer is chosen, on the «valgt» column', () => {
    const r = peersFromTable([
      ['kommune', 'kostnad_per_barn_6_15', 'barn_6_15', 'valgt'],
      ['Grimstad', '62344', '2900', ''],
      ['Fjell', '64765', '', 'nei'],
    ]);
    expect(r).toEqual({ ok: false, errors: [{ row: 1, column: 'valgt', message: 'Velg minst én kommune å sammenligne med' }] });
  });

  it('reads the first sheet of a workbook, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('KOSTRA');
    s.addRow(['kommune', 'kostnad_per_barn_6_15', 'barn_6_15', 'elever_per_skole', 'egen']);
    s.addRow(['Grimstad', 62344, 2900, 353, 'ja']);
    s.addRow(['Fjell', 64765, null, 203, 'nei']);
    s.addRow(['Stjørdal', 'ukjent', null, 216, 'nei']);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await peersFromFile('kostra.xlsx', data)).toEqual({
      ok: false,
      errors: [{ row: 4, column: 'kostnad_per_barn_6_15', message: '«ukjent» er ikke et tall' }],
    });
    s.getRow(4).getCell(2).value = 51829;
    const ok = await peersFromFile('KOSTRA.XLSX', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(ok.ok && ok.data.peers.map((p) => p.costPerChild)).toEqual([64765, 51829]);
    expect(await peersFromFile('kostra.xlsx', bytes('ikke en arbeidsbok'))).toEqual({
      ok: false,
      errors: [{ row: 1, column: '', message: 'Filen er ikke en gyldig Excel-arbeidsbok (.xlsx)' }],
    });
  });

  it('reads the JSON file’s own format, and names a bad field by its path', async () => {
    const r = await peersFromFile('kostra-2008.peers.json', new Uint8Array(fixture));
    expect(r.ok && r.data.own).toEqual({ name: 'Grimstad', costPerChild: 62344, children6to15: 2900, pupilsPerSchool: 353 });
    expect(r.ok && r.data.peers).toHaveLength(7);
    expect(r.ok && r.data.year).toBe(2008);
    const doc = JSON.parse(fixture.toString('utf8'));
    doc.peers[2].costPerChild = 'mye';
    expect(peersFromJson(JSON.stringify(doc))).toEqual({
      ok: false,
      errors: [{ row: null, column: 'peers[2].costPerChild', message: 'Må være et desimaltall, f.eks. 1234.50' }],
    });
    expect(peersFromJson('{')).toEqual({ ok: false, errors: [{ row: null, column: '', message: 'Filen er ikke gyldig JSON' }] });
  });

  it('refuses an empty file and other file types', async () => {
    expect(await peersFromFile('tom.csv', new Uint8Array())).toEqual({
      ok: false,
      errors: [{ row: null, column: '', message: 'Filen er tom' }],
    });
    expect(await peersFromFile('kostra.docx', bytes('x'))).toEqual({
      ok: false,
      errors: [{ row: null, column: '', message: 'Filen må være CSV, XLSX eller JSON (.csv, .xlsx eller .json)' }],
    });
  });

  it('the export lists the municipalities left out of the comparison as only in the curve', async () => {
    const r = await peersFromFile('kostra.csv', bytes(CSV));
    if (!r.ok) throw new Error('the CSV should read');
    const input = { format: PEERS_FORMAT, ...r.data };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await analysisWorkbook('peers', 'KOSTRA', input, computePeerComparison(input))) as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.getWorksheet('Sammenligning')!
      .getColumn(1)
      .eachCell((c) => names.push(String(c.value)));
    expect(names.slice(0, 6)).toEqual(['Kommune', 'Grimstad (egen)', 'Fjell', 'Stjørdal', 'Skedsmo', 'Arendal (bare i kurven)']);
  });
});
