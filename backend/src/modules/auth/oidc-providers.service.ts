import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  defaultOidcClaim,
  type CreateOidcProvider,
  type OidcProviderResponse,
  type OidcSettingsResponse,
  type UpdateOidcProvider,
} from '@samrad/shared/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { UserAccountsService } from '../users/user-accounts.service.js';
import { encryptSecret, nationalIdHmac } from './oidc-crypto.js';
import type { OidcProviderRow } from './oidc.rows.js';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const NAME_TAKEN = 'Det finnes allerede en innlogging med dette navnet';
const NOT_FOUND = 'Fant ikke innloggingen';

/** What the audit trail keeps of a provider (never its secret, only whether there is one). */
const audited = (p: OidcProviderRow) => ({
  name: p.name,
  kind: p.kind,
  issuer: p.issuer,
  clientId: p.client_id,
  hasSecret: p.client_secret_enc !== null,
  scopes: p.scopes,
  claim: p.claim,
  allowedRoles: p.allowed_roles,
  autoCreate: p.auto_create,
  defaultRole: p.default_role,
  enabled: p.enabled,
});

export const providerResponse = (p: OidcProviderRow): OidcProviderResponse => ({ id: p.id, ...audited(p), version: p.version });

/**
 * A municipality's OpenID Connect providers, configured by its administrators (`/api/oidc-providers`): the client
 * secret is write-only and stored encrypted; every change is audited. Also the municipality's choice to turn
 * password log-in off, and the link of a person to their national identity number (stored as a keyed hash).
 */
