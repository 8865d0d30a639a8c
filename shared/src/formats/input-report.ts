import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { submissionResponseSchema } from '../contracts/rounds.js';
import { formatOsloDateTime } from '../domain/dates.js';

type Input = z.infer<typeof submissionResponseSchema>;

/** The report's Norwegian words: outcomes, the sections of the saksframlegg, and where an input was given. */
export const INPUT_REPORT_TEXT = {
  outcome: {
    adopted: 'Tatt til følge',
    partly_adopted: 'Delvis tatt til følge',
    not_adopted: 'Ikke tatt til følge',
    noted: 'Tatt til orientering',
  },
  section: { background: 'Bakgrunn', facts: 'Fakta', assessment: 'Vurdering', proposal: 'Forslag til vedtak' },
  kind: { round: 'Innspillsrunde', continuous: 'Løpende innspill', conference: 'Skolekonferanse' },
  notHandled: 'Ikke behandlet ennå',
} as const;

export const INPUT_REPORT_COLUMNS = [
  'Nr.',
  'Type',
  'Fra',
  'Representerer',
  'Runde eller konferanse',
  'Mottatt',
  'Innspill',
  'Utfall',
  'Begrunnelse',
  'Endret del',
] as const;

/** One input as the report's cells, in the order of INPUT_REPORT_COLUMNS. */
export function inputReportRow(s: Input, index: number): string[] {
  const t = INPUT_REPORT_TEXT;
  return [
    String(index + 1),
    t.kind[s.kind],
    s.body ? `${s.body.name} (ved ${s.author.name})` : `${s.author.name} (på eget vegne)`,
    s.representing ?? '',
    s.round?.name ?? s.meeting?.title ?? '',
    `${formatOsloDateTime(new Date(s.submittedAt))}${s.late ? ' (for sent)' : ''}`,
    s.text,
    s.disposition ? t.outcome[s.disposition.outcome] : t.notHandled,
    s.disposition?.reason ?? '',
    s.disposition?.sectionKind ? t.section[s.disposition.sectionKind] : '',
  ];
}

/** «Innspill og behandling» as a workbook: one sheet, a heading row, one row per input. */
export async function inputReportWorkbook(title: string, items: Input[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Innspill og behandling');
  sheet.addRow([title]);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow([...INPUT_REPORT_COLUMNS]);
  sheet.getRow(2).font = { bold: true };
  items.forEach((s, i) => sheet.addRow(inputReportRow(s, i)));
  const widths = [5, 18, 36, 24, 30, 26, 60, 22, 50, 18];
  sheet.columns.forEach((col, i) => {
    col.width = widths[i] ?? 16;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
