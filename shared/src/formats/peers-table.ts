import { z } from 'zod';
import { PEERS_FORMAT, peerComparisonSchema } from '../engine/analysis/peers.js';
import { formatPath } from '../engine/allocation/validate.js';
import { tableFromCsv } from './csv.js';
import { tableFromXlsx } from './xlsx.js';

/**
 * KOSTRA figures for the peer comparison (#19) from a file: a table (CSV or XLSX, header row first, one row per
 * municipality) or the JSON of `kostra-2008.peers.json`. Every problem is named by row and column (a JSON file's by
 * its path, with row null); nothing half-read is returned.
 */
export interface PeerImportIssue {
  /** The spreadsheet row (header = 1); null for a problem of a JSON file. */
  row: number | null;
  /** The column as written in the header row, or the JSON path. */
  column: string;
  message: string;
}

type Municipality = { name: string; costPerChild: number | string; pupilsPerSchool?: number | string };
export interface PeerImport {
  own: Municipality & { children6to15: number };
  /** Every other municipality of the file; `chosen: false` ones only count in the fit. */
  peers: (Municipality & { chosen: boolean })[];
  source?: string;
  year?: number;
  measure?: string;
}
export type PeerImportResult = { ok: true; data: PeerImport } | { ok: false; errors: PeerImportIssue[] };

/** The header names of the template, in order (Norwegian; English field names are accepted too). */
export const PEER_TEMPLATE_HEADERS = ['kommune', 'kostnad_per_barn_6_15', 'barn_6_15', 'elever_per_skole', 'egen', 'valgt'];

type Field = 'name' | 'costPerChild' | 'children6to15' | 'pupilsPerSchool' | 'own' | 'chosen';
const ALIASES: Record<string, Field> = {
  kommune: 'name',
  navn: 'name',
  name: 'name',
  kostnad_per_barn_6_15: 'costPerChild',
  kostnad_per_barn: 'costPerChild',
  kr_per_barn_6_15: 'costPerChild',
  kostnad_per_innbygger_6_15: 'costPerChild',
  netto_driftsutgifter_per_innbygger_6_15: 'costPerChild',
  costperchild: 'costPerChild',
  barn_6_15: 'children6to15',
  innbyggere_6_15: 'children6to15',
  children6to15: 'children6to15',
  elever_per_skole: 'pupilsPerSchool',
  pupilsperschool: 'pupilsPerSchool',
  egen: 'own',
  egen_kommune: 'own',
  own: 'own',
  valgt: 'chosen',
  med: 'chosen',
  chosen: 'chosen',
};

/** «Kostnad per barn 6–15» → `kostnad_per_barn_6_15`. */
const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9æøå]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** A number as Norwegian spreadsheets write it (spaces between thousands, a decimal comma): a number, or the decimal string when it has decimals. */
function decimal(text: string): number | string | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return /\./.test(t) ? t.replace(/0+$/, '').replace(/\.$/, '') : Number(t);
}

const YES = new Set(['ja', 'j', 'x', '1', 'yes', 'true', 'sann']);
const NO = new Set(['nei', 'n', '0', 'no', 'false', 'usann', '']);

/** One problem per cell: a number that is no number is not also said to be too large. */
const firstPerPlace = (issues: PeerImportIssue[]) =>
  issues.filter((e, i) => issues.findIndex((x) => x.row === e.row && x.column === e.column) === i);

