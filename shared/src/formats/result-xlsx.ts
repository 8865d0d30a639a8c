import ExcelJS from 'exceljs';
import { reportTables, type AllocationInput, type AllocationResult, type BudgetTable } from '../engine/index.js';

const NOK = '#,##0';
const NOK2 = '#,##0.00';
const PCT = '0.00';

/**
 * A workbook with the report's tables (`reportTables`), each with its totals row («Sum»): the rates (with
 * the rates after a frame change, Tabell 4-4); per unit and criterion in NOK and per pupil (Figur 4-1);
 * the model against the current budget (Tabell 4-3, or 4-5 after a frame change) and last year's; the
 * per-unit effect of a frame change; and each criterion's share of the frame.
 */
export async function resultWorkbook(input: AllocationInput, result: AllocationResult): Promise<Uint8Array> {
  const t = reportTables(input, result);
  const wb = new ExcelJS.Workbook();
  const formats = new Map<ExcelJS.Worksheet, string[]>();
  const sheet = (name: string, headers: string[], numFmts: string[]) => {
    const s = wb.addWorksheet(name);
    s.addRow(headers);
    formats.set(s, numFmts);
    return s;
  };
  const total = (s: ExcelJS.Worksheet, values: unknown[]) => {
    s.addRow(values).font = { bold: true };
  };

  const fc = t.frameChange;
  const rates = sheet(
    fc ? 'Satser (Tabell 4-4)' : 'Satser',
    ['Kriterium', 'Nøkkel/trinn', 'Sats', 'Sats etter skalering', 'Endring (kr)'],
    ['', '', NOK2, NOK2, NOK2],
  );
  for (const c of result.criteria) {
    for (const [key, rate] of Object.entries(c.rates)) {
      if (rate) rates.addRow([c.label, key, rate.base, rate.scaled, Math.round((rate.scaled - rate.base) * 100) / 100]);
    }
  }
  rates.addRow([]);
  rates.addRow(['Skaleringsfaktor', '', result.scale]);
  if (fc) rates.addRow(['Endring i alle satser (%)', '', fc.ratePct]);

  const ids = t.perUnit.criteria.map((c) => c.id);
  const perUnit = sheet(
    'Per enhet (Figur 4-1)',
    [
      'Enhet',
      'Trinn',
      'Elever',
      ...t.perUnit.criteria.flatMap((c) => [c.label, `${c.label} per elev`]),
      'Justeringer',
      'Sum',
      'Sum per elev',
    ],
    ['', '', NOK2, ...ids.flatMap(() => [NOK, NOK]), NOK, NOK, NOK],
  );
  for (const r of t.perUnit.rows) {
    perUnit.addRow([
      r.name,
      r.stage,
      r.pupils,
      ...ids.flatMap((id) => [r.cells[id]!.amount, r.cells[id]!.perPupil]),
      r.adjustments.amount,
      r.total.amount,
      r.total.perPupil,
    ]);
  }
  const pt = t.perUnit.totals;
  total(perUnit, [
    'Sum',
    '',
    pt.pupils,
    ...ids.flatMap((id) => [pt.cells[id]!.amount, pt.cells[id]!.perPupil]),
    pt.adjustments.amount,
    pt.total.amount,
    pt.total.perPupil,
  ]);

  const budgetSheet = (name: string, b: BudgetTable) => {
    const s = sheet(name, ['Enhet', 'Modell', 'Budsjett', 'Differanse (kr)', 'Differanse (%)'], ['', NOK, NOK, NOK, PCT]);
    for (const r of b.rows) s.addRow([r.name, r.model, r.budget, r.diffNok, r.diffPct]);
    total(s, ['Sum', b.totals.model, b.totals.budget, b.totals.diffNok, b.totals.diffPct]);
  };
  if (t.againstBudget) budgetSheet(fc ? 'Mot budsjett (Tabell 4-5)' : 'Mot budsjett (Tabell 4-3)', t.againstBudget);
  if (t.againstLastYear) budgetSheet('Mot fjorårets budsjett', t.againstLastYear);

  if (fc) {
    const change = sheet('Etter rammeendring', ['Enhet', 'Før', 'Etter', 'Endring (kr)', 'Endring (%)'], ['', NOK, NOK, NOK, PCT]);
    for (const u of fc.units) change.addRow([u.name, u.before, u.after, u.diffNok, u.diffPct]);
    total(change, ['Sum', fc.totals.before, fc.totals.after, fc.totals.diffNok, fc.totals.diffPct]);
  }

  const shares = sheet('Kriterieandeler', ['Kriterium', 'Beløp', 'Andel av ramme (%)', 'Per elev'], ['', NOK, PCT, NOK]);
  for (const r of t.shares.rows) shares.addRow([r.kind === 'adjustments' ? 'Justeringer' : r.label, r.amount, r.sharePct, r.perPupil]);
  total(shares, ['Sum', t.shares.totals.amount, t.shares.totals.sharePct, t.shares.totals.perPupil]);

  for (const s of wb.worksheets) {
    s.getRow(1).font = { bold: true };
    const fmts = formats.get(s) ?? [];
    s.columns.forEach((col, i) => {
      col.width = i === 0 ? 28 : 16;
      if (fmts[i]) col.numFmt = fmts[i];
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
