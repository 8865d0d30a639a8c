import Papa from 'papaparse';
import { unitsFromTable, type UnitsTableResult } from './units-table.js';

/** Reads units from CSV text (comma or semicolon separated, as Norwegian Excel writes it). */
export function unitsFromCsv(text: string, customDrivers: readonly string[] = []): UnitsTableResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t'] });
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (bad) {
    return { ok: false, errors: [{ row: (bad.row ?? 0) + 1, column: '', message: `CSV-filen kan ikke leses: ${bad.message}` }] };
  }
  return unitsFromTable(parsed.data, customDrivers);
}