/** Municipalities from a table: the header row, then one row per municipality. */
export function peersFromTable(rows: string[][]): PeerImportResult {
  const errors: PeerImportIssue[] = [];
  const [header, ...body] = rows;
  if (!header || header.every((h) => (h ?? '').trim() === ''))
    return { ok: false, errors: [{ row: 1, column: '', message: 'Tabellen mangler overskriftsrad' }] };
  const columns = header.map((h) => ({ name: (h ?? '').trim(), field: ALIASES[normaliseHeader(h ?? '')] }));
  columns.forEach((c) => {
    if (!c.field && c.name !== '')
      errors.push({ row: 1, column: c.name, message: `Ukjent kolonne «${c.name}». Kolonnene er ${PEER_TEMPLATE_HEADERS.join(', ')}` });
  });
  const seenField = new Map<Field, string>();
  columns.forEach((c) => {
    if (!c.field) return;
    const before = seenField.get(c.field);
    if (before !== undefined) errors.push({ row: 1, column: c.name, message: `Kolonnen gjelder det samme som «${before}»` });
    else seenField.set(c.field, c.name);
  });
  for (const [field, label] of [
    ['name', 'kommune'],
    ['costPerChild', 'kostnad_per_barn_6_15'],
  ] as const)
    if (!seenField.has(field)) errors.push({ row: 1, column: label, message: `Kolonnen «${label}» mangler` });
  if (!seenField.has('own') && !seenField.has('children6to15'))
    errors.push({
      row: 1,
      column: 'egen',
      message: 'Kolonnen «egen» (ja for egen kommune) eller «barn_6_15» (fylt ut bare for egen kommune) mangler',
    });
  if (errors.length) return { ok: false, errors };

  const colName = (f: Field) => seenField.get(f)!;
  const read: { row: number; m: Municipality & { chosen: boolean; own: boolean; children6to15?: number } }[] = [];
  const names = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    const m: Municipality & { chosen: boolean; own: boolean; children6to15?: number } = {
      name: '',
      costPerChild: 0,
      chosen: true,
      own: false,
    };
    columns.forEach((col, ci) => {
      const text = (cells[ci] ?? '').trim();
      const bad = (message: string) => errors.push({ row, column: col.name, message });
      switch (col.field) {
        case 'name':
          if (text === '') bad('Kommunen må ha et navn');
          else if (text.length > 200) bad('Høyst 200 tegn');
          else m.name = text;
          return;
        case 'costPerChild': {
          const v = decimal(text);
          if (text === '') bad('Kostnaden per barn må fylles ut');
          else if (v === null) bad(`«${text}» er ikke et tall`);
          else if (Number(v) < 0) bad('Kan ikke være negativt');
          else m.costPerChild = v;
          return;
        }
        case 'pupilsPerSchool': {
          if (text === '') return;
          const v = decimal(text);
          if (v === null) bad(`«${text}» er ikke et tall`);
          else if (Number(v) <= 0) bad('Må være større enn 0');
          else m.pupilsPerSchool = v;
          return;
        }
        case 'children6to15': {
          if (text === '') return;
          const v = decimal(text);
          if (v === null || typeof v !== 'number') bad(`«${text}» er ikke et helt antall barn`);
          else if (v < 0) bad('Kan ikke være negativt');
          else m.children6to15 = v;
          return;
        }
        case 'own':
        case 'chosen': {
          const t = text.toLowerCase();
          if (!YES.has(t) && !NO.has(t)) return bad(`Skriv «ja» eller «nei», ikke «${text}»`);
          if (col.field === 'own') m.own = YES.has(t);
          else m.chosen = text === '' ? true : YES.has(t);
          return;
        }
      }
    });
    if (m.name) {
      const first = names.get(m.name.toLowerCase());
      if (first !== undefined) errors.push({ row, column: colName('name'), message: `Kommunen «${m.name}» står også på rad ${first}` });
      else names.set(m.name.toLowerCase(), row);
    }
    read.push({ row, m });
  });
  if (read.length === 0) return { ok: false, errors: [...errors, { row: 2, column: '', message: 'Tabellen har ingen kommuner' }] };

  // The own municipality: the one marked «egen», or without that column the one row with children aged 6-15.
  const ownRows = seenField.has('own') ? read.filter((r) => r.m.own) : read.filter((r) => r.m.children6to15 !== undefined);
  const ownColumn = seenField.has('own') ? colName('own') : colName('children6to15');
  if (ownRows.length === 0)
    errors.push({
      row: 1,
      column: ownColumn,
      message: seenField.has('own')
        ? 'Marker egen kommune med «ja» i kolonnen «egen»'
        : 'Fyll ut barn 6–15 år for egen kommune (og bare for den)',
    });
  ownRows
    .slice(1)
    .forEach((r) =>
      errors.push({ row: r.row, column: ownColumn, message: `Bare én kommune kan være egen kommune (også rad ${ownRows[0]!.row})` }),
    );
  const own = ownRows[0];
  if (own && own.m.children6to15 === undefined)
    errors.push({
      row: own.row,
      column: seenField.get('children6to15') ?? 'barn_6_15',
      message: 'Egen kommune må ha antall barn 6–15 år',
    });
  if (errors.length) return { ok: false, errors };

  const base = ({ name, costPerChild, pupilsPerSchool }: Municipality): Municipality => ({
    name,
    costPerChild,
    ...(pupilsPerSchool !== undefined ? { pupilsPerSchool } : {}),
  });
  const others = read.filter((r) => r !== own);
  if (others.length === 0) return { ok: false, errors: [{ row: 2, column: '', message: 'Tabellen har ingen kommuner å sammenligne med' }] };
  const data: PeerImport = {
    own: { ...base(own!.m), children6to15: own!.m.children6to15! },
    peers: others.map((r) => ({ ...base(r.m), chosen: r.m.chosen })),
  };
  // The same limits as when the comparison is saved (sizes, at least one chosen), named by row and column.
  const check = peerComparisonSchema.safeParse({ format: PEERS_FORMAT, ...data }, { error: z.locales.no().localeError });
  if (!check.success)
    return {
      ok: false,
      errors: firstPerPlace(
        check.error.issues.map((i) => {
          const [part, index, field] = i.path;
          const key = (part === 'own' ? index : field) as Field | undefined;
          const row = part === 'own' ? own!.row : typeof index === 'number' ? others[index]!.row : 1;
          const column = key !== undefined && seenField.has(key) ? colName(key) : (seenField.get('chosen') ?? '');
          return { row, column, message: i.message };
        }),
      ),
    };
  return { ok: true, data };
}

