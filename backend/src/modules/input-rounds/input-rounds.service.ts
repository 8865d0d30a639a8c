import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { CreateRound, DISPOSITION_OUTCOMES, InputKind, SectionKind, extensionSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { Forbidden, NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService, caseNumber, caseReadableSql, caseTitleSql } from '../cases/cases.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { assertCanAnswer, checkDeadline, memberIds, personallyInvited, roundRow, type RoundRow } from './round-rules.js';

/*
 * The input-rounds module's public file: the read rules other modules apply (rounds and submissions),
 * and the rounds themselves (create, read, invitations, «ingen merknad», extensions). Submissions
 * (submissions.service.ts), dispositions (dispositions.service.ts) and «Innspill og behandling»
 * (input-summary.service.ts) have their own services.
 */

/**
 * The placeholders of the caller's parameters in a query that applies the read rules below: a boolean
 * (case officer), a uuid (the user), a uuid[] (current bodies) and a timestamptz (now).
 */
export interface ReaderParams {
  officer: string;
  userId: string;
  bodyIds: string;
  now: string;
  /** The anonymous reader (innsyn): a literal choice, not a placeholder (see caseReadableSql). */
  anonymous?: boolean;
}

/** The values for {@link ReaderParams}, in that order. */
export const readerValues = (ctx: RequestContext, now: Date) => [ctx.roles.has('case_officer'), ctx.userId, [...ctx.bodyIds], now] as const;

/**
 * SQL for "the caller may read this round" (`r` the input_round alias): its questions, documents and
 * the submissions the caller may see. A round without a case is read by the whole municipality (not by the
 * anonymous reader of innsyn: it stays internal, as the public reads a round only through a published case); a round
 * on a case by those who may read the case (caseReadableSql), and by the bodies and persons it invites,
 * who may answer it even when the case is exempt and not theirs (they see the case by its public title,
 * caseTitleSql). InputRoundsService.readableRound applies it; uses the officer, userId and bodyIds placeholders.
 */
export function roundReadableSql(r: string, p: Omit<ReaderParams, 'now'>): string {
  return `(${p.officer} OR ${p.anonymous ? 'false' : `${r}.case_id IS NULL`}
    OR EXISTS (SELECT 1 FROM case_file rc WHERE rc.id = ${r}.case_id AND ${caseReadableSql('rc', p.officer, p.bodyIds, { anonymous: p.anonymous || undefined })})
    OR EXISTS (SELECT 1 FROM round_invitation ri WHERE ri.round_id = ${r}.id AND ri.body_id = ANY(${p.bodyIds}::uuid[]))
    OR EXISTS (SELECT 1 FROM round_person_invitation rp WHERE rp.round_id = ${r}.id AND rp.user_id = ${p.userId}))`;
}

/**
 * SQL for "the caller may see this submission" (its text, versions and attachments), `s` the
 * submission alias. The one rule for every place that shows a submission: the round view, the case's
 * «Innspill og behandling», version history and attachment downloads. Seen by case officers, its
 * author and the members of the body it speaks for; by everyone else who may read its round (or case)
 * only once it is published: a round's input when the round publishes after closing and has closed,
 * input outside a round (continuous input, from a school conference) at once.
 */
export function submissionVisibleSql(s: string, p: ReaderParams): string {
  return `(${p.officer} OR ${s}.author_id = ${p.userId} OR ${s}.body_id = ANY(${p.bodyIds}::uuid[])
    OR ${p.anonymous ? `${s}.publish_consent AND ` : ''}CASE WHEN ${s}.round_id IS NOT NULL
         THEN EXISTS (SELECT 1 FROM input_round sr WHERE sr.id = ${s}.round_id AND sr.publish_after_close
                        AND (sr.closed_at IS NOT NULL OR sr.closes_at <= ${p.now}) AND ${roundReadableSql('sr', p)})
         WHEN ${s}.case_id IS NOT NULL
         THEN EXISTS (SELECT 1 FROM case_file sc WHERE sc.id = ${s}.case_id AND ${caseReadableSql('sc', p.officer, p.bodyIds, { anonymous: p.anonymous || undefined })})
         ELSE true END)`;
}

export interface Receipt {
  id: string;
  version: number;
  submittedAt: string;
  sha256: string;
  late: boolean;
  duplicate?: boolean;
}

/** The submissions of a round or a case that the caller may see (submissionVisibleSql). */
export async function visibleSubmissions(
  q: Pick<EntityManager, 'query'>,
  ctx: RequestContext,
  where: { roundId?: string; caseId?: string; mandateItemId?: string; authorId?: string },
  now: Date,
) {
  const rows: Record<string, unknown>[] = await q.query(
    `SELECT s.id, s.round_id, s.body_id, b.name AS body_name, s.author_id, u.name AS author_name, u.title AS author_title, s.capacity,
            s.current_version, s.late, s.submitted_at, s.updated_at, v.text, v.sha256,
            d.outcome, d.reason, d.section_id, cs.kind AS section_kind, d.recorded_at, s.meeting_id, mt.title AS meeting_title,
            s.case_id, s.mandate_item_id, ir.title AS round_title, s.publish_consent,
            (SELECT mr.representing FROM meeting_registration mr WHERE mr.meeting_id = s.meeting_id AND mr.user_id = s.author_id) AS representing,
            (SELECT coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mediaType', a.media_type, 'size', a.size_bytes, 'sha256', a.sha256) ORDER BY a.created_at, a.id), '[]')
               FROM attachment a WHERE a.submission_id = s.id) AS attachments
       FROM submission s
       JOIN submission_version v ON v.submission_id = s.id AND v.version = s.current_version
       JOIN app_user u ON u.id = s.author_id
       LEFT JOIN body b ON b.id = s.body_id
       LEFT JOIN disposition d ON d.submission_id = s.id
       LEFT JOIN meeting mt ON mt.id = s.meeting_id
       LEFT JOIN input_round ir ON ir.id = s.round_id
       LEFT JOIN case_section cs ON cs.id = d.section_id
      WHERE s.municipality_id = $1 AND ($2::uuid IS NULL OR s.round_id = $2) AND ($3::uuid IS NULL OR s.case_id = $3)
        AND ($8::uuid IS NULL OR s.mandate_item_id = $8) AND ($9::uuid IS NULL OR s.author_id = $9)
        AND ${submissionVisibleSql('s', { officer: '$4', userId: '$5', bodyIds: '$6', now: '$7', anonymous: ctx.anonymous })}
      ORDER BY s.submitted_at, s.id`,
    [
      ctx.municipalityId,
      where.roundId ?? null,
      where.caseId ?? null,
      ...readerValues(ctx, now),
      where.mandateItemId ?? null,
      where.authorId ?? null,
    ],
  );
  return rows.map((r) => ({
    id: r.id as string,
    kind: (r.round_id ? 'round' : r.meeting_id ? 'conference' : 'continuous') as InputKind,
    roundId: r.round_id as string | null,
    round: r.round_id ? { id: r.round_id as string, name: r.round_title as string } : null,
    caseId: r.case_id as string | null,
    mandateItemId: r.mandate_item_id as string | null,
    representing: (r.representing as string | null) ?? null,
    body: r.body_id ? { id: r.body_id as string, name: r.body_name as string } : null,
    author: { id: r.author_id as string, name: r.author_name as string, title: r.author_title as string },
    capacity: r.capacity as 'on_behalf_of_body' | 'own_capacity',
    version: r.current_version as number,
    late: r.late as boolean,
    submittedAt: (r.submitted_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
    text: r.text as string,
    sha256: r.sha256 as string,
    /** The school conference the input was given at, if any. */
    meeting: r.meeting_id ? { id: r.meeting_id as string, title: r.meeting_title as string } : null,
    attachments: r.attachments as { id: string; filename: string; mediaType: string; size: number; sha256: string }[],
    publishConsent: r.author_id === ctx.userId || ctx.roles.has('case_officer') ? (r.publish_consent as boolean) : null,
    disposition: r.outcome
      ? {
          outcome: r.outcome as (typeof DISPOSITION_OUTCOMES)[number],
          reason: r.reason as string,
          sectionId: r.section_id as string | null,
          sectionKind: r.section_kind as SectionKind | null,
          recordedAt: (r.recorded_at as Date).toISOString(),
        }
      : null,
  }));
}

@Injectable()
export class InputRoundsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, input: CreateRound, now = this.clock.now()) {
    const opensAt = input.opensAt ? new Date(input.opensAt) : now;
    const closesAt = new Date(input.closesAt);
    if (closesAt <= now) throw ValidationFailed.field('closesAt', 'Fristen må være fram i tid');
    return this.db.transaction(async (m) => {
      if (input.caseId) await this.cases.readable(ctx, input.caseId, m);
      if (
        input.mandateItemId &&
        (await m.query(`SELECT 1 FROM mandate_item WHERE id = $1 AND municipality_id = $2`, [input.mandateItemId, ctx.municipalityId]))
          .length === 0
      ) {
        throw ValidationFailed.field('mandateItemId', 'Fant ikke mandatpunktet');
      }
      const bodyIds = [...new Set(input.invitedBodyIds)];
      const bodies: { id: string }[] = await m.query(`SELECT id FROM body WHERE id = ANY($1::uuid[]) AND municipality_id = $2`, [
        bodyIds,
        ctx.municipalityId,
      ]);
      if (bodies.length !== bodyIds.length) throw ValidationFailed.field('invitedBodyIds', 'Fant ikke alle de inviterte organene');
      const userIds = [...new Set(input.invitedUserIds)];
      const persons: { id: string }[] = await m.query(
        `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND municipality_id = $2 AND status <> 'disabled'`,
        [userIds, ctx.municipalityId],
      );
      if (persons.length !== userIds.length) throw ValidationFailed.field('invitedUserIds', 'Fant ikke alle de inviterte personene');
      const [row] = await m.query(
        `INSERT INTO input_round (municipality_id, case_id, mandate_item_id, title, questions, opens_at, closes_at, late_policy, publish_after_close, reminder_minutes, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [
          ctx.municipalityId,
          input.caseId,
          input.mandateItemId,
          input.title,
          input.questions,
          opensAt,
          closesAt,
          input.latePolicy,
          input.publishAfterClose,
          input.reminderMinutes,
          ctx.userId,
        ],
      );
      const id: string = row.id;
      for (const b of bodyIds) await m.query(`INSERT INTO round_invitation (round_id, body_id) VALUES ($1, $2)`, [id, b]);
      for (const u of userIds) await m.query(`INSERT INTO round_person_invitation (round_id, user_id) VALUES ($1, $2)`, [id, u]);
      // The case's lifecycle decides whether the round puts it on consultation (and refuses a closed case).
      if (input.caseId) await this.cases.move(ctx, input.caseId, { type: 'open_round' }, m);
      await this.scheduleDeadlineJobs(m, id, closesAt, input.reminderMinutes, now);
      const invitation = { roundId: id, roundTitle: input.title, questions: input.questions, closesAt };
      const caseId = input.caseId ?? null;
      const municipalityId = ctx.municipalityId;
      await this.notifications.send(
        m,
        'invited',
        { municipalityId, userIds: await memberIds(m, bodyIds), caseId },
        { ...invitation, as: 'body' },
      );
      await this.notifications.send(m, 'invited', { municipalityId, userIds, caseId }, { ...invitation, as: 'person' });
      await this.audit.record(m, ctx, 'create', 'input_round', id, null, { ...input, opensAt: opensAt.toISOString() });
      return { id };
    });
  }

  /** The alarm clocks of a round: reminders before, and closing at, the deadline. The deadline itself is data. */
  private async scheduleDeadlineJobs(m: EntityManager, id: string, closesAt: Date, reminderMinutes: number[], now: Date) {
    const at = closesAt.toISOString();
    await this.outbox.enqueue(m, 'round.close', { roundId: id, closesAt: at }, { dedupKey: `round-close:${id}:${at}`, runAt: closesAt });
    for (const minutes of reminderMinutes) {
      const runAt = new Date(closesAt.getTime() - minutes * 60_000);
      if (runAt <= now) continue;
      await this.outbox.enqueue(
        m,
        'round.remind',
        { roundId: id, minutes, closesAt: at },
        { dedupKey: `round-remind:${id}:${minutes}:${at}`, runAt },
      );
    }
  }

  /**
   * The round, for a caller who may read it (roundReadableSql; 404 for another municipality's, 403 when
   * not allowed), with its case's number and the case title the caller may see (caseTitleSql).
   */
  async readableRound(
    ctx: RequestContext,
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<RoundRow & { readable: boolean; case: { id: string; number: string; title: string } | null }> {
    const p = { officer: '$3', userId: '$4', bodyIds: '$5', anonymous: ctx.anonymous };
    const rows: (RoundRow & { readable: boolean; archive_year: number | null; archive_seq: number | null; case_title: string | null })[] =
      await m.query(
        `SELECT r.*, ${roundReadableSql('r', p)} AS readable, c.archive_year, c.archive_seq, ${caseTitleSql('c', caseReadableSql('c', p.officer, p.bodyIds, ctx))} AS case_title
         FROM input_round r LEFT JOIN case_file c ON c.id = r.case_id WHERE r.id = $1 AND r.municipality_id = $2`,
        [id, ctx.municipalityId, ctx.roles.has('case_officer'), ctx.userId, [...ctx.bodyIds]],
      );
    const row = rows[0];
    if (!row) throw new NotFound('Fant ikke innspillsrunden');
    if (!row.readable) throw new Forbidden('Saken er unntatt offentlighet. Du har ikke tilgang til innholdet.');
    const { archive_year, archive_seq, case_title, ...round } = row;
    return {
      ...round,
      case:
        round.case_id && archive_year !== null && archive_seq !== null
          ? { id: round.case_id, number: caseNumber({ archive_year, archive_seq }), title: case_title ?? '' }
          : null,
    };
  }

  /** Throws unless the caller may read the round (roundReadableSql). */
  async assertReadableRound(ctx: RequestContext, id: string, m: EntityManager = this.db.manager): Promise<void> {
    await this.readableRound(ctx, id, m);
  }

  /** Throws 404 unless the caller may see the submission (submissionVisibleSql). */
  async assertReadableSubmission(
    ctx: RequestContext,
    submissionId: string,
    m: EntityManager = this.db.manager,
    now = this.clock.now(),
  ): Promise<void> {
    const rows: { visible: boolean }[] = await m.query(
      `SELECT ${submissionVisibleSql('s', { officer: '$3', userId: '$4', bodyIds: '$5', now: '$6', anonymous: ctx.anonymous })} AS visible FROM submission s WHERE s.id = $1 AND s.municipality_id = $2`,
      [submissionId, ctx.municipalityId, ...readerValues(ctx, now)],
    );
    if (!rows[0]?.visible) throw new NotFound('Fant ikke innspillet');
  }

  async get(ctx: RequestContext, id: string, now = this.clock.now()) {
    const round = await this.readableRound(ctx, id);
    const documents: { id: string; filename: string; media_type: string; size_bytes: number; sha256: string }[] = await this.db.query(
      `SELECT id, filename, media_type, size_bytes, sha256 FROM attachment WHERE round_id = $1 ORDER BY created_at, id`,
      [id],
    );
    const invitations: { body_id: string; body_name: string; status: string; extended_until: Date | null }[] = await this.db.query(
      `SELECT i.body_id, b.name AS body_name, i.status, i.extended_until FROM round_invitation i JOIN body b ON b.id = i.body_id WHERE i.round_id = $1 ORDER BY b.name`,
      [id],
    );
    const persons: { user_id: string; name: string; title: string; status: string }[] = await this.db.query(
      `SELECT p.user_id, u.name, u.title, p.status FROM round_person_invitation p JOIN app_user u ON u.id = p.user_id WHERE p.round_id = $1 ORDER BY u.name`,
      [id],
    );
    const reminders: { body_id: string | null; user_id: string | null; sent_at: Date }[] = ctx.roles.has('case_officer')
      ? await this.db.query(`SELECT body_id, user_id, sent_at FROM round_reminder WHERE round_id = $1 ORDER BY sent_at`, [id])
      : [];
    const open = round.closed_at === null && now < round.closes_at;
    const submissions = await visibleSubmissions(this.db, ctx, { roundId: id }, now);
    const myBodies = invitations.filter((i) => ctx.bodyIds.has(i.body_id)).map((i) => i.body_id);
    return {
      id: round.id,
      title: round.title,
      questions: round.questions,
      caseId: round.case_id,
      /** The case by the title the caller may see: an invitee who may not read an exempt case gets its public title. */
      case: round.case,
      mandateItemId: round.mandate_item_id,
      opensAt: round.opens_at.toISOString(),
      closesAt: round.closes_at.toISOString(),
      latePolicy: round.late_policy,
      publishAfterClose: round.publish_after_close,
      open,
      closedAt: round.closed_at?.toISOString() ?? null,
      invitations: invitations.map((i) => ({
        bodyId: i.body_id,
        bodyName: i.body_name,
        status: i.status,
        extendedUntil: i.extended_until?.toISOString() ?? null,
      })),
      documents: documents.map((d) => ({ id: d.id, filename: d.filename, mediaType: d.media_type, size: d.size_bytes, sha256: d.sha256 })),
      invitedPersons: persons.map((p) => ({ userId: p.user_id, name: p.name, title: p.title, status: p.status })),
      /** For officers: every reminder sent, to a body or a person, and when (null for others). */
      remindersSent: ctx.roles.has('case_officer')
        ? reminders.map((r) => ({ bodyId: r.body_id, userId: r.user_id, sentAt: r.sent_at.toISOString() }))
        : null,
      invitedMe: persons.some((p) => p.user_id === ctx.userId),
      myBodyIds: myBodies,
      submissions,
    };
  }

  /** «Ingen merknad» for an invited body, or (bodyId null) for oneself when personally invited. */
  async noComment(ctx: RequestContext, roundId: string, bodyId: string | null, now = this.clock.now()) {
    await this.db.transaction(async (m) => {
      const round = await roundRow(m, ctx, roundId);
      const deadline = await assertCanAnswer(m, ctx, round, bodyId);
      checkDeadline(round, deadline, now, false);
      if (bodyId) {
        await m.query(
          `UPDATE round_invitation SET status = 'no_comment' WHERE round_id = $1 AND body_id = $2 AND status = 'not_answered'`,
          [roundId, bodyId],
        );
      } else {
        if (!(await personallyInvited(m, roundId, ctx.userId))) throw ValidationFailed.field('bodyId', 'Velg organet du svarer for');
        await m.query(
          `UPDATE round_person_invitation SET status = 'no_comment' WHERE round_id = $1 AND user_id = $2 AND status = 'not_answered'`,
          [roundId, ctx.userId],
        );
      }
      await this.audit.record(m, ctx, 'update', 'input_round', roundId, null, {
        bodyId,
        userId: bodyId ? null : ctx.userId,
        status: 'no_comment',
      });
    });
  }

  async extend(ctx: RequestContext, roundId: string, input: z.infer<typeof extensionSchema>) {
    await this.db.transaction(async (m) => {
      const round = await roundRow(m, ctx, roundId, true);
      const until = new Date(input.until);
      if (until <= round.closes_at) throw ValidationFailed.field('until', 'Utsatt frist må være etter rundens frist');
      const [updated] = await m.query(
        `UPDATE round_invitation SET extended_until = $3 WHERE round_id = $1 AND body_id = $2 RETURNING body_id`,
        [roundId, input.bodyId, until],
      );
      if (!updated?.length) throw ValidationFailed.field('bodyId', 'Organet er ikke invitert til denne runden');
      await this.audit.record(m, ctx, 'update', 'input_round', roundId, null, { bodyId: input.bodyId, extendedUntil: until.toISOString() });
      await this.notifications.send(
        m,
        'extension',
        { municipalityId: ctx.municipalityId, userIds: await memberIds(m, [input.bodyId]), caseId: round.case_id },
        { roundId, roundTitle: round.title, bodyId: input.bodyId, until },
      );
    });
  }
}
