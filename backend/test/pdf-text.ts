/** The text and metadata of a PDF, read with pdf.js (Mozilla's parser): what a reader's PDF viewer finds in it. */
export async function pdfText(bytes: Buffer): Promise<{ text: string; info: Record<string, unknown>; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const { info } = await doc.getMetadata();
  const pages = doc.numPages;
  await task.destroy();
  return { text: parts.join('\n').replace(/\s+/g, ' '), info: info as Record<string, unknown>, pages };
}
