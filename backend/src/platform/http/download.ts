import type { FastifyReply } from 'fastify';

/** RFC 6266: an ASCII fallback name and the real (UTF-8) one; quotes, backslashes and % never reach the header. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The headers of every file Samråd hands out: always a download of the stated type, never guessed by the browser nor
 * rendered in Samråd's origin. `public` files (innsyn) may be cached if revalidated; everything else is not stored.
 */
export function downloadHeaders(
  reply: FastifyReply,
  file: { filename: string; mediaType: string; sha256?: string },
  cache: 'public' | 'private' = 'private',
): void {
  void reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache === 'public' ? 'public, no-cache' : 'private, no-store');
  if (file.sha256) void reply.header('x-content-sha256', file.sha256);
}

/** Sends a stored file as {@link downloadHeaders} describes, its SHA-256 in `x-content-sha256` when known. */
export function sendDownload(
  reply: FastifyReply,
  file: { filename: string; mediaType: string; sha256?: string },
  content: Buffer | Uint8Array | string,
  cache: 'public' | 'private' = 'private',
): void {
  downloadHeaders(reply, file, cache);
  void reply.send(content);
}
