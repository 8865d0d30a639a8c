import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationSettings } from '@samrad/shared/contracts';
import { say, type Language } from '@samrad/shared/i18n';
import type { RequestContext } from '../../platform/auth/context.js';
import { AuditService } from '../audit/audit.service.js';
import { UserAccountsService } from '../users/user-accounts.service.js';
import { once } from '../../platform/queue/handlers.js';
import type { JobPayload, NoticeKind } from '../../platform/queue/jobs.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { MailService } from '../mail/mail.service.js';
import { personLanguageSql } from '../municipalities/municipalities.service.js';
import { alwaysEmailed, noticeIn, renderNotice, type NoticeParams, type NoticeRecipients } from './notice-kinds.js';

/** The catalogue, for the modules whose jobs tell people directly (they may import only this file). */
export { NOTICE_KINDS, noticeIn, renderNotice, type NoticeParams, type NoticeRecipients } from './notice-kinds.js';

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(UserAccountsService) private readonly accounts: UserAccountsService,
  ) {}

  async settings(ctx: RequestContext): Promise<NotificationSettings> {
    const [row]: { email_notifications: boolean; digest: 'off' | 'daily' }[] = await this.db.query(
      `SELECT email_notifications, digest FROM app_user WHERE id = $1 AND municipality_id = $2`,
      [ctx.userId, ctx.municipalityId],
    );
    return { emailNotifications: row!.email_notifications, digest: row!.digest };
  }

  /** Changes one's own settings (nobody else's: the id is the session's). */
  async updateSettings(ctx: RequestContext, input: NotificationSettings): Promise<NotificationSettings> {
    return this.db.transaction(async (m) => {
      const before = await this.settings(ctx);
      await this.accounts.setNotificationSettings(m, ctx, input);
      await this.audit.record(m, ctx, 'update', 'notification_settings', ctx.userId, before, input);
      return input;
    });
  }

  /**
   * Sends a notice of a kind in the catalogue (NOTICE_KINDS: its text, e-mail policy and key), queued
   * in the caller's transaction; the worker's `notify` job delivers it (deliverNotice).
   */
  async send<K extends NoticeKind>(m: EntityManager, kind: K, to: NoticeRecipients, params: NoticeParams<K>): Promise<void> {
    if (to.userIds.length === 0) return;
    const notice = renderNotice(kind, to, params);
    await this.outbox.enqueue(m, 'notify', notice, { dedupKey: `notify:${notice.key}` });
  }

  /** One's own notices, each said in `language` (the language on screen) from its kind and parameters. */
  async list(ctx: RequestContext, language: Language = ctx.language) {
    const rows: {
      id: string;
      kind: string;
      title: string;
      body: string;
      link: string;
      params: Record<string, unknown> | null;
      read_at: Date | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, kind, title, body, link, params, read_at, created_at FROM notification WHERE user_id = $1 AND municipality_id = $2 ORDER BY id DESC LIMIT 100`,
      [ctx.userId, ctx.municipalityId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...noticeIn(language, r),
      link: r.link,
      read: r.read_at !== null,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async markRead(ctx: RequestContext, id: string | 'all') {
    if (id === 'all') await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [ctx.userId]);
    else
      await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = $2 AND read_at IS NULL`, [ctx.userId, id]);
  }
}

/**
 * The one delivery of a notice (the `notify` job; a job of the worker that tells people directly calls
 * it with `renderNotice`): writes each user's in-app notification and sends the e-mail, once per user
 * and key. E-mail follows the person's setting, except the kinds the catalogue always e-mails; it is said in
 * the person's language (their own choice, else their municipality's målform), as the app says the notice.
 */
export async function deliverNotice(db: DataSource, mail: MailService, appUrl: string, notice: JobPayload<'notify'>): Promise<void> {
  const users: { id: string; email: string; status: string; email_notifications: boolean; language: Language }[] = await db.query(
    `SELECT u.id, u.email, u.status, u.email_notifications, ${personLanguageSql('u')} AS language FROM app_user u WHERE u.id = ANY($1::uuid[])`,
    [notice.userIds],
  );
  const params = notice.params ?? null;
  for (const user of users) {
    if (user.status === 'disabled') continue;
    const key = `${notice.key}:${user.id}`;
    await db.query(
      `INSERT INTO notification (municipality_id, user_id, kind, title, body, link, dedup_key, case_id, params)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (dedup_key) DO NOTHING`,
      [
        notice.municipalityId,
        user.id,
        notice.kind,
        notice.title,
        notice.body,
        notice.link,
        key,
        notice.caseId,
        params && JSON.stringify(params),
      ],
    );
    if (!user.email_notifications && !alwaysEmailed(notice.kind)) continue;
    const { title, body } = noticeIn(user.language, { ...notice, params });
    const link = `${appUrl.replace(/\/$/, '')}${notice.link}`;
    await once(db, `mail:${key}`, () =>
      mail.send({
        to: user.email,
        subject: title,
        text: `${body}\n\n${say(user.language, 'mail.open', { link })}\n\n${say(user.language, 'mail.signature')}`,
      }),
    );
  }
}
