import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeResponse, UpdateMe } from '@samrad/shared/contracts';
import { say, type Language, type LanguageForm } from '@samrad/shared/i18n';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { Forbidden, StaleVersion, TooManyRequests, Unauthorized, ValidationFailed } from '../../platform/http/errors.js';
import { hashToken, newToken } from '../../platform/auth/session.js';
import { afterSessionChange } from '../../platform/auth/session-resolver.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { CalendarTokensService } from '../meetings/calendar-tokens.service.js';
import { MunicipalitiesService, personLanguageSql } from '../municipalities/municipalities.service.js';
import { UserAccountsService, type UserAccount } from '../users/user-accounts.service.js';
import type { LoginProvider } from './login-provider.js';
import { dummyVerify, hashPassword, verifyPassword } from './password.js';
import { passwordWeakness } from './password-strength.js';
import { AuthToken, Session } from './session.entity.js';

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
const RESET_TTL_MS = 3600 * 1000;
/** Reset links open at once for one person; more requests within the hour send nothing. */
const MAX_OPEN_RESETS = 3;
const IP_FACTOR = 4;

@Injectable()
export class PasswordLoginProvider implements LoginProvider<{ email: string; password: string }> {
  readonly id = 'password';
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async authenticate({ email, password }: { email: string; password: string }): Promise<string | null> {
    const rows: { id: string; password_hash: string | null }[] = await this.db.query(
      `SELECT id, password_hash FROM app_user WHERE lower(email) = lower($1) AND status = 'active'`,
      [email],
    );
    const row = rows[0];
    if (!row?.password_hash) {
      await dummyVerify(password);
      return null;
    }
    return (await verifyPassword(row.password_hash, password)) ? row.id : null;
  }
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PasswordLoginProvider) private readonly passwords: PasswordLoginProvider,
    @Inject(UserAccountsService) private readonly accounts: UserAccountsService,
    @Inject(CalendarTokensService) private readonly calendarTokens: CalendarTokensService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
  ) {}

  /** Checks the password with throttling per e-mail and per IP; returns a new session token. */
  async login(email: string, password: string, ip: string, previousToken?: string): Promise<{ token: string; expiresAt: Date }> {
    const windowStart = new Date(Date.now() - this.config.LOGIN_WINDOW_MINUTES * 60000);
    const [counts]: { by_email: number; by_ip: number; oldest: Date | null }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE lower(email) = lower($1))::int AS by_email,
              count(*) FILTER (WHERE ip = $2)::int AS by_ip,
              min(at) FILTER (WHERE lower(email) = lower($1)) AS oldest
         FROM login_attempt WHERE NOT success AND at > $3 AND (lower(email) = lower($1) OR ip = $2)`,
      [email, ip, windowStart],
    );
    const max = this.config.LOGIN_MAX_ATTEMPTS;
    if (counts!.by_email >= max || counts!.by_ip >= max * IP_FACTOR) {
      const minutes = this.config.LOGIN_WINDOW_MINUTES;
      throw new TooManyRequests(
        `For mange mislykkede innlogginger. Vent ${minutes} minutter og prøv igjen, eller be om nytt passord.`,
        minutes * 60,
      );
    }
    const userId = await this.passwords.authenticate({ email, password });
    await this.db.query(`INSERT INTO login_attempt (email, ip, success) VALUES ($1, $2, $3)`, [email, ip, userId !== null]);
    if (!userId) throw new Unauthorized('Feil e-postadresse eller passord');
    if (!(await this.passwordLoginAllowed(userId))) throw new Forbidden('Kommunen bruker ikke passord. Logg inn med kommunens innlogging.');
    return this.createSession(userId, previousToken);
  }

  /** A municipality that turned passwords off logs in through its providers only; the operators keep their password. */
  async passwordLoginAllowed(userId: string): Promise<boolean> {
    const account = await this.accounts.get(this.db.manager, userId);
    return (
      (await this.municipalities.passwordLogin(account.municipalityId)) ||
      this.config.OPERATOR_EMAILS.some((e) => e.toLowerCase() === account.email.toLowerCase())
    );
  }

  /** A fresh session id on every log-in (no session fixation); the previous one is removed. */
  async createSession(
    userId: string,
    previousToken?: string,
    oidc?: { providerId: string; sid: string | null; sub: string; idToken: string | null },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600 * 1000);
    await afterSessionChange(
      this.db.transaction(async (m) => {
        if (previousToken) await m.delete(Session, { idHash: hashToken(previousToken) });
        const user = await this.accounts.get(m, userId);
        await m.insert(Session, {
          idHash: hashToken(token),
          userId,
          municipalityId: user.municipalityId,
          csrfToken: newToken(24),
          expiresAt,
          oidcProviderId: oidc?.providerId ?? null,
          oidcSid: oidc?.sid ?? null,
          oidcSub: oidc?.sub ?? null,
          oidcIdToken: oidc?.idToken ?? null,
        });
      }),
    );
    return { token, expiresAt };
  }

  /**
   * Ends a person's sessions (all, or all but one) and calendar feed tokens (all), in the caller's transaction; the caller wraps the
   * transaction in `afterSessionChange` so every API process forgets them.
   */
  async endSessions(m: EntityManager, userId: string, options: { except?: string } = {}): Promise<void> {
    if (options.except) await m.query(`DELETE FROM user_session WHERE user_id = $1 AND id_hash <> $2`, [userId, options.except]);
    else await m.delete(Session, { userId });
    // A calendar feed address opens the person's calendar without a session: it ends with them.
    await this.calendarTokens.revokeAll(m, userId);
  }

  /**
   * Ends everything that lets a person in (sessions, calendar feeds, unused invitation and reset links), in the
   * caller's transaction: an anonymised person can never log in again. The caller wraps the transaction in
   * afterSessionChange.
   */
  async endAccess(m: EntityManager, userId: string): Promise<void> {
    await this.endSessions(m, userId);
    await m.query(`DELETE FROM auth_token WHERE user_id = $1`, [userId]);
  }

  /** Ends this session; says which OpenID provider opened it (and its ID token), so its session can end too. */
  async logout(ctx: RequestContext): Promise<{ providerId: string | null; idToken: string | null } | null> {
    // TypeORM answers a DELETE … RETURNING with [rows, count].
    const [[ended]]: [{ oidc_provider_id: string | null; oidc_id_token: string | null }[], number] = await afterSessionChange(
      this.db.query(`DELETE FROM user_session WHERE id_hash = $1 RETURNING oidc_provider_id, oidc_id_token`, [ctx.sessionHash]),
    );
    return ended ? { providerId: ended.oidc_provider_id, idToken: ended.oidc_id_token } : null;
  }

  /** An OpenID provider's back-channel log-out: the sessions it opened for this `sid` (or else this `sub`) end. */
  async endProviderSessions(providerId: string, who: { sid?: string; sub?: string }): Promise<void> {
    await afterSessionChange(
      who.sid
        ? this.db.query(`DELETE FROM user_session WHERE oidc_provider_id = $1 AND oidc_sid = $2`, [providerId, who.sid])
        : this.db.query(`DELETE FROM user_session WHERE oidc_provider_id = $1 AND oidc_sub = $2`, [providerId, who.sub]),
    );
  }

  async me(ctx: RequestContext): Promise<MeResponse> {
    const [row]: {
      id: string;
      name: string;
      email: string;
      title: string;
      language: Language | null;
      version: number;
      municipality_id: string;
      municipality_name: string;
      language_form: LanguageForm;
    }[] = await this.db.query(
      `SELECT u.id, u.name, u.email, u.title, u.language, u.version, m.id AS municipality_id, m.name AS municipality_name, m.language_form
         FROM app_user u JOIN municipality m ON m.id = u.municipality_id WHERE u.id = $1`,
      [ctx.userId],
    );
    const memberships: { body_id: string; body_name: string; role: string; capacity: string }[] = await this.db.query(
      `SELECT b.id AS body_id, b.name AS body_name, ms.role, ms.capacity
         FROM current_membership ms JOIN body b ON b.id = ms.body_id
        WHERE ms.user_id = $1
        ORDER BY b.name`,
      [ctx.userId],
    );
    return {
      id: row!.id,
      name: row!.name,
      email: row!.email,
      title: row!.title,
      language: row!.language,
      version: row!.version,
      municipality: { id: row!.municipality_id, name: row!.municipality_name, languageForm: row!.language_form },
      roles: [...ctx.roles].filter((r) => r !== 'public'),
      memberships: memberships.map((m) => ({ bodyId: m.body_id, bodyName: m.body_name, role: m.role, capacity: m.capacity })),
      csrfToken: ctx.csrfToken,
    };
  }

  /**
   * The person's own settings (`PATCH /api/auth/me`): only the fields sent change (today the language), on
   * the version they read; the session is read afresh, since the API's messages follow the language.
   */
  async updateMe(ctx: RequestContext, patch: UpdateMe): Promise<MeResponse> {
    await afterSessionChange(
      this.db.transaction(async (m) => {
        const { version, ...fields } = patch;
        const changed = await this.accounts.updateOwnSettings(m, ctx, version, fields);
        if (!changed) throw new StaleVersion(await this.me(ctx));
      }),
    );
    return this.me(ctx);
  }

  /** Creates a one-time token and queues its e-mail, in the caller's transaction. */
  async issueToken(m: EntityManager, user: UserAccount, kind: 'invite' | 'reset'): Promise<void> {
    const token = newToken();
    await m.insert(AuthToken, {
      tokenHash: hashToken(token),
      userId: user.id,
      kind,
      expiresAt: new Date(Date.now() + (kind === 'invite' ? INVITE_TTL_MS : RESET_TTL_MS)),
    });
    const base = this.config.APP_URL.replace(/\/$/, '');
    // In the person's language: an invited person has chosen none yet, and gets their municipality's målform.
    const [row]: { language: Language }[] = await m.query(`SELECT ${personLanguageSql('u')} AS language FROM app_user u WHERE u.id = $1`, [
      user.id,
    ]);
    const language = row?.language ?? 'nb';
    const link = kind === 'invite' ? `${base}/invitasjon?token=${token}` : `${base}/nytt-passord?token=${token}`;
    const mail = {
      subject: say(language, kind === 'invite' ? 'mail.invite.subject' : 'mail.reset.subject'),
      text: `${say(language, kind === 'invite' ? 'mail.invite.text' : 'mail.reset.text', { name: user.name, link })}\n\n${say(language, 'mail.signature')}`,
    };
    await this.outbox.enqueue(
      m,
      'mail.send',
      { to: user.email, ...mail, municipalityId: user.municipalityId },
      { dedupKey: `auth-token:${hashToken(token)}` },
    );
  }

  async acceptInvite(token: string, password: string): Promise<string> {
    return this.useToken(token, 'invite', password);
  }

  async resetPassword(token: string, password: string): Promise<string> {
    return this.useToken(token, 'reset', password);
  }

  async requestReset(email: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const user = await this.accounts.activeByEmail(m, email);
      if (!user) return;
      // A reset link lives an hour: a few open at once are enough for someone who lost the first mail,
      // and the limit keeps anyone who knows an address from flooding its inbox. The answer is the same.
      const [row]: { open: number }[] = await m.query(
        `SELECT count(*)::int AS open FROM auth_token WHERE user_id = $1 AND kind = 'reset' AND used_at IS NULL AND expires_at > now()`,
        [user.id],
      );
      if ((row?.open ?? 0) < MAX_OPEN_RESETS) await this.issueToken(m, user, 'reset');
    });
  }

  /**
   * A logged-in person's new password: the current one must be right (a wrong one counts as a failed
   * log-in, so the log-in throttle covers guessing it here too), the new one hard to guess. Every other
   * session of the person ends; this one goes on.
   */
  async changePassword(ctx: RequestContext, current: string, password: string, ip: string): Promise<void> {
    const [user]: { email: string; password_hash: string | null }[] = await this.db.query(
      `SELECT email, password_hash FROM app_user WHERE id = $1`,
      [ctx.userId],
    );
    const windowStart = new Date(Date.now() - this.config.LOGIN_WINDOW_MINUTES * 60000);
    const [failures]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM login_attempt WHERE NOT success AND at > $2 AND lower(email) = lower($1)`,
      [user!.email, windowStart],
    );
    if (failures!.n >= this.config.LOGIN_MAX_ATTEMPTS) {
      const minutes = this.config.LOGIN_WINDOW_MINUTES;
      throw new TooManyRequests(`For mange feil passord. Vent ${minutes} minutter og prøv igjen.`, minutes * 60);
    }
    if (!user!.password_hash || !(await verifyPassword(user!.password_hash, current))) {
      await this.db.query(`INSERT INTO login_attempt (email, ip, success) VALUES ($1, $2, false)`, [user!.email, ip]);
      throw ValidationFailed.field('currentPassword', 'Passordet du har nå, er feil');
    }
    await this.assertStrongPassword(ctx.userId, password);
    const hash = await hashPassword(password);
    await afterSessionChange(
      this.db.transaction(async (m) => {
        await this.accounts.setPassword(m, ctx.userId, hash, { activate: false });
        await this.endSessions(m, ctx.userId, { except: ctx.sessionHash });
      }),
    );
  }

  /** Refuses (400 on `password`) a password that is easy to guess, also from the person's own name, address and municipality. */
  private async assertStrongPassword(userId: string, password: string): Promise<void> {
    const [owner]: { email: string; name: string; municipality: string }[] = await this.db.query(
      `SELECT u.email, u.name, m.name AS municipality FROM app_user u JOIN municipality m ON m.id = u.municipality_id WHERE u.id = $1`,
      [userId],
    );
    const weakness = passwordWeakness(password, owner ? [owner.email, owner.name, owner.municipality] : []);
    if (weakness) throw ValidationFailed.field('password', weakness);
  }

  private async useToken(token: string, kind: 'invite' | 'reset', password: string): Promise<string> {
    const [owner]: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM auth_token WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now()`,
      [hashToken(token), kind],
    );
    if (!owner) throw ValidationFailed.field('token', 'Lenken er ugyldig, brukt eller utløpt. Be om en ny.');
    await this.assertStrongPassword(owner.user_id, password);
    const hash = await hashPassword(password);
    return afterSessionChange(
      this.db.transaction(async (m) => {
        // TypeORM answers an UPDATE with [rows, count].
        const [rows]: [{ user_id: string }[], number] = await m.query(
          `UPDATE auth_token SET used_at = now()
          WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
          [hashToken(token), kind],
        );
        const userId = rows[0]?.user_id;
        if (!userId) throw ValidationFailed.field('token', 'Lenken er ugyldig, brukt eller utløpt. Be om en ny.');
        await this.accounts.setPassword(m, userId, hash, { activate: true });
        // A new password ends every other session.
        await this.endSessions(m, userId);
        return userId;
      }),
    );
  }
}
