import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'samrad_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Methods that change nothing: no CSRF token needed, and nothing to invalidate. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
