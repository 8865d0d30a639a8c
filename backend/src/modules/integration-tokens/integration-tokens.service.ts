import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  INTEGRATION_TOKEN_PREFIX,
  READ_MUNICIPALITY_ROUTES,
  type CreateIntegrationToken,
  type IntegrationScope,
} from '@samrad/shared/contracts';
import { osloDate } from '@samrad/shared/domain';
import type { Language } from '@samrad/shared/i18n';
import type { BearerAuthority, BearerRequest } from '../../platform/auth/bearer.js';
import { anonymousReader, type RequestContext } from '../../platform/auth/context.js';
import { hashToken, newToken } from '../../platform/auth/session.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { Forbidden, NotFound, Unauthorized, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { IntegrationTokenRow } from './integration-tokens.rows.js';

const INVALID = 'Tokenet er ugyldig, utløpt eller trukket tilbake';
const NOT_OPENED = 'Tokenet gir ikke tilgang til dette';
/** How many characters of the secret stay readable in the list, to tell tokens apart (`samrad_` and five more). */
const PREFIX_LENGTH = INTEGRATION_TOKEN_PREFIX.length + 5;
const READ_MUNICIPALITY: ReadonlySet<string> = new Set(READ_MUNICIPALITY_ROUTES);
const ARCHIVE_EXPORT = '/api/cases/:id/arkivuttrekk';
const PUBLIC_ROUTE = /^\/api\/public\/:slug\//;

type ListedRow = IntegrationTokenRow & { created_by_name: string | null; uses: number };

const listed = (r: ListedRow) => ({
  id: r.id,
  name: r.name,
  system: r.system,
  scopes: r.scopes as IntegrationScope[],
  prefix: r.prefix,
  expiresAt: r.expires_at.toISOString(),
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by_name,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  uses: Number(r.uses),
});

/**
 * Integration tokens (#21): made and revoked by an administrator, and the authority the guard asks about a request
 * with `Authorization: Bearer samrad_…` (see BearerAuthority). A token is looked up by the SHA-256 of its secret on
 * every request, with no cache, so a revocation holds at once in every API process; each request made with a known
 * token adds one row to `integration_token_use` (allowed or refused), in the same statement that moves `last_used_at`
 * (at most once a minute, so a busy integration does not rewrite its token row on every request).
 */
