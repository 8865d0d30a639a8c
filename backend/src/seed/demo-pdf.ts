/**
 * A small, valid one-page PDF with lines of text (Helvetica, WinAnsi so æ, ø and å print), for the
 * demo's attachments. Written out by hand so the seed needs no PDF library.
 */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  // WinAnsi is Latin-1 except for a few typographic characters in 0x80-0x9f.
  const winAnsi: Record<string, string> = { '–': '\x96', '—': '\x97', '’': '\x92', '«': '\xab', '»': '\xbb' };
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[–—’]/g, (c) => winAnsi[c]!);
  const text = [
    'BT /F1 16 Tf 56 780 Td',
    `(${escape(title)}) Tj`,
    '/F1 11 Tf 0 -28 Td 14 TL',
    ...lines.map((l) => `(${escape(l)}) '`),
    'ET',
  ].join('\n');
  const stream = Buffer.from(text, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream.toString('latin1')}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n%\xe6\xf8\xe5\xc6\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
