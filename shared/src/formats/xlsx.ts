import ExcelJS from 'exceljs';
import type { TableRead } from './csv.js';
import { TEMPLATE_HEADERS, unitsFromTable, type UnitsTableOptions, type UnitsTableResult } from './units-table.js';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString();
  }
  return String(value);
}

/** Reads the first sheet of an XLSX workbook as rows of text (header row first). */
export async function tableFromXlsx(data: ArrayBuffer | Uint8Array): Promise<TableRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ row: 1, column: '', message: 'Filen er ikke en gyldig Excel-arbeidsbok (.xlsx)' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: [{ row: 1, column: '', message: 'Arbeidsboka har ingen ark' }] };
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { ok: true, rows };
}

/** Reads units from the first sheet of an XLSX workbook with the template's headers. */
export async function unitsFromXlsx(
  data: ArrayBuffer | Uint8Array,
  options: UnitsTableOptions | readonly string[] = {},
): Promise<UnitsTableResult> {
  const table = await tableFromXlsx(data);
  return table.ok ? unitsFromTable(table.rows, options) : table;
}

/** The import template: the Norwegian header row and one example row. */
export async function unitsTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Enheter');
  sheet.addRow(TEMPLATE_HEADERS);
  sheet.addRow(['skole-b', 'Skole B', 'Eksempel skole', '123456785', 'barnetrinn', 250, 262, 2, 5, 120, 16500000]);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
