import type { AppRole } from '@samrad/shared/contracts';
import type { DataSource } from 'typeorm';
import type { RequestContext } from './context.js';
import { hashToken } from './session.js';

interface SessionRow {
  user_id: string;
  municipality_id: string;
  csrf_token: string;
  is_admin: boolean;
  is_case_officer: boolean;
  body_ids: string[] | null;
}

/**
 * A short-lived cache of resolved sessions (every request resolves one). Within this process any
 * change that affects a session (log-out, new password, a disabled user, new roles or memberships)
 * clears it at once; other processes see the change within the cache's lifetime.
 */
const cache = new Map<string, { ctx: RequestContext | undefined; until: number }>();
const CACHE_MAX = 10_000;
let cacheMs = 1000;

export function configureSessionCache(ms: number): void {
  cacheMs = ms;
  cache.clear();
}

/** Clears the cache once `change` has committed (and also if it failed: nothing is lost by that). */
export async function afterSessionChange<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    cache.clear();
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
    `SELECT s.user_id, s.municipality_id, s.csrf_token, u.is_admin, u.is_case_officer,
            (SELECT array_agg(m.body_id) FROM current_membership m WHERE m.user_id = u.id) AS body_ids
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.id_hash = $1 AND s.expires_at > now() AND u.status = 'active'`,
    [hash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const roles = new Set<AppRole>(['public']);
  const bodyIds = new Set(row.body_ids ?? []);
  if (bodyIds.size > 0) roles.add('member');
  if (row.is_case_officer) roles.add('case_officer');
  if (row.is_admin) {
    roles.add('admin');
    roles.add('case_officer');
  }
  return { userId: row.user_id, municipalityId: row.municipality_id, roles, bodyIds, csrfToken: row.csrf_token, sessionHash: hash };
}