/** The JSON of `kostra-2008.peers.json` (format `samrad.peer-comparison/v1`). */
export function peersFromJson(text: string): PeerImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ row: null, column: '', message: 'Filen er ikke gyldig JSON' }] };
  }
  const check = peerComparisonSchema.safeParse(doc, { error: z.locales.no().localeError });
  if (!check.success)
    return {
      ok: false,
      errors: firstPerPlace(check.error.issues.map((i) => ({ row: null, column: formatPath(i.path), message: i.message }))),
    };
  const { format: _format, own, peers, ...meta } = check.data;
  return { ok: true, data: { ...meta, own, peers: peers.map((p) => ({ ...p, chosen: p.chosen !== false })) } };
}

/** A file by its name's extension: .csv, .xlsx or .json. */
export async function peersFromFile(filename: string, data: Uint8Array): Promise<PeerImportResult> {
  const ext = filename.split('.').pop()?.toLowerCase();
  if (data.byteLength === 0) return { ok: false, errors: [{ row: null, column: '', message: 'Filen er tom' }] };
  if (ext === 'xlsx') {
    const sheet = await tableFromXlsx(data);
    return sheet.ok ? peersFromTable(sheet.rows) : sheet;
  }
  const text = new TextDecoder('utf-8').decode(data);
  if (ext === 'json') return peersFromJson(text);
  if (ext === 'csv') {
    const table = tableFromCsv(text);
    return table.ok ? peersFromTable(table.rows) : table;
  }
  return { ok: false, errors: [{ row: null, column: '', message: 'Filen må være CSV, XLSX eller JSON (.csv, .xlsx eller .json)' }] };
}
