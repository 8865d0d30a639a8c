import type { FieldError } from '@samrad/shared/contracts';
import i18n, { currentLanguage } from '../i18n/index.js';

/** An error answer from the API: field errors for 400, the current record for 409. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
/** The session's CSRF token, sent on every state-changing request. Set when /api/auth/me answers. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Calls the API; a `Blob` body (a file) is sent as it is, anything else as JSON. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  // The API answers (its error messages) in the language on screen.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  const file = init.body instanceof Blob;
  if (init.body !== undefined) headers['content-type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    const body = init.body === undefined ? undefined : file ? (init.body as Blob) : JSON.stringify(init.body);
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, i18n.t('app.offline'));
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as { message?: string; errors?: FieldError[]; current?: unknown };
  if (!res.ok) {
    const message = data.message ?? data.errors?.map((e) => e.message).join(' ') ?? `Feil ${res.status}`;
    throw new ApiError(res.status, message, data.errors ?? [], data.current);
  }
  return data as T;
}

/**
 * A request as a form sends it: the fields of its request contract (a misspelt or missing field is a
 * type error), each value as the form holds it (FormData gives strings, or null for a missing field)
 * until the server parses it with the same contract and answers each bad field in Norwegian.
 */
export type FormRequest<T> = { [K in keyof T]: T[K] | FormDataEntryValue | FormDataEntryValue[] | null };
