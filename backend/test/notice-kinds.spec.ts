import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { NOTICE_KIND_NAMES, JOBS, type NoticeKind } from '../src/platform/queue/jobs.js';
import { OutboxService } from '../src/platform/queue/outbox.service.js';
import { redactJobData } from '../src/modules/ops/job-board.js';
import {
  NOTICE_KINDS,
  NotificationsService,
  noticeIn,
  renderNotice,
  type NoticeParams,
} from '../src/modules/notifications/notifications.service.js';

const at = new Date('2026-03-02T11:00:00Z');
const to = { municipalityId: 'm', userIds: ['u'], caseId: 'c' };

/** One example per kind: the type requires every kind of the catalogue. */
const examples: { [K in NoticeKind]: NoticeParams<K> } = {
  invited: { roundId: 'r', roundTitle: 'Ressursfordeling', questions: 'Hva mener dere?', closesAt: at, as: 'body' },
  receipt: { submissionId: 's', version: 1, receivedAt: at, late: true, sha256: 'abc', roundId: 'r', caseId: 'c' },
  reminder: { roundId: 'r', roundTitle: 'Ressursfordeling', closesAt: at, minutes: 1440, to: { bodyId: 'b', bodyName: 'FAU' } },
  extension: { roundId: 'r', roundTitle: 'Ressursfordeling', bodyId: 'b', until: at },
  round_closed: { roundId: 'r', roundTitle: 'Ressursfordeling' },
  disposition: {
    submissionId: 's',
    version: 2,
    outcome: 'partly_adopted',
    reason: 'Delvis',
    roundId: null,
    caseId: 'c',
    kind: 'conference',
  },
  comment: { commentId: 'k', caseId: 'c', caseNumber: '2026/1', text: 'Enig.' },
  decision: {
    decisionId: 'd',
    caseId: 'c',
    caseNumber: '2026/1',
    case: { access: 'exempt', title: 'Hemmelig navn', publicTitle: 'Personalsak' },
  },
  agenda: { meetingId: 'mt', meetingTitle: 'Styremøte', bodyName: 'Kommunestyret', startsAt: at },
};

/** Each kind's title as the recipient reads it (bokmål). */
const titles: Record<NoticeKind, string> = {
  invited: 'Invitasjon til innspill: Ressursfordeling',
  receipt: 'Kvittering for innspill',
  reminder: 'Påminnelse: frist for innspill 2. mars 2026 kl. 12:00',
  extension: 'Utsatt frist: Ressursfordeling',
  round_closed: 'Innspillsrunden er lukket: Ressursfordeling',
  disposition: 'Innspillet ditt er behandlet',
  comment: 'Ny merknad i sak 2026/1',
  decision: 'Vedtak i sak 2026/1: Personalsak',
  agenda: 'Saksliste: Styremøte',
};

describe('the notice catalogue', () => {
  it('has exactly the kinds of the job registry', () => {
    expect(Object.keys(NOTICE_KINDS).sort()).toEqual([...NOTICE_KIND_NAMES].sort());
  });

  it.each(NOTICE_KIND_NAMES)('%s renders a bokmål title, a body, a link and a dedup key, and is a valid notify job', (kind) => {
    const notice = renderNotice(kind, to, examples[kind] as never);
    expect(notice.title).toBe(titles[kind]);
    expect(notice.body.length).toBeGreaterThan(0);
    expect(notice.link).toMatch(/^\//);
    expect(notice.key).toMatch(/^[a-z-]+:\S+$/);
    expect(renderNotice(kind, to, examples[kind] as never).key).toBe(notice.key); // the same notice, the same key
    expect(JOBS.notify.parse(notice)).toMatchObject({ kind, key: notice.key });
  });

  it('names an exempt case by its public title, and always e-mails receipts and reminders only', () => {
    const decision = renderNotice('decision', to, examples.decision);
    expect(`${decision.title} ${decision.body}`).not.toContain('Hemmelig');
    const always = NOTICE_KIND_NAMES.filter((k) => NOTICE_KINDS[k].email === 'always');
    expect(always.sort()).toEqual(['receipt', 'reminder']);
  });

  it.each(NOTICE_KIND_NAMES)('%s is said again from its kept parameters, in nynorsk and English', (kind) => {
    const notice = JSON.parse(JSON.stringify(renderNotice(kind, to, examples[kind] as never))) as ReturnType<typeof renderNotice>;
    // Kept, and through JSON as stored: the same bokmål text.
    expect(noticeIn('nb', notice)).toEqual({ title: notice.title, body: notice.body });
    const nn = noticeIn('nn', notice);
    const en = noticeIn('en', notice);
    expect(en.title).not.toBe(notice.title);
    for (const text of [nn.title, nn.body, en.title, en.body]) expect(text).not.toMatch(/\{\{|undefined|Invalid Date/);
  });

  it('says dates in Oslo time per language, and keeps no exempt title with a decision', () => {
    expect(noticeIn('en', renderNotice('reminder', to, examples.reminder)).title).toBe(
      'Reminder: deadline for input 2 March 2026 at 12:00',
    );
    expect(noticeIn('nn', renderNotice('reminder', to, examples.reminder)).title).toBe(
      'Påminning: frist for innspel 2. mars 2026 kl. 12:00',
    );
    const decision = renderNotice('decision', to, examples.decision);
    expect(JSON.stringify(decision)).not.toContain('Hemmelig');
    expect(noticeIn('en', decision).title).toBe('Decision in case 2026/1: Personalsak');
    // A notice stored before its parameters were kept is read as stored.
    expect(noticeIn('en', { kind: 'comment', params: null, title: 'Ny merknad', body: 'Tekst' })).toEqual({
      title: 'Ny merknad',
      body: 'Tekst',
    });
  });

  it('shows the job board neither its texts nor the parameters they are said with', () => {
    const notice = renderNotice('comment', to, { ...examples.comment, text: 'Hemmelig merknad' });
    const shown = JSON.stringify(redactJobData(notice));
    expect(shown).not.toContain('Hemmelig');
    expect(shown).toContain('comment:k');
  });

  it('refuses a kind that is not in the catalogue: at compile time and in the job payload', async () => {
    const notices = new NotificationsService({} as never, new OutboxService(), {} as never, {} as never);
    const m = { query: () => Promise.reject(new Error('not reached')) } as unknown as EntityManager;
    // @ts-expect-error 'party' is not a kind of notice
    await expect(notices.send(m, 'party', to, {})).rejects.toThrow();
    const payload = { ...renderNotice('comment', to, examples.comment), kind: 'party' };
    expect(JOBS.notify.safeParse(payload).success).toBe(false);
    // @ts-expect-error nor through the outbox directly
    await expect(new OutboxService().enqueue(m, 'notify', payload, { dedupKey: 'x' })).rejects.toThrow(/kind/);
  });
});
