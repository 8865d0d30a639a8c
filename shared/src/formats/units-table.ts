import { BUILT_IN_DRIVERS, STAGES, type Stage, type UnitInput } from '../engine/index.js';
import { normaliseOrgNumber, orgNumberProblem } from '../domain/org-number.js';
import { MAPPED_FIELD_LABELS, type ColumnMapping } from '../contracts/allocation.js';

/** A problem in an imported table, by spreadsheet row (header = row 1) and column name. */
export interface TableIssue {
  row: number;
  column: string;
  message: string;
}

export type UnitsTableResult = { ok: true; units: UnitInput[] } | { ok: false; errors: TableIssue[] };

/** A unit the case already knows (from an earlier dataset): a unit in the file with its organisation number and stage gets its id. */
export interface KnownUnit {
  id: string;
  orgNumber?: string;
  stage: Stage;
}

export interface UnitsTableOptions {
  /** Drivers declared by the case's models, besides the built-in ones. */
  customDrivers?: readonly string[];
  /** The case's units so far, matched by organisation number and stage. */
  known?: readonly KnownUnit[];
}

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

/** A column as the reader uses it: its name in the file (for messages), the field it fills and, for a count, its school year. */
interface Column {
  index: number;
  name: string;
  field: string;
  year?: 0 | 1;
}

/** The built-in drivers also by their English names as the interchange format spells them, whatever their case. */
const ENGLISH_DRIVERS = new Map<string, string>(BUILT_IN_DRIVERS.map((d) => [d.toLowerCase(), d]));

function normaliseHeader(header: string): { field: string; year?: 0 | 1 } {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  const m = /^(.*?)(?:_|@)([12])$/.exec(h);
  const base = m ? m[1]! : h;
  const field = COLUMN_ALIASES[base] ?? ENGLISH_DRIVERS.get(base) ?? base;
  return m ? { field, year: m[2] === '1' ? 0 : 1 } : { field };
}

function parseNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (t === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

const countDrivers = (customDrivers: readonly string[]) =>
  new Set<string>([...BUILT_IN_DRIVERS.filter((d) => d !== 'unit'), ...customDrivers]);

/** The column's header as a person reads it (a column without one by its number). */
const columnName = (header: readonly string[], index: number) => header[index]?.trim() || `kolonne ${index + 1}`;

/**
 * Turns a table (header row plus one row per unit) into units, reading the template's headers. Columns
 * other than the unit's own fields name drivers (pupils, highNeedsPupils, custom drivers, …);
 * `elever_1`/`elever_2` give the two school years. Every bad cell is reported with its row and column;
 * nothing is returned until the table is clean.
 */
export function unitsFromTable(rows: string[][], options: UnitsTableOptions | readonly string[] = {}): UnitsTableResult {
  const opts: UnitsTableOptions = Array.isArray(options) ? { customDrivers: options as readonly string[] } : (options as UnitsTableOptions);
  const errors: TableIssue[] = [];
  const [header, ...body] = rows;
  if (!header || header.every((h) => (h ?? '').trim() === '')) {
    return { ok: false, errors: [{ row: 1, column: '', message: 'Tabellen mangler overskriftsrad' }] };
  }
  const columns: Column[] = header.map((h, index) => ({ index, name: columnName(header, index), ...normaliseHeader(h ?? '') }));
  const drivers = countDrivers(opts.customDrivers ?? []);
  columns.forEach((c) => {
    if (!TEXT_FIELDS.has(c.field) && !UNIT_NUMBER_FIELDS.has(c.field) && !drivers.has(c.field)) {
      errors.push({ row: 1, column: c.name, message: `Ukjent kolonne «${c.name}». Gyldige drivere: ${[...drivers].join(', ')}` });
    }
  });
  for (const required of ['name', 'stage']) {
    if (!columns.some((c) => c.field === required)) {
      const label = Object.entries(COLUMN_ALIASES).find(([, f]) => f === required)?.[0] ?? required;
      errors.push({ row: 1, column: label, message: `Kolonnen «${label}» mangler` });
    }
  }
  if (!columns.some((c) => c.field === 'id' || c.field === 'orgNumber'))
    errors.push({ row: 1, column: 'id', message: 'Kolonnen «id» mangler (eller «organisasjonsnummer», som enhetene da kjennes igjen på)' });
  if (errors.length) return { ok: false, errors };
  return unitsFromColumns(body, columns, opts);
}

/**
 * The same with the municipality's own headers: `mapping` names the column of each field (checked by
 * `columnMappingSchema`). Columns it does not name are left out; messages name the file's own headers.
 */
export function unitsFromMappedTable(rows: string[][], mapping: ColumnMapping, options: UnitsTableOptions = {}): UnitsTableResult {
  const [header, ...body] = rows;
  if (!header || header.every((h) => (h ?? '').trim() === '')) {
    return { ok: false, errors: [{ row: 1, column: '', message: 'Tabellen mangler overskriftsrad' }] };
  }
  const errors: TableIssue[] = [];
  const drivers = countDrivers(options.customDrivers ?? []);
  const columns: Column[] = [];
  for (const [key, index] of Object.entries(mapping)) {
    const [field, year] = key.split('@') as [string, string | undefined];
    const label = MAPPED_FIELD_LABELS[field] ?? field;
    if (index >= header.length) {
      errors.push({ row: 1, column: `kolonne ${index + 1}`, message: `Kolonnen valgt for «${label}» finnes ikke i filen` });
      continue;
    }
    if (!TEXT_FIELDS.has(field) && !UNIT_NUMBER_FIELDS.has(field) && !drivers.has(field)) {
      errors.push({
        row: 1,
        column: columnName(header, index),
        message: `Ukjent felt «${field}». Gyldige drivere: ${[...drivers].join(', ')}`,
      });
      continue;
    }
    columns.push({ index, name: columnName(header, index), field, ...(year ? { year: year === '1' ? 0 : 1 } : {}) });
  }
  if (errors.length) return { ok: false, errors };
  columns.sort((a, b) => a.index - b.index);
  return unitsFromColumns(body, columns, options);
}

/** Reads the rows below the header (row 2 on) by the resolved columns. */
function unitsFromColumns(body: string[][], columns: Column[], opts: UnitsTableOptions): UnitsTableResult {
  const errors: TableIssue[] = [];
  const units: UnitInput[] = [];
  const seen = new Map<string, number>();
  const seenOrg = new Map<string, number>();
  const idColumn = columns.find((c) => c.field === 'id');
  const orgColumn = columns.find((c) => c.field === 'orgNumber');
  const known = new Map((opts.known ?? []).filter((k) => k.orgNumber).map((k) => [`${k.orgNumber}:${k.stage}`, k.id]));
  body.forEach((cells, index) => {
    const row = index + 2;
    if (columns.every((c) => (cells[c.index] ?? '').trim() === '')) return;
    const unit: Record<string, unknown> = {};
    const counts: Record<string, number> = {};
    const years: [Record<string, number>, Record<string, number>] = [{}, {}];
    let hasYears = false;
    for (const col of columns) {
      const text = (cells[col.index] ?? '').trim();
      if (TEXT_FIELDS.has(col.field)) {
        if (text === '') {
          if (col.field === 'name' || col.field === 'stage') errors.push({ row, column: col.name, message: 'Feltet må fylles ut' });
          continue;
        }
        if (col.field === 'stage' && !(STAGES as readonly string[]).includes(text.toLowerCase())) {
          errors.push({ row, column: col.name, message: `Trinn må være «barnetrinn» eller «ungdomstrinn», ikke «${text}»` });
          continue;
        }
        if (col.field === 'orgNumber') {
          const problem = orgNumberProblem(text);
          if (problem) {
            errors.push({ row, column: col.name, message: problem });
            continue;
          }
        }
        unit[col.field] = col.field === 'stage' ? text.toLowerCase() : col.field === 'orgNumber' ? normaliseOrgNumber(text) : text;
        continue;
      }
      const value = parseNumber(text);
      if (value === null) continue;
      if (Number.isNaN(value)) {
        errors.push({ row, column: col.name, message: `«${text}» er ikke et tall` });
        continue;
      }
      if (value < 0) {
        errors.push({ row, column: col.name, message: 'Antallet kan ikke være negativt' });
        continue;
      }
      if (UNIT_NUMBER_FIELDS.has(col.field)) unit[col.field] = value;
      else if (col.year !== undefined) {
        years[col.year][col.field] = value;
        hasYears = true;
      } else counts[col.field] = value;
    }
    // A unit is known by its organisation number and stage (a 1-10 school is two units with one number).
    const org = unit.orgNumber as string | undefined;
    const stage = unit.stage as string | undefined;
    if (org && stage) {
      const key = `${org}:${stage}`;
      const first = seenOrg.get(key);
      const earlier = known.get(key);
      if (first !== undefined)
        errors.push({ row, column: orgColumn!.name, message: `Organisasjonsnummer ${org} på ${stage} står også på rad ${first}` });
      else seenOrg.set(key, row);
      if (first !== undefined) {
        // Reported once, on the organisation number; the id it would give is not a second problem.
      } else if (earlier !== undefined && unit.id === undefined) unit.id = earlier;
      else if (earlier !== undefined && unit.id !== earlier)
        errors.push({
          row,
          column: idColumn!.name,
          message: `Organisasjonsnummer ${org} (${stage}) er enheten «${earlier}» i et tidligere datasett, ikke «${String(unit.id)}»`,
        });
      else if (unit.id === undefined) unit.id = `${org}-${stage}`;
    }
    if (unit.id === undefined && (!org || !stage) && !errors.some((e) => e.row === row))
      errors.push({ row, column: idColumn?.name ?? orgColumn?.name ?? '', message: 'Enheten må ha id eller organisasjonsnummer' });
    const id = unit.id as string | undefined;
    if (id) {
      const first = seen.get(id);
      if (first !== undefined)
        errors.push({ row, column: idColumn?.name ?? 'id', message: `Enhets-id «${id}» er brukt før (rad ${first})` });
      else seen.set(id, row);
    }
    if (hasYears) {
      // Counts without a year apply to both school years.
      unit.schoolYears = [
        { ...counts, ...years[0] },
        { ...counts, ...years[1] },
      ];
    } else unit.counts = counts;
    // The unit's fields in the interchange format's order, whatever the order of the columns.
    const ordered: Record<string, unknown> = {};
    for (const k of ['id', 'name', 'school', 'orgNumber', 'stage']) if (unit[k] !== undefined) ordered[k] = unit[k];
    units.push({ ...ordered, ...unit } as unknown as UnitInput);
  });
  if (!errors.length && units.length === 0) errors.push({ row: 2, column: '', message: 'Tabellen har ingen enheter' });
  return errors.length ? { ok: false, errors } : { ok: true, units };
}

/** A column of an uploaded table for the mapping step: its header and the first few values under it. */
export interface TableColumn {
  index: number;
  name: string;
  samples: string[];
}

/** The header row's columns, each with up to three values from the rows below. */
export function tableColumns(rows: string[][]): TableColumn[] {
  const [header = [], ...body] = rows;
  const filled = body.filter((r) => r.some((c) => (c ?? '').trim() !== ''));
  return header.map((_, index) => ({
    index,
    name: columnName(header, index),
    samples: filled
      .map((r) => (r[index] ?? '').trim())
      .filter((v) => v !== '')
      .slice(0, 3),
  }));
}

/** The mapping the template's headers (and their aliases) give; the officer checks and completes it. */
export function suggestMapping(rows: string[][], customDrivers: readonly string[] = []): ColumnMapping {
  const [header = []] = rows;
  const drivers = countDrivers(customDrivers);
  const mapping: ColumnMapping = {};
  header.forEach((h, index) => {
    const { field, year } = normaliseHeader(h ?? '');
    if (!TEXT_FIELDS.has(field) && !UNIT_NUMBER_FIELDS.has(field) && !drivers.has(field)) return;
    const key = year === undefined ? field : `${field}@${year + 1}`;
    if (!(key in mapping)) mapping[key] = index;
  });
  return mapping;
}
