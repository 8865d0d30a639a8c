import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnMappingSchema, parseWith } from '../src/contracts/index.js';
import { isValidOrgNumber, orgNumberProblem } from '../src/domain/index.js';
import { computeAllocation } from '../src/engine/index.js';
import { suggestMapping, tableColumns, tableFromCsv, tableFromXlsx, unitsFromMappedTable, unitsFromTable } from '../src/formats/index.js';

/** A municipality's own sheet: its own headers, its own column order, two school years of pupils, a column Samråd does not need. */
const OWN = [
  ['Skolenavn', 'Org.nr', 'Trinn', 'Elever okt. 2008', 'Elever okt. 2009', 'Store behov', 'Kommentar'],
  ['Eide', '864 000 010', 'Barnetrinn', '120', '126', '2', 'ny gymsal'],
  ['Fjære B', '864000029', 'barnetrinn', '330', '326', '3', ''],
  ['Fjære U', '864000029', 'ungdomstrinn', '309', '309', '0', ''],
];
const MAPPING = { name: 0, orgNumber: 1, stage: 2, 'pupils@1': 3, 'pupils@2': 4, highNeedsPupils: 5 };

describe('organisation numbers (MOD11)', () => {
  it('accepts a number whose ninth digit is the MOD11 check of the first eight, with or without spaces', () => {
    for (const n of ['123456785', '864000010', '864 000 029', '974760673']) expect(isValidOrgNumber(n), n).toBe(true);
  });
  it('refuses a wrong check digit, a remainder that needs the digit 10, and a number that is not nine digits', () => {
    // 12345678|9: the check digit is 5. 86400007|x: 11 − remainder is 10, so no ninth digit makes it valid.
    for (const n of ['123456789', '864000070', '864000071', '12345678', '1234567850', '12345678a'])
      expect(isValidOrgNumber(n), n).toBe(false);
    expect(orgNumberProblem('123456789')).toBe('Organisasjonsnummeret 123456789 er ikke gyldig (kontrollsifferet stemmer ikke)');
    expect(orgNumberProblem('12345')).toBe('Organisasjonsnummer må ha 9 siffer, ikke «12345»');
    expect(orgNumberProblem('123 456 785')).toBeNull();
  });
});