@Injectable()
export class OidcProvidersService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(UserAccountsService) private readonly accounts: UserAccountsService,
  ) {}

  redirectUri(): string {
    return this.config.APP_URL.replace(/\/$/, '') + OIDC_CALLBACK_PATH;
  }

  async settings(ctx: RequestContext): Promise<OidcSettingsResponse> {
    const rows: OidcProviderRow[] = await this.db.query(`SELECT * FROM oidc_provider WHERE municipality_id = $1 ORDER BY lower(name)`, [
      ctx.municipalityId,
    ]);
    return {
      providers: rows.map(providerResponse),
      passwordLogin: await this.municipalities.passwordLogin(ctx.municipalityId),
      redirectUri: this.redirectUri(),
    };
  }

  async create(ctx: RequestContext, input: CreateOidcProvider): Promise<OidcProviderResponse> {
    return this.db.transaction(async (m) => {
      await this.assertNameFree(m, ctx, input.name);
      const [row]: OidcProviderRow[] = await m.query(
        `INSERT INTO oidc_provider (municipality_id, name, kind, issuer, client_id, client_secret_enc, scopes, claim, allowed_roles,
                                    auto_create, default_role, enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
        [
          ctx.municipalityId,
          input.name,
          input.kind,
          input.issuer.replace(/\/$/, ''),
          input.clientId,
          input.clientSecret ? encryptSecret(this.config, input.clientSecret) : null,
          input.scopes.trim().replace(/\s+/g, ' '),
          input.claim || defaultOidcClaim(input.kind),
          input.allowedRoles,
          input.autoCreate,
          input.defaultRole,
          input.enabled,
        ],
      );
      await this.audit.record(m, ctx, 'create', 'oidc_provider', row!.id, null, audited(row!));
      return providerResponse(row!);
    });
  }

  /** Changes only the fields sent, on the version read; an empty secret removes it, a missing one keeps it. */
  async update(ctx: RequestContext, id: string, patch: UpdateOidcProvider): Promise<OidcProviderResponse> {
    return this.db.transaction(async (m) => {
      const before = await this.lockOne(m, ctx, id);
      if (patch.version !== before.version) throw new StaleVersion(providerResponse(before));
      if (patch.name !== undefined && patch.name.toLowerCase() !== before.name.toLowerCase()) await this.assertNameFree(m, ctx, patch.name);
      const next = {
        name: patch.name ?? before.name,
        kind: patch.kind ?? before.kind,
        issuer: patch.issuer?.replace(/\/$/, '') ?? before.issuer,
        client_id: patch.clientId ?? before.client_id,
        client_secret_enc:
          patch.clientSecret === undefined
            ? before.client_secret_enc
            : patch.clientSecret === ''
              ? null
              : encryptSecret(this.config, patch.clientSecret),
        scopes: patch.scopes?.trim().replace(/\s+/g, ' ') ?? before.scopes,
        claim: patch.claim ?? before.claim,
        allowed_roles: patch.allowedRoles ?? before.allowed_roles,
        auto_create: patch.autoCreate ?? before.auto_create,
        default_role: patch.defaultRole !== undefined ? patch.defaultRole : before.default_role,
        enabled: patch.enabled ?? before.enabled,
      };
      if (next.auto_create && !next.default_role) throw ValidationFailed.field('defaultRole', 'Velg en standardrolle for nye kontoer');
      const [[row]]: [OidcProviderRow[], number] = await m.query(
        `UPDATE oidc_provider SET name = $3, kind = $4, issuer = $5, client_id = $6, client_secret_enc = $7, scopes = $8, claim = $9,
                allowed_roles = $10, auto_create = $11, default_role = $12, enabled = $13, version = version + 1, updated_at = now()
          WHERE id = $1 AND municipality_id = $2 RETURNING *`,
        [
          id,
          ctx.municipalityId,
          next.name,
          next.kind,
          next.issuer,
          next.client_id,
          next.client_secret_enc,
          next.scopes,
          next.claim,
          next.allowed_roles,
          next.auto_create,
          next.default_role,
          next.enabled,
        ],
      );
      // A secret changed to another: the audit trail says so (the values are never kept).
      const changedSecret = patch.clientSecret !== undefined && patch.clientSecret !== '' && before.client_secret_enc !== null;
      await this.audit.record(
        m,
        ctx,
        'update',
        'oidc_provider',
        id,
        { ...audited(before), ...(changedSecret ? { secret: 'før' } : {}) },
        { ...audited(row!), ...(changedSecret ? { secret: 'ny' } : {}) },
      );
      if (!(await this.passwordLoginSafe(m, ctx))) throw ValidationFailed.field('enabled', PASSWORD_OFF_NEEDS_PROVIDER);
      return providerResponse(row!);
    });
  }

  /**
   * Password log-in on or off for the municipality. Off only while an enabled provider lets administrators in, so
   * the municipality is never locked out (the operators in OPERATOR_EMAILS keep their password in any case).
   */
  async setPasswordLogin(ctx: RequestContext, passwordLogin: boolean): Promise<OidcSettingsResponse> {
    await this.db.transaction(async (m) => {
      await this.municipalities.setPasswordLogin(m, ctx, passwordLogin);
      if (!(await this.passwordLoginSafe(m, ctx))) throw ValidationFailed.field('passwordLogin', PASSWORD_OFF_NEEDS_PROVIDER);
    });
    return this.settings(ctx);
  }

  /** Links a person to their national identity number (ID-porten's `pid`); only its HMAC-SHA-256 is stored. */
  async setNationalId(ctx: RequestContext, userId: string, nationalId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.accounts.statusOf(m, ctx.municipalityId, userId))) throw new NotFound('Fant ikke personen');
      const hmac = nationalIdHmac(this.config, nationalId);
      const [other]: { user_id: string }[] = await m.query(
        `SELECT user_id FROM oidc_national_id WHERE municipality_id = $1 AND pid_hmac = $2 AND user_id <> $3`,
        [ctx.municipalityId, hmac, userId],
      );
      if (other) throw ValidationFailed.field('nationalId', 'Fødselsnummeret er allerede knyttet til en annen person');
      await m.query(
        `INSERT INTO oidc_national_id (user_id, municipality_id, pid_hmac) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET pid_hmac = EXCLUDED.pid_hmac, created_at = now()`,
        [userId, ctx.municipalityId, hmac],
      );
      await this.audit.record(m, ctx, 'update', 'user', userId, { nationalId: null }, { nationalId: 'knyttet (nøkkelhash)' });
    });
  }

  private async passwordLoginSafe(m: EntityManager, ctx: RequestContext): Promise<boolean> {
    if (await this.municipalities.passwordLogin(ctx.municipalityId, m)) return true;
    const [row]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM oidc_provider WHERE municipality_id = $1 AND enabled AND 'admin' = ANY(allowed_roles)`,
      [ctx.municipalityId],
    );
    return (row?.n ?? 0) > 0;
  }

  private async lockOne(m: EntityManager, ctx: RequestContext, id: string): Promise<OidcProviderRow> {
    const [row]: OidcProviderRow[] = await m.query(`SELECT * FROM oidc_provider WHERE id = $1 AND municipality_id = $2 FOR UPDATE`, [
      id,
      ctx.municipalityId,
    ]);
    if (!row) throw new NotFound(NOT_FOUND);
    return row;
  }

  private async assertNameFree(m: EntityManager, ctx: RequestContext, name: string): Promise<void> {
    const [taken]: { id: string }[] = await m.query(`SELECT id FROM oidc_provider WHERE municipality_id = $1 AND lower(name) = lower($2)`, [
      ctx.municipalityId,
      name,
    ]);
    if (taken) throw ValidationFailed.field('name', NAME_TAKEN);
  }
}

const PASSWORD_OFF_NEEDS_PROVIDER = 'Passordinnlogging kan ikke slås av før minst én innlogging for administratorer er slått på';
