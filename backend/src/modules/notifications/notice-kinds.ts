import { caseTitleFor } from '@samrad/shared/domain';
import { say, type Language, type NoticeTextKey, type TextValues } from '@samrad/shared/i18n';
import type { JobPayload, NoticeKind } from '../../platform/queue/jobs.js';

/** Says a text of the shared catalogue (`NOTICE_TEXTS`) in one language. */
type Say = (key: NoticeTextKey, values?: TextValues) => string;

/**
 * The catalogue of notices: for each kind, who gets it, its text (through the shared catalogue `NOTICE_TEXTS`, in
 * the reader's language), whether it is always e-mailed, and its dedup key. A notice leaves the system (e-mail, the
 * digest), so a case is named by the title anyone may see (`caseTitleFor(c, false)`); a round by its own title.
 *
 * A notice keeps its kind and parameters (`notification.params`), so it is said in the language of whoever reads
 * it, when they read it; a parameter stored that way has been through JSON (a date is then an ISO string).
 */
interface NoticeDefinition<P> {
  /** Who gets it (the sender resolves the persons in its transaction). */
  recipients: string;
  /**
   * `always`: e-mailed whatever the person chose (a receipt is the proof of delivery, a deadline
   * reminder the one notice a body must not miss); `setting`: e-mailed only to those who want e-mail
   * per notice (the others read it in the app and their daily digest).
   */
  email: 'always' | 'setting';
  text: (p: P, t: Say) => { title: string; body: string; link: string };
  /** Unique per notice: the same key is never delivered twice (per person). */
  key: (p: P) => string;
  /** What of the parameters is kept to say the notice again (default: all of them). */
  kept?: (p: P) => unknown;
}

const kind = <P>(definition: NoticeDefinition<P>) => definition;
/** A date parameter, also as it comes back from JSON. */
const at = (d: Date | string) => new Date(d);
const roundLink = (roundId: string) => `/innspill/${roundId}`;
const submissionLink = (p: { roundId: string | null; caseId: string | null }) =>
  p.roundId ? roundLink(p.roundId) : p.caseId ? `/saker/${p.caseId}` : '/';