describe('the municipality’s own headers, mapped to fields', () => {
  it('reads the columns the mapping names, both school years, and ids from organisation number and stage', () => {
    const r = unitsFromMappedTable(OWN, MAPPING);
    expect(r).toEqual({
      ok: true,
      units: [
        {
          id: '864000010-barnetrinn',
          name: 'Eide',
          orgNumber: '864000010',
          stage: 'barnetrinn',
          schoolYears: [
            { highNeedsPupils: 2, pupils: 120 },
            { highNeedsPupils: 2, pupils: 126 },
          ],
        },
        {
          id: '864000029-barnetrinn',
          name: 'Fjære B',
          orgNumber: '864000029',
          stage: 'barnetrinn',
          schoolYears: [
            { highNeedsPupils: 3, pupils: 330 },
            { highNeedsPupils: 3, pupils: 326 },
          ],
        },
        {
          id: '864000029-ungdomstrinn',
          name: 'Fjære U',
          orgNumber: '864000029',
          stage: 'ungdomstrinn',
          schoolYears: [
            { highNeedsPupils: 0, pupils: 309 },
            { highNeedsPupils: 0, pupils: 309 },
          ],
        },
      ],
    });
  });

  it('gives a unit the case already knows (same organisation number and stage) its earlier id', () => {
    const r = unitsFromMappedTable(OWN, MAPPING, { known: [{ id: 'fjaere-u', orgNumber: '864000029', stage: 'ungdomstrinn' }] });
    expect(r.ok && r.units.map((u) => u.id)).toEqual(['864000010-barnetrinn', '864000029-barnetrinn', 'fjaere-u']);
  });

  it('refuses an id that contradicts the unit its organisation number names in an earlier dataset', () => {
    const rows = [
      ['id', 'navn', 'orgnr', 'trinn', 'elever'],
      ['fjaere', 'Fjære U', '864000029', 'ungdomstrinn', '309'],
    ];
    const r = unitsFromTable(rows, { known: [{ id: 'fjaere-u', orgNumber: '864000029', stage: 'ungdomstrinn' }] });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          row: 2,
          column: 'id',
          message: 'Organisasjonsnummer 864000029 (ungdomstrinn) er enheten «fjaere-u» i et tidligere datasett, ikke «fjaere»',
        },
      ],
    });
  });

  it('reports every bad cell by row and by the file’s own column name, and returns no units', () => {
    const rows = [
      OWN[0]!,
      ['Eide', '864000011', 'Barnetrinn', '120', '126', '2', ''],
      ['', '864000029', 'vgs', 'tolv', '-1', '', ''],
      ['Fjære U', '86400002', 'ungdomstrinn', '309', '309', '0', ''],
      ['Fjære U2', '864000029', 'ungdomstrinn', '309', '309', '0', ''],
      ['Fjære U3', '864000029', 'ungdomstrinn', '309', '309', '0', ''],
    ];
    const r = unitsFromMappedTable(rows, MAPPING);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 2, column: 'Org.nr', message: 'Organisasjonsnummeret 864000011 er ikke gyldig (kontrollsifferet stemmer ikke)' },
        { row: 3, column: 'Skolenavn', message: 'Feltet må fylles ut' },
        { row: 3, column: 'Trinn', message: 'Trinn må være «barnetrinn» eller «ungdomstrinn», ikke «vgs»' },
        { row: 3, column: 'Elever okt. 2008', message: '«tolv» er ikke et tall' },
        { row: 3, column: 'Elever okt. 2009', message: 'Antallet kan ikke være negativt' },
        { row: 4, column: 'Org.nr', message: 'Organisasjonsnummer må ha 9 siffer, ikke «86400002»' },
        { row: 6, column: 'Org.nr', message: 'Organisasjonsnummer 864000029 på ungdomstrinn står også på rad 5' },
      ],
    });
  });

  it('names a mapped column that is not in the file', () => {
    const r = unitsFromMappedTable(OWN, { ...MAPPING, fte: 12 });
    expect(r).toEqual({
      ok: false,
      errors: [{ row: 1, column: 'kolonne 13', message: 'Kolonnen valgt for «Årsverk» finnes ikke i filen' }],
    });
  });

  it('checks the mapping itself with Norwegian messages per field', () => {
    expect(parseWith(columnMappingSchema, MAPPING).ok).toBe(true);
    const bad = parseWith(columnMappingSchema, { name: 0, 'pupils@1': 3, highNeedsPupils: 0, 'stage@1': 2 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { path: 'orgNumber', message: 'Velg kolonnen for organisasjonsnummer eller id (enhetene kjennes igjen på en av dem)' },
        { path: 'highNeedsPupils', message: 'Kolonnen er alt valgt for «Navn»' },
        { path: 'pupils@2', message: 'Velg kolonnen for Elever (høst) også, eller én kolonne for hele året' },
        { path: 'stage@1', message: '«Trinn» har ingen skoleår' },
      ]),
    );
  });

  it('lists the columns with sample values and suggests the template’s fields', async () => {
    expect(tableColumns(OWN).slice(0, 2)).toEqual([
      { index: 0, name: 'Skolenavn', samples: ['Eide', 'Fjære B', 'Fjære U'] },
      { index: 1, name: 'Org.nr', samples: ['864 000 010', '864000029', '864000029'] },
    ]);
    expect(
      suggestMapping([['id', 'navn', 'trinn', 'elever_1', 'elever_2', 'minoritetsspråklige', 'highNeedsPupils', 'Kommentar']]),
    ).toEqual({
      id: 0,
      name: 1,
      stage: 2,
      'pupils@1': 3,
      'pupils@2': 4,
      minorityPupils: 5,
      highNeedsPupils: 6,
    });
    const csv = tableFromCsv('Skolenavn;Trinn\nEide;barnetrinn\n');
    expect(csv).toEqual({
      ok: true,
      rows: [
        ['Skolenavn', 'Trinn'],
        ['Eide', 'barnetrinn'],
      ],
    });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Ark1');
    OWN.forEach((r) => sheet.addRow(r.map((c, i) => (i >= 3 && i <= 5 ? Number(c) : c))));
    const xlsx = await tableFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(xlsx.ok && unitsFromMappedTable(xlsx.rows, MAPPING)).toEqual(unitsFromMappedTable(OWN, MAPPING));
  });

  it('weights the two school years as the model says (7/12 spring, 5/12 autumn)', () => {
    const r = unitsFromMappedTable(OWN.slice(0, 2), MAPPING);
    if (!r.ok) throw new Error('read');
    const result = computeAllocation({
      format: 'samrad.allocation-input/v1',
      mode: 'allocation',
      countWeights: [7, 5],
      criteria: [{ id: 'perPupil', label: 'Pr. elev', driver: 'pupils', rate: { barnetrinn: { nok: 1200 } } }],
      units: r.units,
    });
    // (7 × 120 + 5 × 126) / 12 = 122.5 pupils × 1200 kr.
    expect(result.units[0]!.pupils).toBe(122.5);
    expect(result.units[0]!.total).toBe(147_000);
  });
});
