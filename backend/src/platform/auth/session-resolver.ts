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

/** The session cookie's token to the caller's context (roles, current bodies), or undefined. */
export async function resolveSession(db: DataSource, token: string): Promise<RequestContext | undefined> {
  const hash = hashToken(token);
  const rows: SessionRow[] = await db.query(
    `SELECT s.user_id, s.municipality_id, s.csrf_token, u.is_admin, u.is_case_officer,
            (SELECT array_agg(m.body_id) FROM membership m
              WHERE m.user_id = u.id AND m.valid_from <= current_date AND (m.valid_to IS NULL OR m.valid_to >= current_date)) AS body_ids
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