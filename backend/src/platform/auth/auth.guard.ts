import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AppRole } from '@samrad/shared/contracts';
import { Forbidden, Unauthorized } from '../http/errors.js';
import { ACCESS_KEY, type AccessRule } from './access.js';
import type { RequestContext } from './context.js';
import { CSRF_HEADER, SESSION_COOKIE, hashToken } from './session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface SessionRow {
  user_id: string;
  municipality_id: string;
  csrf_token: string;
  is_admin: boolean;
  is_case_officer: boolean;
  body_ids: string[] | null;
}

/**
 * Resolves the session cookie to a {@link RequestContext}, enforces CSRF on state changes, and
 * checks the route's access rule. Deny by default: a route without a rule is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private scrapeTokenOk(req: FastifyRequest): boolean {
    const token = this.config.METRICS_TOKEN;
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return !!token && !!given && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (!rules || rules.length === 0) throw new Forbidden('Ruten mangler tilgangsregel');

    const token = req.cookies?.[SESSION_COOKIE];
    if (token) req.auth = await this.resolve(token);
    if (rules.includes('public')) return true;
    if (rules.includes('metrics_scraper') && this.scrapeTokenOk(req)) return true;
    const auth = req.auth;
    if (!auth) throw new Unauthorized();
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new Forbidden('Skjemaet er utløpt eller mangler sikkerhetsnøkkel (CSRF). Last inn siden på nytt.');
    }
    if (rules.includes('authenticated') || auth.roles.has('admin')) return true;
    if (rules.some((r) => auth.roles.has(r as AppRole))) return true;
    throw new Forbidden();
  }

  private async resolve(token: string): Promise<RequestContext | undefined> {
    const hash = hashToken(token);
    const rows: SessionRow[] = await this.db.query(
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
}
