import { formatOsloDateTime } from '@samrad/shared/domain';
import type { DataSource } from 'typeorm';
import type { JobPayload } from '../../platform/queue/jobs.js';
import { AuditService } from '../audit/audit.service.js';
import type { MailService } from '../mail/mail.service.js';
import { deliverNotice } from '../notifications/notifications.service.js';

/**
 * Publishes a meeting's agenda at its notice time. Once: the UPDATE only takes a meeting whose agenda
 * is still unpublished and whose time is the one the job was planned for; the members' notice shares
 * its key with a publication by hand, so nobody is told twice.
 */
export async function publishAgendaOnTime(db: DataSource, mail: MailService, appUrl: string, p: JobPayload<'meeting.publishAgenda'>): Promise<boolean> {
  const published = await db.transaction(async (m) => {
    const [rows]: [{ id: string; municipality_id: string; body_id: string; title: string; starts_at: Date }[], number] = await m.query(
      `UPDATE meeting SET agenda_published_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 AND agenda_published_at IS NULL AND starts_at = $2
        RETURNING id, municipality_id, body_id, title, starts_at`,
      [p.meetingId, p.startsAt],
    );
    const meeting = rows[0];
    if (meeting) await new AuditService(db).record(m, { municipalityId: meeting.municipality_id, userId: null }, 'update', 'meeting', meeting.id, null, { agendaPublished: true, by: 'notice time' });
    return meeting;
  });
  if (!published) return false;
  const [body]: { name: string }[] = await db.query(`SELECT name FROM body WHERE id = $1`, [published.body_id]);
  const members: { user_id: string }[] = await db.query(`SELECT DISTINCT user_id FROM current_membership WHERE body_id = $1`, [published.body_id]);
  await deliverNotice(db, mail, appUrl, {
    municipalityId: published.municipality_id,
    userIds: members.map((x) => x.user_id),
    kind: 'agenda',
    title: `Saksliste: ${published.title}`,
    body: `Sakslisten til møtet i ${body?.name ?? ''} ${formatOsloDateTime(published.starts_at)} er publisert.`,
    link: `/moter/${published.id}`,
    key: `agenda:${published.id}`,
  });
  return true;
}
