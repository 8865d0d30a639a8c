import { INPUT_REPORT_COLUMNS, inputReportRow } from '@samrad/shared/formats';
import type { z } from 'zod';
import type { submissionResponseSchema } from '@samrad/shared/contracts';
import { buildPdf, type PdfMeta } from '../../platform/pdf/pdf-document.js';

type Input = z.infer<typeof submissionResponseSchema>;

/** «Innspill og behandling» as a PDF/A (the one document builder): the heading, when it was made, and each input with its handling. */
export function inputReportPdf(meta: PdfMeta, generated: string, items: Input[], none = 'Ingen innspill.'): Promise<Buffer> {
  return buildPdf(meta, (w) => {
    w.heading(meta.title).note(generated).space();
    if (items.length === 0) w.paragraph(none);
    items.forEach((s, i) => {
      const [nr, kind, from, representing, where, received, text, outcome, reason, section] = inputReportRow(s, i);
      w.heading(`${nr}. ${from}`, 3);
      w.note([kind, where, received].filter(Boolean).join(' · '));
      if (representing) w.note(`${INPUT_REPORT_COLUMNS[3]}: ${representing}`);
      w.space(0.3).paragraph(String(text));
      w.labelled(INPUT_REPORT_COLUMNS[7]!, reason ? `${outcome}. ${reason}` : String(outcome));
      if (section) w.labelled(INPUT_REPORT_COLUMNS[9]!, String(section));
      w.space();
    });
  });
}
