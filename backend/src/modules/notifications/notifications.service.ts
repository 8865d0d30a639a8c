import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../../platform/auth/context.js';
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
  /** Unique per notice: the same key is never delivered twice. */
  key: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  /** Queues a notice in the caller's transaction; the worker delivers it in the app and by e-mail. */
  async notify(m: EntityManager, notice: Notice): Promise<void> {
    if (notice.userIds.length === 0) return;
    await this.outbox.enqueue(m, 'notify', notice, { dedupKey: `notify:${notice.key}` });
  }

  async list(ctx: RequestContext) {
    const rows: { id: string; kind: string; title: string; body: string; link: string; read_at: Date | null; created_at: Date }[] = await this.db.query(
      `SELECT id, kind, title, body, link, read_at, created_at FROM notification WHERE user_id = $1 AND municipality_id = $2 ORDER BY id DESC LIMIT 100`,
      [ctx.userId, ctx.municipalityId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, read: r.read_at !== null, createdAt: r.created_at.toISOString() }));
  }

  async markRead(ctx: RequestContext, id: string | 'all') {
    if (id === 'all') await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [ctx.userId]);
    else await this.db.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = $2 AND read_at IS NULL`, [ctx.userId, id]);
  }
}

/** The worker's side: writes each user's in-app notification and sends the e-mail, once per user and key. */
export async function deliverNotice(db: DataSource, mail: MailService, appUrl: string, notice: JobPayload<'notify'>): Promise<void> {
  const users: { id: string; email: string; status: string }[] = await db.query(`SELECT id, email, status FROM app_user WHERE id = ANY($1::uuid[])`, [notice.userIds]);
  for (const user of users) {
    if (user.status === 'disabled') continue;
    const key = `${notice.key}:${user.id}`;
    await db.query(
      `INSERT INTO notification (municipality_id, user_id, kind, title, body, link, dedup_key) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (dedup_key) DO NOTHING`,
      [notice.municipalityId, user.id, notice.kind, notice.title, notice.body, notice.link, key],
    );
    await once(db, `mail:${key}`, () =>
      mail.send({ to: user.email, subject: notice.title, text: `${notice.body}\n\nÅpne i Samråd: ${appUrl.replace(/\/$/, '')}${notice.link}\n\nHilsen Samråd` }),
    );
  }
}
