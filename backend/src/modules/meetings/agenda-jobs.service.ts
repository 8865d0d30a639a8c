import type { DataSource, EntityManager } from 'typeorm';
import type { JobPayload } from '../../platform/queue/jobs.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';

/**
 * Publishes a meeting's agenda, once: by hand (an officer) or at its notice time (the job, which only
 * takes the meeting at the time it was planned for). Members are told through the outbox, with one
 * notice key whichever way it was published.
 */
export async function publishAgenda(
  m: EntityManager,
  deps: { audit: AuditService; notifications: Pick<NotificationsService, 'send'> },
  meetingId: string,
  by: { municipalityId?: string; userId: string | null; startsAt?: string },
): Promise<boolean> {
  const [rows]: [{ id: string; municipality_id: string; body_id: string; body_name: string; title: string; starts_at: Date }[], number] =
    await m.query(
      `UPDATE meeting mt SET agenda_published_at = now(), version = version + 1, updated_at = now()
      WHERE id = $1 AND agenda_published_at IS NULL AND ($2::uuid IS NULL OR municipality_id = $2) AND ($3::timestamptz IS NULL OR starts_at = $3)
      RETURNING id, municipality_id, body_id, (SELECT name FROM body WHERE id = mt.body_id) AS body_name, title, starts_at`,
      [meetingId, by.municipalityId ?? null, by.startsAt ?? null],
    );
  const meeting = rows[0];
  if (!meeting) return false;
  const members: { user_id: string }[] = await m.query(`SELECT DISTINCT user_id FROM current_membership WHERE body_id = $1`, [
    meeting.body_id,
  ]);
  await deps.notifications.send(
    m,
    'agenda',
    { municipalityId: meeting.municipality_id, userIds: members.map((x) => x.user_id), caseId: null },
    { meetingId: meeting.id, meetingTitle: meeting.title, bodyName: meeting.body_name, startsAt: meeting.starts_at },
  );
  const municipalityId = meeting.municipality_id;
  if (by.userId)
    await deps.audit.record(m, { municipalityId, userId: by.userId }, 'update', 'meeting', meeting.id, null, { agendaPublished: true });
  else
    await deps.audit.record(m, { municipalityId, userId: null }, 'update', 'meeting', meeting.id, null, {
      agendaPublished: true,
      by: 'notice time',
    });
  return true;
}

/** The job at the notice time (`AGENDA_NOTICE_DAYS` before the meeting). */
export async function publishAgendaOnTime(
  db: DataSource,
  p: JobPayload<'meeting.publishAgenda'>,
  deps: { audit: AuditService; notifications: Pick<NotificationsService, 'send'> },
): Promise<boolean> {
  return db.transaction((m) => publishAgenda(m, deps, p.meetingId, { userId: null, startsAt: p.startsAt }));
}
