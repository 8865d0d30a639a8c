import Papa from 'papaparse';
import type { AllocationResult } from '../engine/index.js';
import { unitsFromTable, type TableIssue, type UnitsTableOptions, type UnitsTableResult } from './units-table.js';

/** A spreadsheet read as rows of text (header first), or why it cannot be read. */
export type TableRead = { ok: true; rows: string[][] } | { ok: false; errors: TableIssue[] };

/** Reads CSV text (comma, semicolon or tab separated, as Norwegian Excel writes it) as rows of text. */
export function tableFromCsv(text: string): TableRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t'] });
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (bad) {
    return { ok: false, errors: [{ row: (bad.row ?? 0) + 1, column: '', message: `CSV-filen kan ikke leses: ${bad.message}` }] };
  }
  return { ok: true, rows: parsed.data };
}

/** Reads units from CSV text with the template's headers. */
export function unitsFromCsv(text: string, options: UnitsTableOptions | readonly string[] = {}): UnitsTableResult {
  const table = tableFromCsv(text);
  return table.ok ? unitsFromTable(table.rows, options) : table;
}

/** A CSV cell: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

/** Text that a spreadsheet would take for a formula (or, after a tab or CR, for a new cell that is one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell, safe to open in a spreadsheet (OWASP «CSV injection»): text that begins with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel and LibreOffice show it as text and
 * never run it as a formula. Only text is escaped: a number (a JavaScript number, e.g. an amount of
 * -5100000) is written as the number it is, so sums still work. A numeric-looking text (a unit named
 * "-5") is text and is escaped. A cell holding the separator, a quote or a line break is quoted.
 */
export function csvCell(value: CsvCell, separator = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The one CSV writer: rows of cells to text (semicolon separated, as Norwegian Excel expects; one line
 * per row, ending in a line break). Every CSV that Samråd writes goes through it (see csvCell).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], separator = ';'): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\n') + '\n';
}

/** One row per unit and criterion, for spreadsheets. */
export function formatResultCsv(result: AllocationResult): string {
  const rows: CsvCell[][] = [['enhet_id', 'enhet', 'trinn', 'elever', 'kriterium', 'belop', 'per_elev']];
  for (const u of result.units) {
    for (const c of result.criteria) {
      const cell = u.criteria[c.id]!;
      rows.push([u.id, u.name, u.stage, u.pupils, c.id, cell.amount, cell.perPupil]);
    }
    rows.push([u.id, u.name, u.stage, u.pupils, 'justeringer', u.adjustmentsTotal, null]);
    rows.push([u.id, u.name, u.stage, u.pupils, 'sum', u.total, u.totalPerPupil]);
  }
  return toCsv(rows);
}
