import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * The one builder of Samråd's PDF documents (saksframlegg, møteinnkalling, møteprotokoll, «Innspill og
 * behandling», kvittering): A4, PDF/A-2b (archival: fonts embedded, sRGB output intent, XMP metadata),
 * DejaVu Sans embedded so every Norwegian letter (and most other scripts) is drawn as written, and the
 * document's title, author (the municipality), subject, language and dates in its metadata.
 */

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
  });

/** The metadata every document carries. */
export interface PdfMeta {
  title: string;
  /** Who made the document: the municipality. */
  author: string;
  subject: string;
  keywords?: string;
  /** BCP 47: nb, nn or en. */
  lang: string;
  /** When it was made (the Clock's time, so tests can fix it). */
  created: Date;
}

/** Control characters other than line breaks cannot be drawn; they become spaces. */
const drawable = (text: string) => [...text].map((ch) => (ch !== '\n' && (ch < ' ' || ch === '\u007f') ? ' ' : ch)).join('');

/** What a document is written with: headings, small grey lines, paragraphs, labelled values. */
export class PdfWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  heading(text: string, level: 1 | 2 | 3 = 1): this {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    if (level > 1) this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(size).fillColor('black').text(drawable(text));
    this.doc.moveDown(0.3);
    return this;
  }

  /** A small grey line (when it was made, where, who). */
  note(text: string): this {
    this.doc.font('regular').fontSize(9).fillColor('#444444').text(drawable(text)).fillColor('black');
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('regular').fontSize(10).fillColor('black').text(drawable(text));
    this.doc.moveDown(0.4);
    return this;
  }

  /** «Label: value», the label in bold. */
  labelled(label: string, value: string): this {
    this.doc
      .font('bold')
      .fontSize(10)
      .fillColor('black')
      .text(drawable(`${label}: `), { continued: true });
    this.doc.font('regular').text(drawable(value));
    return this;
  }

  /** A bullet list. */
  list(items: string[]): this {
    if (items.length) this.doc.font('regular').fontSize(10).fillColor('black').list(items.map(drawable), { bulletRadius: 1.5 });
    this.doc.moveDown(0.4);
    return this;
  }

  space(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }
}

/** Builds one PDF/A-2b document: `draw` writes its content. */
export function buildPdf(meta: PdfMeta, draw: (w: PdfWriter) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { regular, bold } = loadFonts();
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      lang: meta.lang,
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Keywords: meta.keywords ?? '',
        Creator: 'Samråd',
        Producer: 'Samråd (pdfkit)',
        CreationDate: meta.created,
        ModDate: meta.created,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', regular);
    doc.registerFont('bold', bold);
    doc.font('regular');
    try {
      draw(new PdfWriter(doc));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    doc.end();
  });
}
