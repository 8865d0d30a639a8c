import PDFDocument from 'pdfkit';
import { INPUT_REPORT_COLUMNS, inputReportRow } from '@samrad/shared/formats';
import type { z } from 'zod';
import type { submissionResponseSchema } from '@samrad/shared/contracts';

type Input = z.infer<typeof submissionResponseSchema>;

/**
 * PDF's standard fonts (Helvetica) speak WinAnsi: Norwegian letters are there, other characters (emoji,
 * other scripts) are shown as «?» rather than as broken glyphs.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export const pdfSafe = (text: string) =>
  [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) return ch;
      return code < 0x20 ? ' ' : '?';
    })
    .join('');

/** «Innspill og behandling» as a PDF (A4): the heading, when it was made, and each input with its handling. */
export function inputReportPdf(title: string, generated: string, items: Input[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: pdfSafe(title), Producer: 'Samråd', Creator: 'Samråd' },
      lang: 'nb',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(15).text(pdfSafe(title));
    doc.font('Helvetica').fontSize(9).fillColor('#444444').text(pdfSafe(generated)).fillColor('black').moveDown();
    if (items.length === 0) doc.fontSize(11).text('Ingen innspill.');
    items.forEach((s, i) => {
      const row = inputReportRow(s, i);
      const [nr, kind, from, representing, where, received, text, outcome, reason, section] = row;
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(pdfSafe(`${nr}. ${from}`));
      doc.font('Helvetica').fontSize(9).fillColor('#444444');
      doc.text(pdfSafe([kind, where, received].filter(Boolean).join(' · ')));
      if (representing) doc.text(pdfSafe(`${INPUT_REPORT_COLUMNS[3]}: ${representing}`));
      doc.fillColor('black').fontSize(10).moveDown(0.3).text(pdfSafe(text!));
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .text(pdfSafe(`${INPUT_REPORT_COLUMNS[7]}: ${outcome}`), { continued: Boolean(reason) });
      if (reason) doc.font('Helvetica').text(pdfSafe(`. ${reason}`));
      if (section) doc.font('Helvetica').text(pdfSafe(`${INPUT_REPORT_COLUMNS[9]}: ${section}`));
      doc.moveDown();
    });
    doc.end();
  });
}
