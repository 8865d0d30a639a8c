import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationSettings } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { AuditService } from '../audit/audit.service.js';
import { UserAccountsService } from '../users/user-accounts.service.js';
import { once } from '../../platform/queue/handlers.js';
import type { JobPayload } from '../../platform/queue/jobs.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { MailService } from '../mail/mail.service.js';

export interface Notice {
  municipalityId: string;
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link: string;
  /** The case the notice concerns, or null (the digest groups notices by case). */
  caseId: string | null;
  /** Unique per notice: the same key is never delivered twice. */
  key: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(AuditService) private readonly audit: AuditService,
    // Stateless: a worker job that builds this service by hand gets its own.
    @Inject(UserAccountsService) private readonly accounts: UserAccountsService = new UserAccountsService(),
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

  /** Queues a notice in the caller's transaction; the worker delivers it in the app and by e-mail. */
  async notify(m: EntityManager, notice: Notice): Promise<void> {
    if (notice.userIds.length === 0) return;
    await this.outbox.enqueue(m, 'notify', notice, { dedupKey: `notify:${notice.key}` });
  }

  async list(ctx: RequestContext) {
    const rows: { id: string; kind: string; title: string; body: string; link: string; read_at: Date | null; created_at: Date }[] =
      await this.db.query(
        `SELECT id, kind, title, body, link, read_at, created_at FROM notification WHERE user_id = $1 AND municipality_id = $2 ORDER BY id DESC LIMIT 100`,
        [ctx.userId, ctx.municipalityId],
      );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
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
 * Kinds that are always e-mailed, whatever the person's settings: a receipt is the proof of delivery,
 * and a deadline reminder is the one notice a body must not miss.
 */
const ALWAYS_EMAILED = new Set(['receipt', 'reminder']);

/**
 * The worker's side: writes each user's in-app notification and sends the e-mail, once per user and key.
 * E-mail follows the person's setting (receipts always go).
 */
export async function deliverNotice(db: DataSource, mail: MailService, appUrl: string, notice: JobPayload<'notify'>): Promise<void> {
  const users: { id: string; email: string; status: string; email_notifications: boolean }[] = await db.query(
    `SELECT id, email, status, email_notifications FROM app_user WHERE id = ANY($1::uuid[])`,
    [notice.userIds],
  );
  for (const user of users) {
    if (user.status === 'disabled') continue;
    const key = `${notice.key}:${user.id}`;
    await db.query(
      `INSERT INTO notification (municipality_id, user_id, kind, title, body, link, dedup_key, case_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (dedup_key) DO NOTHING`,
      [notice.municipalityId, user.id, notice.kind, notice.title, notice.body, notice.link, key, notice.caseId],
    );
    if (!user.email_notifications && !ALWAYS_EMAILED.has(notice.kind)) continue;
    await once(db, `mail:${key}`, () =>
      mail.send({
        to: user.email,
        subject: notice.title,
        text: `${notice.body}\n\nÅpne i Samråd: ${appUrl.replace(/\/$/, '')}${notice.link}\n\nHilsen Samråd`,
      }),
    );
  }
}
