import { caseTitleFor, formatOsloDateTime } from '@samrad/shared/domain';
import type { JobPayload, NoticeKind } from '../../platform/queue/jobs.js';

/**
 * The catalogue of notices: for each kind, who gets it, its text (bokmål), whether it is always
 * e-mailed, and its dedup key. A notice leaves the system (e-mail, the digest), so a case is named by
 * the title anyone may see (`caseTitleFor(c, false)`); a round by its own title.
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
  text: (p: P) => { title: string; body: string; link: string };
  /** Unique per notice: the same key is never delivered twice (per person). */
  key: (p: P) => string;
}

const kind = <P>(definition: NoticeDefinition<P>) => definition;
const roundLink = (roundId: string) => `/innspill/${roundId}`;
const submissionLink = (p: { roundId: string | null; caseId: string | null }) =>
  p.roundId ? roundLink(p.roundId) : p.caseId ? `/saker/${p.caseId}` : '/';
const OUTCOME_TEXT = {
  adopted: 'tatt til følge',
  partly_adopted: 'delvis tatt til følge',
  not_adopted: 'ikke tatt til følge',
  noted: 'tatt til orientering',
} as const;

const DISPOSED_INPUT = {
  round: 'Innspillet ditt i innspillsrunden',
  continuous: 'Det løpende innspillet ditt',
  conference: 'Innspillet ditt fra skolekonferansen',
} as const;

export const NOTICE_KINDS = {
  invited: kind<{ roundId: string; roundTitle: string; questions: string; closesAt: Date; as: 'body' | 'person' }>({
    recipients: 'the members of the invited bodies (as: body), or the persons invited in their own right (as: person)',
    email: 'setting',
    text: (p) => ({
      title: `Invitasjon til innspill: ${p.roundTitle}`,
      body: `${p.as === 'body' ? 'Organet ditt er invitert' : 'Du er personlig invitert'} til å gi innspill. Frist: ${formatOsloDateTime(p.closesAt)}.\n\n${p.questions}`,
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
    text: (p) => ({
      title: p.version === 1 ? 'Kvittering for innspill' : 'Kvittering for endret innspill',
      body:
        (p.version === 1
          ? `Innspillet ditt er mottatt ${formatOsloDateTime(p.receivedAt)}.${p.late ? ' Det kom etter fristen og er merket som for sent.' : ''}`
          : `Versjon ${p.version} av innspillet ditt er mottatt ${formatOsloDateTime(p.receivedAt)}.`) +
        `\nKontrollsum (SHA-256): ${p.sha256}`,
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
    text: (p) => ({
      title: `Påminnelse: frist for innspill ${formatOsloDateTime(p.closesAt)}`,
      body: `${'bodyId' in p.to ? `${p.to.bodyName} har ikke svart på innspillsrunden «${p.roundTitle}»` : `Du er invitert til innspillsrunden «${p.roundTitle}» og har ikke svart`}. Fristen er ${formatOsloDateTime(p.closesAt)}. Svar med innspill eller «ingen merknad».`,
      link: roundLink(p.roundId),
    }),
    key: (p) => `reminder:${p.roundId}:${p.minutes}:${'bodyId' in p.to ? p.to.bodyId : `person:${p.to.userId}`}`,
  }),
  extension: kind<{ roundId: string; roundTitle: string; bodyId: string; until: Date }>({
    recipients: 'the members of the body whose deadline was extended',
    email: 'setting',
    text: (p) => ({
      title: `Utsatt frist: ${p.roundTitle}`,
      body: `Organet ditt har fått utsatt frist til ${formatOsloDateTime(p.until)}.`,
      link: roundLink(p.roundId),
    }),
    key: (p) => `extension:${p.roundId}:${p.bodyId}:${p.until.toISOString()}`,
  }),
  round_closed: kind<{ roundId: string; roundTitle: string }>({
    recipients: 'the officer who created the round',
    email: 'setting',
    text: (p) => ({
      title: `Innspillsrunden er lukket: ${p.roundTitle}`,
      body: 'Fristen er ute. Innspillene kan nå behandles.',
      link: roundLink(p.roundId),
    }),
    key: (p) => `round-closed:${p.roundId}`,
  }),
  disposition: kind<{
    submissionId: string;
    /** The disposition's version: a changed disposition is a new notice. */
    version: number;
    outcome: keyof typeof OUTCOME_TEXT;
    reason: string;
    roundId: string | null;
    caseId: string | null;
    /** Where it was given: the notice names it (absent in notices queued before it was added). */
    kind?: 'round' | 'continuous' | 'conference';
  }>({
    recipients: 'the author of the submission',
    email: 'setting',
    text: (p) => ({
      title: 'Innspillet ditt er behandlet',
      body: `${p.kind ? DISPOSED_INPUT[p.kind] : 'Innspillet ditt'} er ${OUTCOME_TEXT[p.outcome]}.\nBegrunnelse: ${p.reason}`,
      // A round's input is seen on the round; other input on the case's «Innspill og behandling».
      link: p.roundId ? roundLink(p.roundId) : p.caseId ? `/saker/${p.caseId}/innspill` : '/mandat',
    }),
    key: (p) => `disposition:${p.submissionId}:${p.version}`,
  }),
  comment: kind<{ commentId: string; caseId: string; caseNumber: string; text: string }>({
    recipients: "the case officer, and the author of the comment replied to (never the comment's own author)",
    email: 'setting',
    text: (p) => ({ title: `Ny merknad i sak ${p.caseNumber}`, body: p.text.slice(0, 300), link: `/saker/${p.caseId}` }),
    key: (p) => `comment:${p.commentId}`,
  }),
  decision: kind<{
    decisionId: string;
    caseId: string;
    caseNumber: string;
    case: { access: string; title: string; publicTitle: string | null };
  }>({
    recipients: 'everyone who gave input on the case',
    email: 'setting',
    text: (p) => ({
      // May reach people who may not read an exempt case: named by its public title.
      title: `Vedtak i sak ${p.caseNumber}: ${caseTitleFor(p.case, false)}`,
      body: 'Det er fattet vedtak i saken du har gitt innspill til.',
      link: `/saker/${p.caseId}`,
    }),
    key: (p) => `decision:${p.decisionId}`,
  }),
  agenda: kind<{ meetingId: string; meetingTitle: string; bodyName: string; startsAt: Date }>({
    recipients: "the current members of the meeting's body",
    email: 'setting',
    text: (p) => ({
      title: `Saksliste: ${p.meetingTitle}`,
      body: `Sakslisten til møtet i ${p.bodyName} ${formatOsloDateTime(p.startsAt)} er publisert.`,
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

/** A notice's job payload: its text and key from the catalogue. */
export function renderNotice<K extends NoticeKind>(kind: K, to: NoticeRecipients, params: NoticeParams<K>): JobPayload<'notify'> {
  const definition = NOTICE_KINDS[kind] as NoticeDefinition<NoticeParams<K>>;
  return { ...to, kind, ...definition.text(params), key: definition.key(params) };
}

/** Whether this kind is e-mailed to a person who chose no e-mail per notice. */
export const alwaysEmailed = (kind: NoticeKind): boolean => NOTICE_KINDS[kind].email === 'always';