@Injectable()
export class IntegrationTokensService implements BearerAuthority {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext) {
    const rows: ListedRow[] = await this.db.query(
      `SELECT t.*, u.name AS created_by_name, (SELECT count(*) FROM integration_token_use x WHERE x.token_id = t.id)::int AS uses
         FROM integration_token t LEFT JOIN app_user u ON u.id = t.created_by
        WHERE t.municipality_id = $1 ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC`,
      [ctx.municipalityId],
    );
    return { tokens: rows.map(listed) };
  }

  private async one(ctx: RequestContext, id: string) {
    const [row]: ListedRow[] = await this.db.query(
      `SELECT t.*, u.name AS created_by_name, (SELECT count(*) FROM integration_token_use x WHERE x.token_id = t.id)::int AS uses
         FROM integration_token t LEFT JOIN app_user u ON u.id = t.created_by
        WHERE t.municipality_id = $1 AND t.id = $2`,
      [ctx.municipalityId, id],
    );
    if (!row) throw new NotFound('Fant ikke tokenet');
    return listed(row);
  }

  /** A new token; its secret is in this answer only (stored as its SHA-256). It expires at the end of `expiresOn` (Oslo). */
  async create(ctx: RequestContext, input: CreateIntegrationToken) {
    const today = osloDate(this.clock.now());
    if (input.expiresOn < today) throw ValidationFailed.field('expiresOn', 'Utløpsdatoen må være fram i tid');
    const latest = new Date(`${today}T12:00:00Z`);
    latest.setUTCDate(latest.getUTCDate() + 731);
    if (input.expiresOn > latest.toISOString().slice(0, 10))
      throw ValidationFailed.field('expiresOn', 'Utløpsdatoen kan være høyst to år fram i tid');
    const secret = `${INTEGRATION_TOKEN_PREFIX}${newToken(32)}`;
    const scopes = [...new Set(input.scopes)];
    const id = await this.db.transaction(async (m) => {
      const [row]: { id: string; expires_at: Date }[] = await m.query(
        `INSERT INTO integration_token (municipality_id, name, system, scopes, prefix, token_sha256, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, (($7::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'), $8) RETURNING id, expires_at`,
        [
          ctx.municipalityId,
          input.name,
          input.system,
          scopes,
          secret.slice(0, PREFIX_LENGTH),
          hashToken(secret),
          input.expiresOn,
          ctx.userId,
        ],
      );
      await this.audit.record(m, ctx, 'create', 'integration_token', row!.id, null, {
        name: input.name,
        system: input.system,
        scopes,
        expiresAt: row!.expires_at,
      });
      return row!.id;
    });
    return { token: await this.one(ctx, id), secret };
  }

  /** Revokes a token at once (again is a no-op); the next request with it is refused in every API process. */
  async revoke(ctx: RequestContext, id: string) {
    await this.db.transaction(async (m) => {
      const [row]: Pick<IntegrationTokenRow, 'revoked_at'>[] = await m.query(
        `SELECT revoked_at FROM integration_token WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
        [id, ctx.municipalityId],
      );
      if (!row) throw new NotFound('Fant ikke tokenet');
      if (row.revoked_at) return;
      await m.query(`UPDATE integration_token SET revoked_at = now(), revoked_by = $2 WHERE id = $1`, [id, ctx.userId]);
      await this.audit.record(m, ctx, 'update', 'integration_token', id, { revoked: false }, { revoked: true });
    });
    return this.one(ctx, id);
  }

  async authorize(secret: string, request: BearerRequest): Promise<RequestContext> {
    const rows: (Pick<IntegrationTokenRow, 'id' | 'municipality_id' | 'scopes' | 'created_by'> & {
      slug: string;
      language: Language;
      valid: boolean;
    })[] = await this.db.query(
      `SELECT t.id, t.municipality_id, t.scopes, t.created_by, mu.slug, mu.language_form AS language,
              (t.revoked_at IS NULL AND t.expires_at > $2) AS valid
         FROM integration_token t JOIN municipality mu ON mu.id = t.municipality_id
        WHERE t.token_sha256 = $1`,
      [hashToken(secret), this.clock.now()],
    );
    const token = rows[0];
    if (!token) throw new Unauthorized(INVALID);
    const ctx = token.valid ? this.contextFor(token, request) : undefined;
    await this.db.query(
      `WITH touched AS (
         UPDATE integration_token SET last_used_at = now()
          WHERE id = $1 AND $4 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') RETURNING id
       )
       INSERT INTO integration_token_use (token_id, method, route, allowed) VALUES ($1, $2, $3, $4)`,
      [token.id, request.method, request.path.slice(0, 500), ctx !== undefined],
    );
    if (!token.valid) throw new Unauthorized(INVALID);
    if (!ctx) throw new Forbidden(NOT_OPENED);
    return ctx;
  }

  /** The context a token's request reads as, or undefined where its scopes do not open the route. Only GET. */
  private contextFor(
    token: { id: string; municipality_id: string; scopes: string[]; created_by: string | null; slug: string; language: Language },
    request: BearerRequest,
  ): RequestContext | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const scopes = new Set(token.scopes);
    const base = {
      email: '',
      municipalityId: token.municipality_id,
      bodyIds: new Set<string>(),
      csrfToken: '',
      sessionHash: '',
      language: token.language,
    };
    // The public API of the token's own municipality, read as the public reads it.
    if (scopes.has('read_public') && PUBLIC_ROUTE.test(request.route) && request.params.slug === token.slug)
      return { ...anonymousReader(token.municipality_id), language: token.language };
    // An internal reader with no role and no body: public cases in full, exempt ones by their screened title.
    // The token's id stands for the reader (no author, member or invitee has it), so it reads no one's own things.
    if (scopes.has('read_municipality') && READ_MUNICIPALITY.has(request.route))
      return { ...base, userId: token.id, roles: new Set(['public']) };
    // The archive's export, for the administrator who made the token (the arkivuttrekk names them as its exporter).
    if (scopes.has('export_archive') && request.route === ARCHIVE_EXPORT && token.created_by)
      return { ...base, userId: token.created_by, roles: new Set(['public', 'case_officer']) };
    return undefined;
  }
}
