import ExcelJS from 'exceljs';
import type { AllocationResult } from '../engine/index.js';

const NOK = '#,##0';
const NOK2 = '#,##0.00';

/**
 * A workbook with the report's sheets: rates by criterion; per unit and criterion; model against
 * budget; and, when a comparison result is given (e.g. after a frame change), the per-unit effect.
 */
export async function resultWorkbook(result: AllocationResult, before?: AllocationResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const rates = wb.addWorksheet('Satser');
  rates.addRow(['Kriterium', 'Nøkkel/trinn', 'Sats', 'Sats etter skalering', 'Beløp', 'Andel av ramme (%)']);
  for (const c of result.criteria) {
    for (const [key, rate] of Object.entries(c.rates)) {
      rates.addRow([c.label, key, rate!.base, rate!.scaled, c.amount, c.sharePct]);
    }
  }
  rates.addRow([]);
  rates.addRow(['Skaleringsfaktor', '', result.scale]);

  const perUnit = wb.addWorksheet('Per enhet og kriterium');
  perUnit.addRow([
    'Enhet',
    'Trinn',
    'Elever',
    ...result.criteria.flatMap((c) => [c.label, `${c.label} per elev`]),
    'Justeringer',
    'Sum',
    'Sum per elev',
  ]);
  for (const u of result.units) {
    perUnit.addRow([
      u.name,
      u.stage,
      u.pupils,
      ...result.criteria.flatMap((c) => [u.criteria[c.id]!.amount, u.criteria[c.id]!.perPupil]),
      u.adjustmentsTotal,
      u.total,
      u.totalPerPupil,
    ]);
  }
  const vsBudget = wb.addWorksheet('Modell mot budsjett');
  vsBudget.addRow(['Enhet', 'Modell', 'Budsjett', 'Differanse (kr)', 'Differanse (%)']);
  for (const u of result.units) {
    vsBudget.addRow([u.name, u.total, u.againstBudget?.budget ?? null, u.againstBudget?.nok ?? null, u.againstBudget?.pct ?? null]);
  }
  if (before) {
    const change = wb.addWorksheet('Etter rammeendring');
    change.addRow(['Enhet', 'Før', 'Etter', 'Endring (kr)', 'Endring (%)']);
    for (const u of result.units) {
      const prev = before.units.find((b) => b.id === u.id);
      const diff = prev ? u.total - prev.total : null;
      change.addRow([
        u.name,
        prev?.total ?? null,
        u.total,
        diff,
        prev && prev.total !== 0 ? Math.round((diff! / prev.total) * 10000) / 100 : null,
      ]);
    }
  }
  for (const sheet of wb.worksheets) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((col, i) => {
      col.width = i === 0 ? 28 : 16;
      if (i > 0) col.numFmt = sheet.name === 'Satser' && i === 2 ? NOK2 : NOK;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
