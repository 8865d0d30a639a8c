import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'samrad_session';
export const CSRF_HEADER = 'x-csrf-token';

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
