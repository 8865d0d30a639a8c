import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { LoginOptionsResponse, OidcRole } from '@samrad/shared/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { hashToken } from '../../platform/auth/session.js';
import { AuditService } from '../audit/audit.service.js';
import { UserAccountsService } from '../users/user-accounts.service.js';
import { AuthService } from './auth.service.js';
import { decryptSecret, nationalIdHmac } from './oidc-crypto.js';
import { OIDC_CALLBACK_PATH } from './oidc-providers.service.js';
import type { OidcLoginStateRow, OidcProviderRow } from './oidc.rows.js';

/** How long a log-in under way may take at the provider. */
const STATE_TTL_MS = 10 * 60 * 1000;
const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * Why a log-in through a provider was refused; the log-in page says it in the person's language
 * (`/logg-inn?feil=<code>`, i18n `login.oidc.<code>`).
 */
export type OidcRefusal = 'state' | 'provider' | 'unavailable' | 'token' | 'claim' | 'no-account' | 'disabled' | 'role';

export type OidcCallbackResult =
  { ok: true; token: string; expiresAt: Date; next: string } | { ok: false; refusal: OidcRefusal; next?: string };

/** A path inside Samråd to go to after log-in (never another site). */
export const safeNext = (next: string | null | undefined) =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && next.length <= 1000 ? next : undefined;

