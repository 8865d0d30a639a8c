import { afterSessionChange } from '../../platform/auth/session-resolver.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { inviteUserSchema, updateUserSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { createAudited, findOwnForUpdate, updateVersioned } from '../../platform/database/tenant-repository.js';
import { ValidationFailed } from '../../platform/http/errors.js';
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
  ) {}

  async list(ctx: RequestContext) {
    const users = await this.db.getRepository(User).find({ where: { municipalityId: ctx.municipalityId }, order: { name: 'ASC' } });
    return users.map(publicUser);
  }

  /** Creates the user as invited and sends the invitation, in one transaction. */
  async invite(ctx: RequestContext, input: z.infer<typeof inviteUserSchema>) {
    return this.db.transaction(async (m) => {
      const taken = await m.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: input.email }).getExists();
      if (taken) throw ValidationFailed.field('email', 'Det finnes allerede en bruker med denne e-postadressen');
      const user = await createAudited(m, this.audit, ctx, User, 'user', { ...input, status: 'invited', passwordHash: null });
      await this.auth.issueToken(m, user, 'invite');
      return publicUser(user);
    });
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
      throw ValidationFailed.field(patch.status ? 'status' : 'isAdmin', 'Du kan ikke fjerne din egen administratortilgang eller deaktivere deg selv');
    }
    return afterSessionChange(this.db.transaction(async (m) => {
      const saved = await updateVersioned(m, this.audit, ctx, User, 'user', id, version, patch);
      if (patch.status === 'disabled') await m.query(`DELETE FROM user_session WHERE user_id = $1`, [id]);
      return publicUser(saved);
    }));
  }
}
