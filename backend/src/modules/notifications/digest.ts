import { osloDate } from '@samrad/shared/domain';
import { formatDateIn, formatDateTimeIn, say, type Language } from '@samrad/shared/i18n';
import type { DataSource } from 'typeorm';
import { once } from '../../platform/queue/handlers.js';
import { caseTitleSql } from '../cases/cases.service.js';
import type { MailService } from '../mail/mail.service.js';
import { personLanguageSql } from '../municipalities/municipalities.service.js';
import { noticeIn } from './notice-kinds.js';

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
  kind: string;
  params: Record<string, unknown> | null;
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
 * screened title: e-mail leaves the system. Said in the person's language (bokmål unless given).
 */
export async function buildDigest(
  db: DataSource,
  user: { id: string; name: string; language?: Language },
  appUrl: string,
  now: Date,
): Promise<Digest | null> {
  const language = user.language ?? 'nb';
  const t = (key: Parameters<typeof say>[1], values?: Parameters<typeof say>[2]) => say(language, key, values);
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
    `SELECT n.kind, n.params, n.title, n.body, n.link, n.case_id, c.archive_year || '/' || c.archive_seq AS case_number, ${CASE_TITLE} AS case_title
       FROM notification n LEFT JOIN case_file c ON c.id = n.case_id
      WHERE n.user_id = $1 AND n.read_at IS NULL AND n.created_at > $2::timestamptz - interval '1 day' AND n.created_at <= $2
      ORDER BY c.archive_year NULLS LAST, c.archive_seq, n.id`,
    [user.id, now],
  );
  if (deadlines.length === 0 && notices.length === 0) return null;

  const base = appUrl.replace(/\/$/, '');
  const caseLabel = (number: string | null, title: string | null) =>
    number ? t('digest.case', { number, title: title ?? '' }).trim() : null;
  const lines = [t('digest.greeting', { name: user.name }), '', t('digest.intro', { date: formatDateIn(language, now) }), ''];
  if (deadlines.length) {
    lines.push(t('digest.deadlines'));
    for (const d of deadlines) {
      const where = caseLabel(d.case_number, d.case_title);
      const who = d.body_name === null ? t('digest.personNotAnswered') : t('digest.bodyNotAnswered', { body: d.body_name });
      lines.push(
        `• ${formatDateTimeIn(language, d.deadline)} – ${where ? `${where}: ` : ''}«${d.round_title}» (${who}) ${base}/innspill/${d.round_id}`,
      );
    }
    lines.push('');
  }
  if (notices.length) {
    lines.push(t('digest.news'));
    // By case (in case-number order, as queried); notices of no case last, as «Annet».
    const groups = new Map<string | null, NoticeRow[]>();
    for (const n of notices) {
      const label = caseLabel(n.case_number, n.case_title);
      groups.set(label, [...(groups.get(label) ?? []), n]);
    }
    const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0));
    for (const [label, items] of ordered) {
      lines.push(label ?? t('digest.other'));
      for (const n of items) {
        const { title, body } = noticeIn(language, n);
        lines.push(`• ${title}: ${body.split('\n')[0]} ${base}${n.link}`);
      }
      lines.push('');
    }
  }
  lines.push(t('mail.signature'), '', t('digest.why', { link: `${base}/profil` }));
  const parts = [
    deadlines.length ? t(deadlines.length === 1 ? 'digest.deadlines.one' : 'digest.deadlines.other', { count: deadlines.length }) : null,
    notices.length ? t(notices.length === 1 ? 'digest.notices.one' : 'digest.notices.other', { count: notices.length }) : null,
  ];
  return {
    subject: t('digest.subject', { summary: parts.filter(Boolean).join(', ') }),
    text: lines.join('\n'),
    deadlines: deadlines.length,
    notices: notices.length,
  };
}

/** Sends the day's digest to everyone who asked for it, at most once per person and Oslo date. */
export async function sendDailyDigests(db: DataSource, mail: MailService, appUrl: string, now = new Date()): Promise<number> {
  const date = osloDate(now);
  const users: { id: string; name: string; email: string; language: Language }[] = await db.query(
    `SELECT u.id, u.name, u.email, ${personLanguageSql('u')} AS language FROM app_user u WHERE u.digest = 'daily' AND u.status = 'active' ORDER BY u.id`,
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
