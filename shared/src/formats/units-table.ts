import { BUILT_IN_DRIVERS, STAGES, type UnitInput } from '../engine/index.js';

/** A problem in an imported table, by spreadsheet row (header = row 1) and column name. */
export interface TableIssue {
  row: number;
  column: string;
  message: string;
}

export type UnitsTableResult = { ok: true; units: UnitInput[] } | { ok: false; errors: TableIssue[] };

/** Norwegian template headers and the field each fills. English field names are accepted too. */
export const COLUMN_ALIASES: Record<string, string> = {
  id: 'id',
  navn: 'name',
  enhet: 'name',
  skole: 'school',
  organisasjonsnummer: 'orgNumber',
  orgnr: 'orgNumber',
  trinn: 'stage',
  elever: 'pupils',
  trinn_undervist: 'gradesTaught',
  elever_store_behov: 'highNeedsPupils',
  minoritetsspraklige: 'minorityPupils',
  minoritetsspråklige: 'minorityPupils',
  seniortimer: 'seniorReducedHours',
  arsverk: 'fte',
  årsverk: 'fte',
  budsjett: 'currentBudget',
  budsjett_i_fjor: 'lastYearBudget',
};

/** The header row of the downloadable template (Norwegian). */
export const TEMPLATE_HEADERS = [
  'id',
  'navn',
  'skole',
  'organisasjonsnummer',
  'trinn',
  'elever_1',
  'elever_2',
  'elever_store_behov',
  'minoritetsspraklige',
  'seniortimer',
  'budsjett',
];

const TEXT_FIELDS = new Set(['id', 'name', 'school', 'orgNumber', 'stage']);
const UNIT_NUMBER_FIELDS = new Set(['fte', 'currentBudget', 'lastYearBudget']);

function normaliseHeader(header: string): { field: string; year?: 0 | 1 } {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  const m = /^(.*?)(?:_|@)([12])$/.exec(h);
  const base = m ? m[1]! : h;
  const field = COLUMN_ALIASES[base] ?? base;
  return m ? { field, year: m[2] === '1' ? 0 : 1 } : { field };
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

/**
 * Turns a table (header row plus one row per unit) into units. Columns other than the unit's own
 * fields name drivers (pupils, highNeedsPupils, custom drivers, …); `pupils_1`/`pupils_2` give the
 * two school years. Every bad cell is reported with its row and column; nothing is returned until
 * the table is clean.
 */
export function unitsFromTable(rows: string[][], customDrivers: readonly string[] = []): UnitsTableResult {
  const errors: TableIssue[] = [];
  const [header, ...body] = rows;
  if (!header || header.every((h) => h.trim() === '')) {
    return { ok: false, errors: [{ row: 1, column: '', message: 'Tabellen mangler overskriftsrad' }] };
  }
  const columns = header.map((h) => ({ name: h.trim(), ...normaliseHeader(h) }));
  const drivers = new Set<string>([...BUILT_IN_DRIVERS.filter((d) => d !== 'unit'), ...customDrivers]);
  columns.forEach((c) => {
    if (!TEXT_FIELDS.has(c.field) && !UNIT_NUMBER_FIELDS.has(c.field) && !drivers.has(c.field)) {
      errors.push({ row: 1, column: c.name, message: `Ukjent kolonne «${c.name}». Gyldige drivere: ${[...drivers].join(', ')}` });
    }
  });
  for (const required of ['id', 'name', 'stage']) {
    if (!columns.some((c) => c.field === required)) {
      const label = Object.entries(COLUMN_ALIASES).find(([, f]) => f === required)?.[0] ?? required;
      errors.push({ row: 1, column: label, message: `Kolonnen «${label}» mangler` });
    }
  }
  if (errors.length) return { ok: false, errors };

  const units: UnitInput[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    const unit: Record<string, unknown> = {};
    const counts: Record<string, number> = {};
    const years: [Record<string, number>, Record<string, number>] = [{}, {}];
    let hasYears = false;
    columns.forEach((col, ci) => {
      const text = (cells[ci] ?? '').trim();
      if (TEXT_FIELDS.has(col.field)) {
        if (text === '') {
          if (col.field !== 'school' && col.field !== 'orgNumber') errors.push({ row, column: col.name, message: 'Feltet må fylles ut' });
          return;
        }
        if (col.field === 'stage' && !(STAGES as readonly string[]).includes(text.toLowerCase())) {
          errors.push({ row, column: col.name, message: `Trinn må være «barnetrinn» eller «ungdomstrinn», ikke «${text}»` });
          return;
        }
        if (col.field === 'orgNumber' && !/^\d{9}$/.test(text.replace(/\s/g, ''))) {
          errors.push({ row, column: col.name, message: 'Organisasjonsnummer må ha 9 siffer' });
          return;
        }
        unit[col.field] = col.field === 'stage' ? text.toLowerCase() : col.field === 'orgNumber' ? text.replace(/\s/g, '') : text;
        return;
      }
      const value = parseNumber(text);
      if (value === null) return;
      if (Number.isNaN(value)) {
        errors.push({ row, column: col.name, message: `«${text}» er ikke et tall` });
        return;
      }
      if (value < 0) {
        errors.push({ row, column: col.name, message: 'Antallet kan ikke være negativt' });
        return;
      }
      if (UNIT_NUMBER_FIELDS.has(col.field)) unit[col.field] = value;
      else if (col.year !== undefined) {
        years[col.year][col.field] = value;
        hasYears = true;
      } else counts[col.field] = value;
    });
    const id = unit.id as string | undefined;
    if (id) {
      const first = seen.get(id);
      if (first !== undefined) errors.push({ row, column: 'id', message: `Enhets-id «${id}» er brukt før (rad ${first})` });
      else seen.set(id, row);
    }
    if (hasYears) {
      // Counts without a year apply to both school years.
      unit.schoolYears = [
        { ...counts, ...years[0] },
        { ...counts, ...years[1] },
      ];
    } else unit.counts = counts;
    units.push(unit as unknown as UnitInput);
  });
  if (!errors.length && units.length === 0) errors.push({ row: 2, column: '', message: 'Tabellen har ingen enheter' });
  return errors.length ? { ok: false, errors } : { ok: true, units };
}
