import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationSettings } from '@samrad/shared/contracts';
import type { Language } from '@samrad/shared/i18n';
import type { RequestContext } from '../../platform/auth/context.js';
import { User } from './user.entity.js';

/** What the auth module needs to know of a person's account. */
export interface UserAccount {
  id: string;
  email: string;
  name: string;
  municipalityId: string;
}

const account = (u: User): UserAccount => ({ id: u.id, email: u.email, name: u.name, municipalityId: u.municipalityId });

/**
 * The writes other modules need on `app_user`, which the users module owns: the password (auth) and the
 * notification settings (notifications). Each runs in the caller's transaction. It has no dependencies,
 * so the auth module can use it while the users module uses auth (invitations).
 */
@Injectable()
export class UserAccountsService {
  /** The account, whatever its status; throws if there is none. */
  async get(m: EntityManager, userId: string): Promise<UserAccount> {
    return account(await m.findOneByOrFail(User, { id: userId }));
  }

  /** The active account with this e-mail address (case-insensitive), if any. */
  async activeByEmail(m: EntityManager, email: string): Promise<UserAccount | null> {
    const user = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere(`u.status = 'active'`)
      .getOne();
    return user ? account(user) : null;
  }

  /** A new password hash; `activate` also makes an invited person active (a disabled one stays disabled and keeps the old hash). */
  async setPassword(m: EntityManager, userId: string, passwordHash: string, options: { activate: boolean }): Promise<void> {
    if (options.activate)
      await m.query(
        `UPDATE app_user SET password_hash = $2, status = 'active', version = version + 1, updated_at = now() WHERE id = $1 AND status <> 'disabled'`,
        [userId, passwordHash],
      );
    else
      await m.query(`UPDATE app_user SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        userId,
        passwordHash,
      ]);
  }

  /** The person's own choice of e-mail per notice and a daily digest. */
  async setNotificationSettings(m: EntityManager, ctx: RequestContext, settings: NotificationSettings) {
    await m.query(`UPDATE app_user SET email_notifications = $3, digest = $4, updated_at = now() WHERE id = $1 AND municipality_id = $2`, [
      ctx.userId,
      ctx.municipalityId,
      settings.emailNotifications,
      settings.digest,
    ]);
  }

  /**
   * The person's own settings, on the version they read: only the fields present change (a PATCH), and the
   * version moves on. False when the version is not the stored one (someone changed the record first).
   */
  async updateOwnSettings(
    m: EntityManager,
    ctx: RequestContext,
    version: number,
    fields: { language?: Language | null },
  ): Promise<boolean> {
    const params: unknown[] = [ctx.userId, ctx.municipalityId, version];
    const sets = ['version = version + 1', 'updated_at = now()'];
    if ('language' in fields) {
      params.push(fields.language ?? null);
      sets.push(`language = $${params.length}`);
    }
    const [updated]: [{ id: string }[], number] = await m.query(
      `UPDATE app_user SET ${sets.join(', ')} WHERE id = $1 AND municipality_id = $2 AND version = $3 RETURNING id`,
      params,
    );
    return updated.length > 0;
  }
  /** The account in this municipality with this e-mail address (case-insensitive), whatever its status (log-in by a provider). */
  async byEmailForLogin(
    m: EntityManager,
    municipalityId: string,
    email: string,
  ): Promise<(UserAccount & { status: User['status'] }) | null> {
    const user = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .andWhere('u.municipality_id = :municipalityId', { municipalityId })
      .getOne();
    return user ? { ...account(user), status: user.status } : null;
  }

  /** The account's status (active, invited, disabled), or null when there is none in the municipality. */
  async statusOf(m: EntityManager, municipalityId: string, userId: string): Promise<User['status'] | null> {
    const user = await m.findOneBy(User, { id: userId, municipalityId });
    return user?.status ?? null;
  }

  /** An invited person who proved their address at the municipality's provider becomes active (a disabled one stays disabled). */
  async activate(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE app_user SET status = 'active', version = version + 1, updated_at = now() WHERE id = $1 AND status = 'invited'`, [
      userId,
    ]);
  }

  /** An account made at a person's first log-in through a provider that creates accounts (active, without a password). */
  async createFromLogin(
    m: EntityManager,
    municipalityId: string,
    input: { email: string; name: string; caseOfficer: boolean },
  ): Promise<UserAccount> {
    const user = await m.save(
      User,
      m.create(User, {
        municipalityId,
        email: input.email,
        name: input.name,
        status: 'active',
        isAdmin: false,
        isCaseOfficer: input.caseOfficer,
      }),
    );
    return account(user);
  }
}
