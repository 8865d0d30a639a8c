import type { AppRole } from '@samrad/shared/contracts';
import type { Language } from '@samrad/shared/i18n';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { withTimeout } from '../async/with-timeout.js';
import type { RequestContext } from './context.js';
import { hashToken } from './session.js';

interface SessionRow {
  user_id: string;
  email: string;
  municipality_id: string;
  csrf_token: string;
  is_admin: boolean;
  is_case_officer: boolean;
  body_ids: string[] | null;
  language: Language;
}

/**
 * A short-lived cache of resolved sessions (every request resolves one). Any change that affects a
 * session (log-out, new password, a disabled user, new roles or memberships) clears it at once in
 * this process and, through Redis, in the other API processes (see shareSessionChanges); were that
 * message lost, they would see the change within the cache's lifetime.
 */
const cache = new Map<string, { ctx: RequestContext | undefined; until: number }>();
const CACHE_MAX = 10_000;
let cacheMs = 1000;

export function configureSessionCache(ms: number): void {
  cacheMs = ms;
  cache.clear();
}

/** Tells the other API processes that sessions changed; one per running app (tests run several in one process). */
const announcers = new Set<() => Promise<void>>();

/**
 * Shares session changes between the API processes: a change here is published on `channel`, and a
 * message from another process empties this cache. While the subscriber is away messages may be
 * missed, so the cache is emptied whenever it (re)connects. Returns a function that stops sharing.
 */
export function shareSessionChanges(publisher: Redis, channel: string): () => void {
  const subscriber = publisher.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on('error', () => undefined);
  subscriber.on('ready', () => cache.clear());
  subscriber.on('message', () => cache.clear());
  void subscriber.subscribe(channel).catch(() => undefined);
  const announce = async () => {
    // Awaited (briefly), so the others have the message before this response is sent.
    await withTimeout(publisher.publish(channel, 'changed'), 250).catch(() => undefined);
  };
  announcers.add(announce);
  return () => {
    announcers.delete(announce);
    subscriber.disconnect();
  };
}

/** Clears the cache once `change` has committed (and also if it failed: nothing is lost by that). */
export async function afterSessionChange<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    cache.clear();
    await Promise.all([...announcers].map((announce) => announce()));
  }
}

/** The session cookie's token to the caller's context (roles, current bodies), or undefined. */
export async function resolveSession(db: DataSource, token: string): Promise<RequestContext | undefined> {
  const hash = hashToken(token);
  if (cacheMs <= 0) return lookup(db, hash);
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.ctx;
  const ctx = await lookup(db, hash);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(hash, { ctx, until: now + cacheMs });
  return ctx;
}

async function lookup(db: DataSource, hash: string): Promise<RequestContext | undefined> {
  const rows: SessionRow[] = await db.query(
    `SELECT s.user_id, u.email, s.municipality_id, s.csrf_token, u.is_admin, u.is_case_officer,
            (SELECT array_agg(m.body_id) FROM current_membership m WHERE m.user_id = u.id) AS body_ids,
            COALESCE(u.language, mu.language_form) AS language
       FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN municipality mu ON mu.id = u.municipality_id
      WHERE s.id_hash = $1 AND s.expires_at > now() AND u.status = 'active'`,
    [hash],
  );
  const row = rows[0];
  return row ? contextOf(row, hash) : undefined;
}

/**
 * A personal calendar feed's token (`/api/calendar-feeds/<token>`) to its owner's context, read afresh on every
 * request (no cache: a revoked token is refused at once), or undefined. The person must still be active. The
 * context carries no CSRF token: the feed only reads.
 */
export async function resolveCalendarToken(db: DataSource, token: string): Promise<RequestContext | undefined> {
  const hash = hashToken(token);
  const rows: SessionRow[] = await db.query(
    `SELECT t.user_id, u.email, t.municipality_id, '' AS csrf_token, u.is_admin, u.is_case_officer,
            (SELECT array_agg(m.body_id) FROM current_membership m WHERE m.user_id = u.id) AS body_ids,
            COALESCE(u.language, mu.language_form) AS language
       FROM calendar_token t JOIN app_user u ON u.id = t.user_id AND u.municipality_id = t.municipality_id
       JOIN municipality mu ON mu.id = u.municipality_id
      WHERE t.token_sha256 = $1 AND u.status = 'active'`,
    [hash],
  );
  const row = rows[0];
  return row ? contextOf(row, '') : undefined;
}

function contextOf(row: SessionRow, hash: string): RequestContext {
  const roles = new Set<AppRole>(['public']);
  const bodyIds = new Set(row.body_ids ?? []);
  if (bodyIds.size > 0) roles.add('member');
  if (row.is_case_officer) roles.add('case_officer');
  if (row.is_admin) {
    roles.add('admin');
    roles.add('case_officer');
  }
  return {
    userId: row.user_id,
    email: row.email,
    municipalityId: row.municipality_id,
    roles,
    bodyIds,
    csrfToken: row.csrf_token,
    sessionHash: hash,
    language: row.language,
  };
}
