import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AppRole } from '@samrad/shared/contracts';
import { Forbidden, Unauthorized } from '../http/errors.js';
import { ACCESS_KEY, type AccessRule } from './access.js';
import { BEARER_AUTHORITY, type BearerAuthority } from './bearer.js';
import { isOperator, OPERATORS_ONLY } from './operators.js';
import { CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE } from './session.js';
import { resolveSession } from './session-resolver.js';

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
    @Optional() @Inject(BEARER_AUTHORITY) private readonly bearer?: BearerAuthority,
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

    // An integration token (`Bearer samrad_…`) decides alone: its scopes, not the route's roles (see BearerAuthority).
    const integration = /^Bearer (samrad_\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (integration && this.bearer) {
      const params = (req.params ?? {}) as Record<string, string | undefined>;
      req.auth = await this.bearer.authorize(integration, {
        method: req.method,
        route: req.routeOptions.url ?? '',
        path: req.url.split('?')[0] ?? '',
        params,
      });
      return true;
    }

    const token = req.cookies?.[SESSION_COOKIE];
    if (token) req.auth = await resolveSession(this.db, token);
    if (rules.includes('public')) return true;
    if (rules.includes('metrics_scraper') && this.scrapeTokenOk(req)) return true;
    const auth = req.auth;
    if (!auth) throw new Unauthorized();
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new Forbidden('Skjemaet er utløpt eller mangler sikkerhetsnøkkel (CSRF). Last inn siden på nytt.');
    }
    if (rules.includes('operator') && isOperator(auth, this.config)) return true;
    // Installation-wide routes: a municipality's administrator is not let through by their role.
    if (rules.every((r) => r === 'operator' || r === 'metrics_scraper')) throw new Forbidden(OPERATORS_ONLY);
    if (rules.includes('authenticated') || auth.roles.has('admin')) return true;
    if (rules.some((r) => auth.roles.has(r as AppRole))) return true;
    throw new Forbidden();
  }
}
