import { fileTypeFromBuffer } from 'file-type';
import { ValidationFailed } from '../../platform/http/errors.js';

/** Largest attachment accepted (the HTTP layer refuses larger bodies before they are read). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** What may be attached, by the type found in the content (not the name or the declared type). */
const ALLOWED: Record<string, { label: string; extensions: string[] }> = {
  pdf: { label: 'PDF', extensions: ['pdf'] },
  docx: { label: 'Word (docx)', extensions: ['docx'] },
  xlsx: { label: 'Excel (xlsx)', extensions: ['xlsx'] },
  pptx: { label: 'PowerPoint (pptx)', extensions: ['pptx'] },
  odt: { label: 'OpenDocument-tekst', extensions: ['odt'] },
  ods: { label: 'OpenDocument-regneark', extensions: ['ods'] },
  odp: { label: 'OpenDocument-presentasjon', extensions: ['odp'] },
  cfb: { label: 'eldre Office-fil', extensions: ['doc', 'xls', 'ppt'] },
  png: { label: 'PNG-bilde', extensions: ['png'] },
  jpg: { label: 'JPEG-bilde', extensions: ['jpg', 'jpeg'] },
  gif: { label: 'GIF-bilde', extensions: ['gif'] },
  webp: { label: 'WebP-bilde', extensions: ['webp'] },
};

const ALLOWED_TEXT = 'PDF, Word, Excel, PowerPoint, OpenDocument eller bilder (PNG, JPEG, GIF, WebP)';

export interface CheckedFile {
  filename: string;
  mediaType: string;
}

/** A file name as given, without any path, control characters or surrounding space. */
export function cleanFilename(raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw ValidationFailed.field('filename', 'Filen må ha et navn');
  const name = raw
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (name === '' || name === '.' || name === '..') throw ValidationFailed.field('filename', 'Filen må ha et navn');
  if (name.length > 200) throw ValidationFailed.field('filename', 'Filnavnet kan ha høyst 200 tegn');
  return name;
}

/**
 * Checks an upload by its content: the type is sniffed from the bytes (file-type), must be one we
 * accept, and must agree with the file's extension. Throws a Norwegian field error otherwise.
 */
export async function checkFile(filenameRaw: unknown, content: unknown): Promise<CheckedFile> {
  const filename = cleanFilename(filenameRaw);
  if (!Buffer.isBuffer(content)) {
    throw ValidationFailed.field('file', 'Send filen som innhold med typen application/octet-stream');
  }
  if (content.length === 0) throw ValidationFailed.field('file', 'Filen er tom');
  if (content.length > ATTACHMENT_MAX_BYTES)
    throw ValidationFailed.field('file', 'Filen er for stor. Største tillatte størrelse er 20 MB.');
  const found = await fileTypeFromBuffer(content);
  const kind = found ? ALLOWED[found.ext] : undefined;
  if (!found || !kind) {
    const what = found ? ` (innholdet er ${found.ext.toUpperCase()})` : '';
    throw ValidationFailed.field('file', `Filtypen til «${filename}» støttes ikke${what}. Last opp ${ALLOWED_TEXT}.`);
  }
  const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  if (!kind.extensions.includes(extension)) {
    throw ValidationFailed.field(
      'file',
      `Innholdet i «${filename}» er ${kind.label}, men filnavnet slutter ikke på .${kind.extensions[0]}. Gi filen riktig filendelse.`,
    );
  }
  return { filename, mediaType: found.mime };
}