/**
 * OpenID Connect log-in (authorization code with PKCE, state and nonce; `openid-client`): starts the log-in at a
 * municipality's provider, validates its answer (the ID token's signature, issuer, audience, nonce and expiry), links
 * the person by a verified claim (e-mail, or the national identity number as a keyed hash), and opens the same
 * session as the password log-in. Log-out ends the provider's session too (RP-initiated), and the provider's
 * back-channel log-out ends the sessions of its `sid` or `sub` here.
 */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger('OidcLogin');
  /** Discovery per provider and version (a changed provider is discovered afresh). */
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(UserAccountsService) private readonly accounts: UserAccountsService,
  ) {}

  /** The log-in page's buttons: the enabled providers of every municipality (or of the one named by its slug). */
  async options(slug?: string): Promise<LoginOptionsResponse> {
    const rows: { slug: string; name: string; password_login: boolean; id: string | null; provider: string | null; kind: string | null }[] =
      await this.db.query(
        `SELECT m.slug, m.name, m.password_login, p.id, p.name AS provider, p.kind
           FROM municipality m LEFT JOIN oidc_provider p ON p.municipality_id = m.id AND p.enabled
          WHERE ($1::text IS NULL OR m.slug = $1) AND ($1::text IS NOT NULL OR p.id IS NOT NULL)
          ORDER BY m.name, lower(p.name)`,
        [slug ?? null],
      );
    const municipalities = new Map<string, LoginOptionsResponse['municipalities'][number]>();
    for (const r of rows) {
      const m = municipalities.get(r.slug) ?? { slug: r.slug, name: r.name, passwordLogin: r.password_login, providers: [] };
      municipalities.set(r.slug, m);
      if (r.id) m.providers.push({ id: r.id, name: r.provider!, kind: r.kind as OidcProviderRow['kind'] });
    }
    return { municipalities: [...municipalities.values()] };
  }

  /** The provider's authorization address for a new log-in (state, nonce and PKCE verifier kept here, single use). */
  async start(providerId: string, next: string | undefined): Promise<{ url: string } | { refusal: OidcRefusal }> {
    const provider = await this.enabledProvider(providerId);
    if (!provider) return { refusal: 'provider' };
    let configuration: oidc.Configuration;
    try {
      configuration = await this.configuration(provider);
    } catch (error) {
      this.logger.warn(`discovery of ${provider.issuer} failed: ${(error as Error).message}`);
      return { refusal: 'unavailable' };
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    await this.db.query(`DELETE FROM oidc_login_state WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO oidc_login_state (state_sha256, provider_id, nonce, code_verifier, next_path, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [hashToken(state), provider.id, nonce, verifier, safeNext(next) ?? null, new Date(Date.now() + STATE_TTL_MS)],
    );
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: provider.scopes,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href };
  }

  /** The provider's answer (`/api/auth/oidc/callback?code&state`): a new session, or why not. */
  async callback(query: URLSearchParams, previousToken: string | undefined): Promise<OidcCallbackResult> {
    const state = query.get('state');
    if (!state) return { ok: false, refusal: 'state' };
    const [[login]]: [OidcLoginStateRow[], number] = await this.db.query(
      `DELETE FROM oidc_login_state WHERE state_sha256 = $1 RETURNING *`,
      [hashToken(state)],
    );
    if (!login || login.expires_at.getTime() < Date.now()) return { ok: false, refusal: 'state' };
    const next = login.next_path ?? undefined;
    const provider = await this.enabledProvider(login.provider_id);
    if (!provider) return { ok: false, refusal: 'provider', next };
    if (query.has('error')) {
      await this.refused(provider, 'provider', null, query.get('error'));
      return { ok: false, refusal: 'provider', next };
    }

    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    let configuration: oidc.Configuration;
    try {
      configuration = await this.configuration(provider);
      const currentUrl = new URL(`${this.redirectUri()}?${query.toString()}`);
      tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      await this.refused(provider, 'token', null, (error as Error).message);
      return { ok: false, refusal: 'token', next };
    }
    const claims: Record<string, unknown> & { sub: string } = { ...tokens.claims()! };
    let value = claims[provider.claim];
    if (value === undefined && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      try {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        value = info[provider.claim];
        for (const k of ['email_verified', 'name', 'given_name', 'family_name', 'email'] as const) claims[k] ??= info[k];
      } catch (error) {
        this.logger.warn(`userinfo from ${provider.issuer} failed: ${(error as Error).message}`);
      }
    }
    const byNationalId = provider.kind === 'idporten' || provider.claim === 'pid';
    // A claim the provider says is not verified never links an account.
    const unverified = !byNationalId && claims[`${provider.claim}_verified`] === false;
    if (typeof value !== 'string' || value.trim() === '' || unverified) {
      await this.refused(provider, 'claim', null, `claim ${provider.claim} missing or unverified`);
      return { ok: false, refusal: 'claim', next };
    }

    const found = await this.db.transaction(async (m) => {
      let user = byNationalId
        ? await this.byNationalId(m, provider, value)
        : await this.accounts.byEmailForLogin(m, provider.municipality_id, value);
      if (!user) {
        if (!provider.auto_create || !provider.default_role) return { refusal: 'no-account' as const, userId: undefined };
        const name = nameOf(claims) ?? (byNationalId ? 'Innbygger' : value);
        const email = byNationalId
          ? typeof claims.email === 'string' && claims.email_verified === true
            ? claims.email
            : `${randomUUID()}@id-porten.invalid`
          : value;
        const created = await this.accounts.createFromLogin(m, provider.municipality_id, {
          email,
          name,
          caseOfficer: provider.default_role === 'case_officer',
        });
        if (byNationalId)
          await m.query(`INSERT INTO oidc_national_id (user_id, municipality_id, pid_hmac) VALUES ($1, $2, $3)`, [
            created.id,
            provider.municipality_id,
            nationalIdHmac(this.config, value),
          ]);
        await this.audit.record(m, { municipalityId: provider.municipality_id, userId: created.id }, 'create', 'user', created.id, null, {
          name,
          createdBy: provider.name,
          role: provider.default_role,
        });
        user = { ...created, status: 'active' as const };
      }
      if (user.status === 'disabled') return { refusal: 'disabled' as const, userId: user.id };
      const roles = await this.rolesOf(m, user.id);
      if (!roles.every((r) => provider.allowed_roles.includes(r))) return { refusal: 'role' as const, userId: user.id };
      if (user.status === 'invited') await this.accounts.activate(m, user.id);
      return { refusal: undefined, userId: user.id };
    });
    if (found.refusal) {
      await this.refused(provider, found.refusal, found.userId ?? null, null);
      return { ok: false, refusal: found.refusal, next };
    }
    const session = await this.auth.createSession(found.userId, previousToken, {
      providerId: provider.id,
      sid: typeof claims.sid === 'string' ? claims.sid : null,
      sub: claims.sub,
      idToken: tokens.id_token ?? null,
    });
    await this.db.transaction((m) =>
      this.audit.record(m, { municipalityId: provider.municipality_id, userId: found.userId }, 'create', 'oidc_login', provider.id, null, {
        provider: provider.name,
        outcome: 'innlogget',
      }),
    );
    return { ok: true, ...session, next: next ?? '/' };
  }

  /** Where to send the browser after log-out, so the provider ends its session too (when it offers that). */
  async endSessionUrl(ended: { providerId: string | null; idToken: string | null } | null): Promise<string | undefined> {
    if (!ended?.providerId) return undefined;
    const provider = await this.enabledProvider(ended.providerId);
    if (!provider) return undefined;
    try {
      const configuration = await this.configuration(provider);
      if (!configuration.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(configuration, {
        ...(ended.idToken ? { id_token_hint: ended.idToken } : {}),
        post_logout_redirect_uri: `${this.config.APP_URL.replace(/\/$/, '')}/logg-inn`,
      }).href;
    } catch {
      return undefined;
    }
  }

  /**
   * A provider's back-channel log-out: the logout token must be signed by the provider that issued it, to this
   * client, with the back-channel event and without a nonce; the sessions of its `sid` (or else its `sub`) end.
   * Returns false when the token is not good.
   */
  async backchannelLogout(logoutToken: string): Promise<boolean> {
    let unverified: ReturnType<typeof decodeJwt>;
    try {
      unverified = decodeJwt(logoutToken);
    } catch {
      return false;
    }
    const audiences = typeof unverified.aud === 'string' ? [unverified.aud] : (unverified.aud ?? []);
    const providers: OidcProviderRow[] = await this.db.query(
      `SELECT * FROM oidc_provider WHERE enabled AND rtrim(issuer, '/') = rtrim($1, '/') AND client_id = ANY($2)`,
      [unverified.iss ?? '', audiences],
    );
    for (const provider of providers) {
      try {
        const configuration = await this.configuration(provider);
        const metadata = configuration.serverMetadata();
        const { payload } = await jwtVerify(logoutToken, createRemoteJWKSet(new URL(metadata.jwks_uri!)), {
          issuer: metadata.issuer,
          audience: provider.client_id,
          maxTokenAge: '5 minutes',
        });
        const events = payload.events as Record<string, unknown> | undefined;
        if (!events || !(BACKCHANNEL_EVENT in events) || 'nonce' in payload) return false;
        const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
        const sub = typeof payload.sub === 'string' ? payload.sub : undefined;
        if (!sid && !sub) return false;
        await this.auth.endProviderSessions(provider.id, { sid, sub });
        return true;
      } catch (error) {
        this.logger.warn(`back-channel log-out from ${provider.issuer} refused: ${(error as Error).message}`);
      }
    }
    return false;
  }

  private redirectUri() {
    return this.config.APP_URL.replace(/\/$/, '') + OIDC_CALLBACK_PATH;
  }

  private async enabledProvider(id: string): Promise<OidcProviderRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row]: OidcProviderRow[] = await this.db.query(`SELECT * FROM oidc_provider WHERE id = $1 AND enabled`, [id]);
    return row;
  }

  private configuration(provider: OidcProviderRow): Promise<oidc.Configuration> {
    const key = `${provider.id}:${provider.version}`;
    let found = this.configurations.get(key);
    if (!found) {
      const secret = provider.client_secret_enc ? decryptSecret(this.config, provider.client_secret_enc) : undefined;
      const insecure = provider.issuer.startsWith('http://');
      found = oidc.discovery(
        new URL(provider.issuer),
        provider.client_id,
        undefined,
        secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
        insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      );
      found.catch(() => this.configurations.delete(key));
      this.configurations.set(key, found);
    }
    return found;
  }

  private async byNationalId(m: EntityManager, provider: OidcProviderRow, pid: string) {
    const [row]: { user_id: string }[] = await m.query(
      `SELECT user_id FROM oidc_national_id WHERE municipality_id = $1 AND pid_hmac = $2`,
      [provider.municipality_id, nationalIdHmac(this.config, pid)],
    );
    if (!row) return null;
    const status = await this.accounts.statusOf(m, provider.municipality_id, row.user_id);
    return status ? { id: row.user_id, status } : null;
  }

  /** The person's roles as a provider's rule names them: a person with none of the others is a participant. */
  private async rolesOf(m: EntityManager, userId: string): Promise<OidcRole[]> {
    const [row]: { is_admin: boolean; is_case_officer: boolean; member: boolean }[] = await m.query(
      `SELECT u.is_admin, u.is_case_officer, EXISTS (SELECT 1 FROM current_membership c WHERE c.user_id = u.id) AS member
         FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    const roles: OidcRole[] = [];
    if (row?.is_admin) roles.push('admin');
    if (row?.is_case_officer) roles.push('case_officer');
    if (row?.member) roles.push('member');
    return roles.length ? roles : ['participant'];
  }

  private async refused(provider: OidcProviderRow, refusal: OidcRefusal, userId: string | null, detail: string | null): Promise<void> {
    this.logger.log(`log-in through ${provider.name} refused (${refusal})${detail ? `: ${detail}` : ''}`);
    await this.db.transaction((m) =>
      this.audit.record(m, { municipalityId: provider.municipality_id, userId: null }, 'create', 'oidc_login', provider.id, null, {
        provider: provider.name,
        outcome: `avvist: ${refusal}`,
        ...(userId ? { user: userId } : {}),
      }),
    );
  }
}

function nameOf(claims: Record<string, unknown>): string | undefined {
  if (typeof claims.name === 'string' && claims.name.trim()) return claims.name.trim();
  const parts = [claims.given_name, claims.family_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length ? parts.join(' ') : undefined;
}
