import { formatOsloDateTime, osloDate } from '@samrad/shared/domain';
import type { DataSource } from 'typeorm';
import { once } from '../../platform/queue/handlers.js';
import { caseTitleSql } from '../cases/cases.service.js';
import type { MailService } from '../mail/mail.service.js';

/** How far ahead the digest looks for deadlines. */
const DEADLINE_HORIZON_DAYS = 14;

interface DeadlineRow {
  round_id: string;
  round_title: string;
  deadline: Date;
  /** null: the person is invited in their own right. */
  body_name: string | null;
  case_number: string | null;
  case_title: string | null;
}

interface NoticeRow {
  title: string;
  body: string;
  link: string;
  case_id: string | null;
  case_number: string | null;
  case_title: string | null;
}

/** What one person's digest says; empty when there is nothing to tell. */
export interface Digest {
  subject: string;
  text: string;
  deadlines: number;
  notices: number;
}

/** E-mail leaves the system: a case is named by the title anyone may see (the screened title of an exempt case). */
const CASE_TITLE = caseTitleSql('c', 'false');

/**
 * Builds a person's daily digest: open rounds their bodies have not answered, deadline first, then
 * the unread notifications of the last day grouped by case. Exempt cases appear only by their
 * screened title: e-mail leaves the system.
 */
export async function buildDigest(db: DataSource, user: { id: string; name: string }, appUrl: string, now: Date): Promise<Digest | null> {
  const deadlines: DeadlineRow[] = await db.query(
    `SELECT r.id AS round_id, r.title AS round_title, coalesce(i.extended_until, r.closes_at) AS deadline, b.name AS body_name,
            c.archive_year || '/' || c.archive_seq AS case_number, ${CASE_TITLE} AS case_title
       FROM round_invitation i
       JOIN input_round r ON r.id = i.round_id
       JOIN body b ON b.id = i.body_id
       JOIN current_membership m ON m.body_id = i.body_id AND m.user_id = $1
       LEFT JOIN case_file c ON c.id = r.case_id
      WHERE i.status = 'not_answered' AND r.closed_at IS NULL AND r.opens_at <= $2
        AND coalesce(i.extended_until, r.closes_at) > $2
        AND coalesce(i.extended_until, r.closes_at) <= $2::timestamptz + make_interval(days => $3)
     UNION ALL
     SELECT r.id, r.title, r.closes_at, NULL::text, c.archive_year || '/' || c.archive_seq, ${CASE_TITLE}
       FROM round_person_invitation p
       JOIN input_round r ON r.id = p.round_id
       LEFT JOIN case_file c ON c.id = r.case_id
      WHERE p.user_id = $1 AND p.status = 'not_answered' AND r.closed_at IS NULL AND r.opens_at <= $2
        AND r.closes_at > $2 AND r.closes_at <= $2::timestamptz + make_interval(days => $3)
      ORDER BY deadline, round_title, body_name`,
    [user.id, now, DEADLINE_HORIZON_DAYS],
  );
  const notices: NoticeRow[] = await db.query(
    `SELECT n.title, n.body, n.link, n.case_id, c.archive_year || '/' || c.archive_seq AS case_number, ${CASE_TITLE} AS case_title
       FROM notification n LEFT JOIN case_file c ON c.id = n.case_id
      WHERE n.user_id = $1 AND n.read_at IS NULL AND n.created_at > $2::timestamptz - interval '1 day' AND n.created_at <= $2
      ORDER BY c.archive_year NULLS LAST, c.archive_seq, n.id`,
    [user.id, now],
  );
  if (deadlines.length === 0 && notices.length === 0) return null;

  const base = appUrl.replace(/\/$/, '');
  const caseLabel = (number: string | null, title: string | null) => (number ? `Sak ${number} ${title ?? ''}`.trim() : null);
  const lines = [`Hei ${user.name},`, '', `her er dagens oversikt fra Samråd (${formatOsloDateTime(now).replace(/ kl\..*$/, '')}).`, ''];
  if (deadlines.length) {
    lines.push('FRISTER');
    for (const d of deadlines) {
      const where = caseLabel(d.case_number, d.case_title);
      const who = d.body_name === null ? 'du er personlig invitert og har ikke svart' : `${d.body_name} har ikke svart`;
      lines.push(
        `• ${formatOsloDateTime(d.deadline)} – ${where ? `${where}: ` : ''}«${d.round_title}» (${who}) ${base}/innspill/${d.round_id}`,
      );
    }
    lines.push('');
  }
  if (notices.length) {
    lines.push('NYTT I SAKENE DINE');
    const groups = new Map<string, NoticeRow[]>();
    for (const n of notices) {
      const label = caseLabel(n.case_number, n.case_title) ?? 'Annet';
      groups.set(label, [...(groups.get(label) ?? []), n]);
    }
    // Cases first (in case-number order, as queried), "Annet" last.
    const ordered = [...groups.entries()].sort(([a], [b]) => (a === 'Annet' ? 1 : b === 'Annet' ? -1 : 0));
    for (const [label, items] of ordered) {
      lines.push(label);
      for (const n of items) lines.push(`• ${n.title}: ${n.body.split('\n')[0]} ${base}${n.link}`);
      lines.push('');
    }
  }
  lines.push(
    'Hilsen Samråd',
    '',
    `Du får denne e-posten fordi du har valgt daglig oppsummering. Endre det under «Profil og varsler»: ${base}/profil`,
  );
  const parts = [
    deadlines.length ? `${deadlines.length} ${deadlines.length === 1 ? 'frist' : 'frister'}` : null,
    notices.length ? `${notices.length} ${notices.length === 1 ? 'nytt varsel' : 'nye varsler'}` : null,
  ];
  return {
    subject: `Samråd: dagens oversikt – ${parts.filter(Boolean).join(', ')}`,
    text: lines.join('\n'),
    deadlines: deadlines.length,
    notices: notices.length,
  };
}

/** Sends the day's digest to everyone who asked for it, at most once per person and Oslo date. */
export async function sendDailyDigests(db: DataSource, mail: MailService, appUrl: string, now = new Date()): Promise<number> {
  const date = osloDate(now);
  const users: { id: string; name: string; email: string }[] = await db.query(
    `SELECT id, name, email FROM app_user WHERE digest = 'daily' AND status = 'active' ORDER BY id`,
  );
  let sent = 0;
  for (const user of users) {
    const digest = await buildDigest(db, user, appUrl, now);
    if (!digest) continue;
    const did = await once(db, `digest:${user.id}:${date}`, () =>
      mail.send({ to: user.email, subject: digest.subject, text: digest.text }),
    );
    if (did) sent++;
  }
  return sent;
}
