import { randomUUID } from 'node:crypto';
import { afterSessionChange } from '../../platform/auth/session-resolver.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { osloDate } from '@samrad/shared/domain';
import type { z } from 'zod';
import type { inviteUserSchema, updateUserSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { createAudited, findOwnForUpdate, updateVersioned } from '../../platform/database/tenant-repository.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { User } from './user.entity.js';

export const publicUser = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  title: u.title,
  status: u.status,
  isAdmin: u.isAdmin,
  isCaseOfficer: u.isCaseOfficer,
  version: u.version,
});

@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async list(ctx: RequestContext) {
    const users = await this.db.getRepository(User).find({ where: { municipalityId: ctx.municipalityId }, order: { name: 'ASC' } });
    return users.map(publicUser);
  }

  /**
   * Creates the user as invited and sends the invitation, in one transaction.
   *
   * An e-mail address belongs to one user in the whole installation (app_user_email_key). One already
   * in the administrator's own municipality is refused on the field (they see those users anyway).
   * One in another municipality must not be revealed: the answer is the same as for a fresh invitation
   * (201, the same shape, status `invited`), nothing is stored in this municipality, and the person who
   * has the address is told by e-mail (at most once a day per inviting municipality), so the mistake
   * is found by the one it concerns. The invited person then never appears in the administrator's list.
   */
  async invite(ctx: RequestContext, input: z.infer<typeof inviteUserSchema>) {
    try {
      return await this.inviteOnce(ctx, input);
    } catch (error) {
      // Two invitations of the same address at once: the second meets the unique index; answer it as if it had come later.
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string })?.constraint === 'app_user_email_key')
        return this.inviteOnce(ctx, input);
      throw error;
    }
  }

  private async inviteOnce(ctx: RequestContext, input: z.infer<typeof inviteUserSchema>) {
    return this.db.transaction(async (m) => {
      const taken = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: input.email })
        .getOne();
      if (taken?.municipalityId === ctx.municipalityId)
        throw ValidationFailed.field('email', 'Det finnes allerede en bruker med denne e-postadressen');
      if (taken) return this.invitedElsewhere(m, ctx, taken, input);
      const user = await createAudited(m, this.audit, ctx, User, 'user', { ...input, status: 'invited', passwordHash: null });
      await this.auth.issueToken(m, user, 'invite');
      return publicUser(user);
    });
  }

  /** The address is another municipality's user's: tell that person, and answer as for a fresh invitation. */
  private async invitedElsewhere(m: EntityManager, ctx: RequestContext, existing: User, input: z.infer<typeof inviteUserSchema>) {
    const [inviter]: { name: string }[] = await m.query(`SELECT name FROM municipality WHERE id = $1`, [ctx.municipalityId]);
    await this.outbox.enqueue(
      m,
      'mail.send',
      {
        to: existing.email,
        subject: 'Invitasjon til Samråd ble ikke sendt',
        text: `Hei ${existing.name},

${inviter?.name ?? 'En kommune'} prøvde å invitere deg til Samråd med denne e-postadressen. Adressen hører allerede til brukeren din i en annen kommune, og én adresse kan bare høre til én bruker, så invitasjonen ble ikke sendt.

Skal du være med i Samråd for ${inviter?.name ?? 'den kommunen'} også, kan du be administratoren der om å invitere deg med en annen e-postadresse. Kjenner du ikke til dette, kan du se bort fra e-posten.

Hilsen Samråd`,
        municipalityId: existing.municipalityId,
      },
      { dedupKey: `invited-elsewhere:${ctx.municipalityId}:${existing.id}:${osloDate(new Date())}` },
    );
    return {
      id: randomUUID(),
      email: input.email,
      name: input.name,
      title: input.title,
      status: 'invited' as const,
      isAdmin: input.isAdmin,
      isCaseOfficer: input.isCaseOfficer,
      version: 1,
    };
  }

  async resendInvite(ctx: RequestContext, id: string) {
    await this.db.transaction(async (m) => {
      const user = await findOwnForUpdate(m, User, ctx, id);
      if (user.status !== 'invited') throw ValidationFailed.field('status', 'Brukeren har allerede tatt imot invitasjonen');
      await this.auth.issueToken(m, user, 'invite');
    });
  }

  async update(ctx: RequestContext, id: string, input: z.infer<typeof updateUserSchema>) {
    const { version, ...patch } = input;
    if (id === ctx.userId && (patch.isAdmin === false || patch.status === 'disabled')) {
      throw ValidationFailed.field(
        patch.status ? 'status' : 'isAdmin',
        'Du kan ikke fjerne din egen administratortilgang eller deaktivere deg selv',
      );
    }
    return afterSessionChange(
      this.db.transaction(async (m) => {
        const saved = await updateVersioned(m, this.audit, ctx, User, 'user', id, version, patch);
        if (patch.status === 'disabled') await this.auth.endSessions(m, id);
        return publicUser(saved);
      }),
    );
  }
}
