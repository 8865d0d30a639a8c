import { randomUUID } from 'node:crypto';
import { afterSessionChange } from '../../platform/auth/session-resolver.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { osloDate } from '@samrad/shared/domain';
import { say, type Language } from '@samrad/shared/i18n';
import type { z } from 'zod';
import type { inviteUserSchema, updateUserSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { createAudited, findOwnForUpdate, updateVersioned } from '../../platform/database/tenant-repository.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { personLanguageSql } from '../municipalities/municipalities.service.js';
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
  anonymised: !!u.anonymisedAt,
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
   * (201, the same shape, status `invited`), no user is stored in this municipality, and the person who
   * has the address is told by e-mail (at most once a day per inviting municipality), so the mistake
   * is found by the one it concerns. The invited person then never appears in the administrator's list.
   * Inviting the same address again is refused as a repeat of any invitation is (400 on `email`, the same
   * message), from the attempt kept in the audit trail, so repeating reveals nothing either.
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
      if (taken) {
        // Invited before by this municipality: the same answer as a second invitation of anyone else (no oracle in the repeat).
        if (await this.invitedElsewhereBefore(m, ctx, input.email))
          throw ValidationFailed.field('email', 'Det finnes allerede en bruker med denne e-postadressen');
        return this.invitedElsewhere(m, ctx, taken, input);
      }
      const user = await createAudited(m, this.audit, ctx, User, 'user', { ...input, status: 'invited', passwordHash: null });
      await this.auth.issueToken(m, user, 'invite');
      return publicUser(user);
    });
  }

  /** Whether this municipality has already tried to invite the address that is another municipality's (its audit trail says so). */
  private async invitedElsewhereBefore(m: EntityManager, ctx: RequestContext, email: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM audit_event WHERE municipality_id = $1 AND entity_type = 'invitation_elsewhere'
          AND lower(changes->'email'->>'after') = lower($2) LIMIT 1`,
      [ctx.municipalityId, email],
    );
    return rows.length > 0;
  }

  /**
   * The address is another municipality's user's: tell that person, answer as for a fresh invitation, and
   * keep the attempt in this municipality's audit trail (so a repeat is answered as a repeat).
   */
  private async invitedElsewhere(m: EntityManager, ctx: RequestContext, existing: User, input: z.infer<typeof inviteUserSchema>) {
    const [inviter]: { name: string }[] = await m.query(`SELECT name FROM municipality WHERE id = $1`, [ctx.municipalityId]);
    // In the language of the person told (their own choice, else their municipality's målform).
    const [row]: { language: Language }[] = await m.query(`SELECT ${personLanguageSql('u')} AS language FROM app_user u WHERE u.id = $1`, [
      existing.id,
    ]);
    const language = row?.language ?? 'nb';
    await this.outbox.enqueue(
      m,
      'mail.send',
      {
        to: existing.email,
        subject: say(language, 'mail.invitedElsewhere.subject'),
        text: `${say(language, 'mail.invitedElsewhere.text', { name: existing.name, municipality: inviter?.name ?? '' })}\n\n${say(language, 'mail.signature')}`,
        municipalityId: existing.municipalityId,
      },
      { dedupKey: `invited-elsewhere:${ctx.municipalityId}:${existing.id}:${osloDate(new Date())}` },
    );
    const id = randomUUID();
    await this.audit.record(m, ctx, 'create', 'invitation_elsewhere', id, null, { email: input.email });
    return {
      id,
      email: input.email,
      name: input.name,
      title: input.title,
      status: 'invited' as const,
      isAdmin: input.isAdmin,
      isCaseOfficer: input.isCaseOfficer,
      version: 1,
      anonymised: false,
    };
  }

  /**
   * The first administrator of a new municipality (the operator command), invited by e-mail through the
   * same path as every other invitation, in the caller's transaction. The operator runs the installation,
   * so an address that is taken anywhere is refused plainly (there is no one to hide it from).
   */
  async inviteFirstAdministrator(m: EntityManager, municipalityId: string, input: { email: string; name: string }) {
    const taken = await m
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: input.email })
      .getOne();
    if (taken) throw ValidationFailed.field('email', `E-postadressen ${input.email} hører allerede til en bruker i Samråd`);
    const operator = { municipalityId, userId: null };
    const user = await createAudited(m, this.audit, operator, User, 'user', {
      email: input.email,
      name: input.name,
      title: 'Administrator',
      status: 'invited',
      passwordHash: null,
      isAdmin: true,
      isCaseOfficer: false,
    });
    await this.auth.issueToken(m, user, 'invite');
    return publicUser(user);
  }

  async resendInvite(ctx: RequestContext, id: string) {
    await this.db.transaction(async (m) => {
      const user = await findOwnForUpdate(m, User, ctx, id);
      if (user.status !== 'invited') throw ValidationFailed.field('status', 'Brukeren har allerede tatt imot invitasjonen');
      await this.auth.issueToken(m, user, 'invite');
    });
  }

  /**
   * A municipality always keeps an active administrator: taking the role from, or disabling, an active
   * administrator needs another one. The municipality's administrators are locked first, so two
   * administrators who remove each other at the same moment cannot both succeed.
   */
  private async assertAnotherAdministrator(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    patch: Partial<z.infer<typeof updateUserSchema>>,
  ): Promise<void> {
    const admins: { id: string }[] = await m.query(
      `SELECT id FROM app_user WHERE municipality_id = $1 AND is_admin AND status = 'active' ORDER BY id FOR UPDATE`,
      [ctx.municipalityId],
    );
    if (!admins.some((a) => a.id === id)) return;
    if (admins.every((a) => a.id === id))
      throw ValidationFailed.field(
        patch.status === 'disabled' ? 'status' : 'isAdmin',
        'Kommunen må ha minst én aktiv administrator. Gi noen andre administratortilgang først.',
      );
  }

  /**
   * Anonymises a person who has left (#21), in one transaction: their name becomes a label after their role
   * («Tidligere medlem (FAU)»), their e-mail address a placeholder no one receives at, and the account is disabled
   * with no password, roles, sessions, calendar feeds or links left, so no one can log in as them. What the archive
   * duty keeps stays: their input and its versions (shown under the label), decisions and minutes, and the audit
   * trail (this event with the person's id). Refused for oneself and for the municipality's last administrator.
   */
  async anonymise(ctx: RequestContext, id: string) {
    if (id === ctx.userId) throw ValidationFailed.field('id', 'Du kan ikke anonymisere deg selv');
    return afterSessionChange(
      this.db.transaction(async (m) => {
        const user = await findOwnForUpdate(m, User, ctx, id);
        if (user.anonymisedAt) throw ValidationFailed.field('id', 'Brukeren er allerede anonymisert');
        await this.assertAnotherAdministrator(m, ctx, id, { status: 'disabled' });
        const label = await this.formerLabel(m, user);
        await m.query(
          `UPDATE app_user SET name = $2, email = $3, title = '', password_hash = NULL, status = 'disabled', is_admin = false,
                  is_case_officer = false, language = NULL, email_notifications = false, digest = 'off',
                  anonymised_at = now(), version = version + 1, updated_at = now()
            WHERE id = $1`,
          [id, label, `anonymisert-${id}@samrad.invalid`],
        );
        await this.auth.endAccess(m, id);
        // The event names the person by id only: their old name and address are not copied into the trail.
        await this.audit.record(m, ctx, 'update', 'user', id, { anonymised: false }, { anonymised: true });
        return publicUser(await m.findOneByOrFail(User, { id }));
      }),
    );
  }

  /** The label an anonymised person is shown by: their latest membership's capacity, else their role. */
  private async formerLabel(m: EntityManager, user: User): Promise<string> {
    const [latest]: { capacity: string; union: string | null; party: string | null; body: string }[] = await m.query(
      `SELECT ms.capacity, ms."union", ms.party, b.name AS body FROM membership ms JOIN body b ON b.id = ms.body_id
        WHERE ms.user_id = $1 ORDER BY ms.valid_from DESC, ms.created_at DESC LIMIT 1`,
      [user.id],
    );
    if (latest) {
      const of: Record<string, string> = {
        parent_representative: 'FAU',
        union_representative: latest.union || 'fagforening',
        politician: latest.party || 'politiker',
        youth_representative: 'elevrepresentant',
        administration: 'administrasjonen',
      };
      return `Tidligere medlem (${of[latest.capacity] ?? latest.body})`;
    }
    if (user.isCaseOfficer) return 'Tidligere saksbehandler';
    if (user.isAdmin) return 'Tidligere administrator';
    return 'Tidligere bruker';
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
        if (patch.isAdmin === false || patch.status === 'disabled') await this.assertAnotherAdministrator(m, ctx, id, patch);
        // Enabling again someone who never chose a password gives back the invitation, not an account without one.
        const values: Partial<User> = { ...patch };
        if (patch.status === 'active') {
          const [row]: { password_hash: string | null }[] = await m.query(
            `SELECT password_hash FROM app_user WHERE id = $1 AND municipality_id = $2`,
            [id, ctx.municipalityId],
          );
          if (row && !row.password_hash) values.status = 'invited';
        }
        const saved = await updateVersioned(m, this.audit, ctx, User, 'user', id, version, values);
        if (patch.status === 'disabled') await this.auth.endSessions(m, id);
        return publicUser(saved);
      }),
    );
  }
}