export const NOTICE_KINDS = {
  invited: kind<{ roundId: string; roundTitle: string; questions: string; closesAt: Date; as: 'body' | 'person' }>({
    recipients: 'the members of the invited bodies (as: body), or the persons invited in their own right (as: person)',
    email: 'setting',
    text: (p, t) => ({
      title: t('invited.title', { round: p.roundTitle }),
      body: `${t(p.as === 'body' ? 'invited.body' : 'invited.person', { deadline: at(p.closesAt) })}\n\n${p.questions}`,
      link: roundLink(p.roundId),
    }),
    key: (p) => (p.as === 'body' ? `invited:${p.roundId}` : `invited-person:${p.roundId}`),
  }),
  receipt: kind<{
    submissionId: string;
    version: number;
    receivedAt: Date;
    late: boolean;
    sha256: string;
    roundId: string | null;
    caseId: string | null;
  }>({
    recipients: 'the author of the submission',
    email: 'always',
    text: (p, t) => ({
      title: t(p.version === 1 ? 'receipt.title' : 'receipt.titleChanged'),
      body:
        (p.version === 1
          ? t('receipt.body', { time: at(p.receivedAt) }) + (p.late ? ` ${t('receipt.late')}` : '')
          : t('receipt.bodyChanged', { version: p.version, time: at(p.receivedAt) })) + `\n${t('receipt.checksum', { sha256: p.sha256 })}`,
      link: submissionLink(p),
    }),
    key: (p) => `receipt:${p.submissionId}:${p.version}`,
  }),
  reminder: kind<{
    roundId: string;
    roundTitle: string;
    closesAt: Date;
    minutes: number;
    to: { bodyId: string; bodyName: string } | { userId: string };
  }>({
    recipients: 'the members of each invited body that has not answered (one notice per body), and each invited person who has not',
    email: 'always',
    text: (p, t) => ({
      title: t('reminder.title', { deadline: at(p.closesAt) }),
      body:
        'bodyId' in p.to
          ? t('reminder.body', { body: p.to.bodyName, round: p.roundTitle, deadline: at(p.closesAt) })
          : t('reminder.person', { round: p.roundTitle, deadline: at(p.closesAt) }),
      link: roundLink(p.roundId),
    }),
    key: (p) => `reminder:${p.roundId}:${p.minutes}:${'bodyId' in p.to ? p.to.bodyId : `person:${p.to.userId}`}`,
  }),
  extension: kind<{ roundId: string; roundTitle: string; bodyId: string; until: Date }>({
    recipients: 'the members of the body whose deadline was extended',
    email: 'setting',
    text: (p, t) => ({
      title: t('extension.title', { round: p.roundTitle }),
      body: t('extension.body', { until: at(p.until) }),
      link: roundLink(p.roundId),
    }),
    key: (p) => `extension:${p.roundId}:${p.bodyId}:${at(p.until).toISOString()}`,
  }),
  round_closed: kind<{ roundId: string; roundTitle: string }>({
    recipients: 'the officer who created the round',
    email: 'setting',
    text: (p, t) => ({
      title: t('roundClosed.title', { round: p.roundTitle }),
      body: t('roundClosed.body'),
      link: roundLink(p.roundId),
    }),
    key: (p) => `round-closed:${p.roundId}`,
  }),
  disposition: kind<{
    submissionId: string;
    /** The disposition's version: a changed disposition is a new notice. */
    version: number;
    outcome: 'adopted' | 'partly_adopted' | 'not_adopted' | 'noted';
    reason: string;
    roundId: string | null;
    caseId: string | null;
    /** Where it was given: the notice names it (absent in notices queued before it was added). */
    kind?: 'round' | 'continuous' | 'conference';
  }>({
    recipients: 'the author of the submission',
    email: 'setting',
    text: (p, t) => ({
      title: t('disposition.title'),
      body: `${t('disposition.body', {
        input: t(p.kind ? `disposition.input.${p.kind}` : 'disposition.input'),
        outcome: t(`disposition.outcome.${p.outcome}`),
      })}\n${t('disposition.reason', { reason: p.reason })}`,
      // A round's input is seen on the round; other input on the case's «Innspill og behandling».
      link: p.roundId ? roundLink(p.roundId) : p.caseId ? `/saker/${p.caseId}/innspill` : '/mandat',
    }),
    key: (p) => `disposition:${p.submissionId}:${p.version}`,
  }),
  comment: kind<{ commentId: string; caseId: string; caseNumber: string; text: string }>({
    recipients: "the case officer, and the author of the comment replied to (never the comment's own author)",
    email: 'setting',
    text: (p, t) => ({ title: t('comment.title', { number: p.caseNumber }), body: p.text.slice(0, 300), link: `/saker/${p.caseId}` }),
    key: (p) => `comment:${p.commentId}`,
    kept: (p) => ({ ...p, text: p.text.slice(0, 300) }),
  }),
  decision: kind<{
    decisionId: string;
    caseId: string;
    caseNumber: string;
    case: { access: string; title: string; publicTitle: string | null };
  }>({
    recipients: 'everyone who gave input on the case',
    email: 'setting',
    text: (p, t) => ({
      // May reach people who may not read an exempt case: named by its public title.
      title: t('decision.title', { number: p.caseNumber, title: caseTitleFor(p.case, false) }),
      body: t('decision.body'),
      link: `/saker/${p.caseId}`,
    }),
    key: (p) => `decision:${p.decisionId}`,
    // Only the title anyone may see is kept: an exempt case's own title is never stored with the notice.
    kept: (p) => ({ ...p, case: { access: 'public', title: caseTitleFor(p.case, false), publicTitle: null } }),
  }),
  agenda: kind<{ meetingId: string; meetingTitle: string; bodyName: string; startsAt: Date }>({
    recipients: "the current members of the meeting's body",
    email: 'setting',
    text: (p, t) => ({
      title: t('agenda.title', { meeting: p.meetingTitle }),
      body: t('agenda.body', { body: p.bodyName, startsAt: at(p.startsAt) }),
      link: `/moter/${p.meetingId}`,
    }),
    // The same whether published by hand or at the notice time.
    key: (p) => `agenda:${p.meetingId}`,
  }),
} satisfies { [K in NoticeKind]: NoticeDefinition<never> };

export type NoticeParams<K extends NoticeKind> = Parameters<(typeof NOTICE_KINDS)[K]['text']>[0];

/** The recipients of one notice: persons of one municipality, and the case it concerns (for the digest). */
export interface NoticeRecipients {
  municipalityId: string;
  userIds: string[];
  caseId: string | null;
}

const definitionOf = <K extends NoticeKind>(kind: K) => NOTICE_KINDS[kind] as NoticeDefinition<NoticeParams<K>>;

/**
 * A notice's job payload: its key from the catalogue, the parameters it is said with (so each recipient reads it in
 * their language), and its text in bokmål (kept with it, for a reader of a notice whose parameters are gone).
 */
export function renderNotice<K extends NoticeKind>(kind: K, to: NoticeRecipients, params: NoticeParams<K>): JobPayload<'notify'> {
  const definition = definitionOf(kind);
  const kept = definition.kept?.(params) ?? params;
  return {
    ...to,
    kind,
    ...definition.text(params, (key, values) => say('nb', key, values)),
    key: definition.key(params),
    params: JSON.parse(JSON.stringify(kept)) as Record<string, unknown>,
  };
}

/**
 * A stored notice as a reader reads it: said from its kind and parameters in their language; the text stored with
 * it when it has no parameters (a notice from before they were kept) or they no longer fit the kind.
 */
export function noticeIn(
  language: Language,
  notice: { kind: string; params?: Record<string, unknown> | null | undefined; title: string; body: string },
): { title: string; body: string } {
  if (!notice.params || !(notice.kind in NOTICE_KINDS)) return { title: notice.title, body: notice.body };
  try {
    const { title, body } = definitionOf(notice.kind as NoticeKind).text(notice.params as never, (key, values) =>
      say(language, key, values),
    );
    return { title, body };
  } catch {
    return { title: notice.title, body: notice.body };
  }
}

/** Whether this kind is e-mailed to a person who chose no e-mail per notice. */
export const alwaysEmailed = (kind: NoticeKind): boolean => NOTICE_KINDS[kind].email === 'always';
