import { createHash } from 'node:crypto';
import { formatOsloDateTime } from '@samrad/shared/domain';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type {
  continuousInputSchema,
  CreateRound,
  dispositionSchema,
  editSubmissionSchema,
  extensionSchema,
  submissionSchema,
} from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { Forbidden, NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService, caseNumber, caseReadableSql, caseTitleSql } from '../cases/cases.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A stored submission's first version, as a repeated request (same idempotency key) is answered with. */
interface EarlierSubmission {
  id: string;
  /** A Date from a column, an ISO string from JSON. */
  submitted_at: Date | string;
  late: boolean;
  sha256: string;
  body_id: string | null;
  case_id: string | null;
  mandate_item_id: string | null;
  meeting_id: string | null;
}

/** The columns of an earlier submission with the caller's key in the same round (`round` is the round id's placeholder). */
const EARLIER_SQL = (author: string, round: string, key: string) =>
  `SELECT s.id, s.submitted_at, s.late, v.sha256, s.body_id, s.case_id, s.mandate_item_id, s.meeting_id
     FROM submission s JOIN submission_version v ON v.submission_id = s.id AND v.version = 1
    WHERE s.author_id = ${author} AND s.round_id IS NOT DISTINCT FROM ${round} AND s.idempotency_key = ${key}`;

/** What a repeated request must send again to be the same submission; an absent field is not compared. */
interface Sent {
  sha256: string;
  bodyId: string | null;
  caseId?: string | null;
  mandateItemId?: string | null;
  meetingId?: string | null;
}

/**
 * The owner of "a repeated idempotency key": keys are scoped to the submitter and the round (the
 * unique index `submission_idempotency_key`). The same key with the same content is answered with
 * the stored receipt; with other content it is a 409 naming the stored receipt, and nothing changes.
 */
function repeatedKey(e: EarlierSubmission, sent: Sent): Receipt {
  const same =
    e.sha256 === sent.sha256 &&
    e.body_id === sent.bodyId &&
    (sent.caseId === undefined || e.case_id === sent.caseId) &&
    (sent.mandateItemId === undefined || e.mandate_item_id === sent.mandateItemId) &&
    (sent.meetingId === undefined || e.meeting_id === sent.meetingId);
  const receipt: Receipt = {
    id: e.id,
    version: 1,
    submittedAt: new Date(e.submitted_at).toISOString(),
    sha256: e.sha256,
    late: e.late,
    duplicate: true,
  };
  if (!same) throw new KeyReused(receipt);
  return receipt;
}

/** 409: the idempotency key already names another submission; its receipt is in `current`. */
export class KeyReused extends HttpException {
  constructor(receipt: Receipt) {
    super(
      {
        message: `Idempotensnøkkelen er allerede brukt for et annet innspill (kvittering ${receipt.id}, mottatt ${formatOsloDateTime(new Date(receipt.submittedAt))}, SHA-256 ${receipt.sha256}). Det lagrede innspillet er ikke endret. Send et nytt innspill med en ny nøkkel, eller endre det lagrede.`,
        current: receipt,
      },
      HttpStatus.CONFLICT,
    );
  }
}

interface RoundRow {
  id: string;
  municipality_id: string;
  case_id: string | null;
  mandate_item_id: string | null;
  title: string;
  questions: string;
  opens_at: Date;
  closes_at: Date;
  late_policy: 'refuse' | 'accept_late';
  publish_after_close: boolean;
  closed_at: Date | null;
  created_by: string | null;
  reminder_minutes: number[];
}

/**
 * The placeholders of the caller's parameters in a query that applies the read rules below: a boolean
 * (case officer), a uuid (the user), a uuid[] (current bodies) and a timestamptz (now).
 */
export interface ReaderParams {
  officer: string;
  userId: string;
  bodyIds: string;
  now: string;
}

/** The values for {@link ReaderParams}, in that order. */
export const readerValues = (ctx: RequestContext, now: Date) => [ctx.roles.has('case_officer'), ctx.userId, [...ctx.bodyIds], now] as const;

/**
 * SQL for "the caller may read this round" (`r` the input_round alias): its questions, documents and
 * the submissions the caller may see. A round without a case is read by the whole municipality; a round
 * on a case by those who may read the case (caseReadableSql), and by the bodies and persons it invites,
 * who may answer it even when the case is exempt and not theirs (they see the case by its public title,
 * caseTitleSql). InputRoundsService.readableRound applies it; uses the officer, userId and bodyIds placeholders.
 */
export function roundReadableSql(r: string, p: Omit<ReaderParams, 'now'>): string {
  return `(${p.officer} OR ${r}.case_id IS NULL
    OR EXISTS (SELECT 1 FROM case_file rc WHERE rc.id = ${r}.case_id AND ${caseReadableSql('rc', p.officer, p.bodyIds)})
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
    OR CASE WHEN ${s}.round_id IS NOT NULL
         THEN EXISTS (SELECT 1 FROM input_round sr WHERE sr.id = ${s}.round_id AND sr.publish_after_close
                        AND (sr.closed_at IS NOT NULL OR sr.closes_at <= ${p.now}) AND ${roundReadableSql('sr', p)})
         WHEN ${s}.case_id IS NOT NULL
         THEN EXISTS (SELECT 1 FROM case_file sc WHERE sc.id = ${s}.case_id AND ${caseReadableSql('sc', p.officer, p.bodyIds)})
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

  private async round(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<RoundRow> {
    const rows: RoundRow[] = await m.query(`SELECT * FROM input_round WHERE id = $1 AND municipality_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
      ctx.municipalityId,
    ]);
    if (!rows[0]) throw new NotFound('Fant ikke innspillsrunden');
    return rows[0];
  }

  private async memberIds(m: EntityManager, bodyIds: string[]): Promise<string[]> {
    const rows: { user_id: string }[] = await m.query(`SELECT DISTINCT user_id FROM current_membership WHERE body_id = ANY($1::uuid[])`, [
      bodyIds,
    ]);
    return rows.map((r) => r.user_id);
  }

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
        { municipalityId, userIds: await this.memberIds(m, bodyIds), caseId },
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
    const p = { officer: '$3', userId: '$4', bodyIds: '$5' };
    const rows: (RoundRow & { readable: boolean; archive_year: number | null; archive_seq: number | null; case_title: string | null })[] =
      await m.query(
        `SELECT r.*, ${roundReadableSql('r', p)} AS readable, c.archive_year, c.archive_seq, ${caseTitleSql('c', caseReadableSql('c', p.officer, p.bodyIds))} AS case_title
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
    const submissions = await this.submissionsFor(ctx, { roundId: id }, now);
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

  /** The submissions of a round or a case that the caller may see (submissionVisibleSql). */
  private async submissionsFor(ctx: RequestContext, where: { roundId?: string; caseId?: string }, now: Date) {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT s.id, s.round_id, s.body_id, b.name AS body_name, s.author_id, u.name AS author_name, u.title AS author_title, s.capacity,
              s.current_version, s.late, s.submitted_at, s.updated_at, v.text, v.sha256,
              d.outcome, d.reason, d.section_id, cs.kind AS section_kind, d.recorded_at, s.meeting_id, mt.title AS meeting_title,
              (SELECT coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'mediaType', a.media_type, 'size', a.size_bytes, 'sha256', a.sha256) ORDER BY a.created_at, a.id), '[]')
                 FROM attachment a WHERE a.submission_id = s.id) AS attachments
         FROM submission s
         JOIN submission_version v ON v.submission_id = s.id AND v.version = s.current_version
         JOIN app_user u ON u.id = s.author_id
         LEFT JOIN body b ON b.id = s.body_id
         LEFT JOIN disposition d ON d.submission_id = s.id
         LEFT JOIN meeting mt ON mt.id = s.meeting_id
         LEFT JOIN case_section cs ON cs.id = d.section_id
        WHERE s.municipality_id = $1 AND ($2::uuid IS NULL OR s.round_id = $2) AND ($3::uuid IS NULL OR s.case_id = $3)
          AND ${submissionVisibleSql('s', { officer: '$4', userId: '$5', bodyIds: '$6', now: '$7' })}
        ORDER BY s.submitted_at, s.id`,
      [ctx.municipalityId, where.roundId ?? null, where.caseId ?? null, ...readerValues(ctx, now)],
    );
    return rows.map((r) => ({
      id: r.id as string,
      roundId: r.round_id as string | null,
      body: r.body_id ? { id: r.body_id as string, name: r.body_name as string } : null,
      author: { id: r.author_id as string, name: r.author_name as string, title: r.author_title as string },
      capacity: r.capacity as string,
      version: r.current_version as number,
      late: r.late as boolean,
      submittedAt: (r.submitted_at as Date).toISOString(),
      updatedAt: (r.updated_at as Date).toISOString(),
      text: r.text as string,
      sha256: r.sha256 as string,
      /** The school conference the input was given at, if any. */
      meeting: r.meeting_id ? { id: r.meeting_id as string, title: r.meeting_title as string } : null,
      attachments: r.attachments as { id: string; filename: string; mediaType: string; size: number; sha256: string }[],
      disposition: r.outcome
        ? {
            outcome: r.outcome as string,
            reason: r.reason as string,
            sectionId: r.section_id as string | null,
            sectionKind: r.section_kind as string | null,
            recordedAt: (r.recorded_at as Date).toISOString(),
          }
        : null,
    }));
  }

  /** The deadline that applies to a body: its extension, or the round's. */
  private async deadlineFor(m: EntityManager, round: RoundRow, bodyId: string | null): Promise<Date> {
    if (!bodyId) return round.closes_at;
    const rows: { extended_until: Date | null }[] = await m.query(
      `SELECT extended_until FROM round_invitation WHERE round_id = $1 AND body_id = $2`,
      [round.id, bodyId],
    );
    return rows[0]?.extended_until ?? round.closes_at;
  }

  /**
   * Checks that the caller may answer (for the body, or for themselves) and returns the deadline that
   * applies: the body's extension or the round's. One read of the invitations serves both.
   */
  private async assertCanAnswer(
    m: EntityManager,
    ctx: RequestContext,
    round: RoundRow,
    bodyId: string | null,
    preRead?: { body_id: string; extended_until: Date | null }[],
  ): Promise<Date> {
    const invited: { body_id: string; extended_until: Date | null }[] =
      preRead ?? (await m.query(`SELECT body_id, extended_until FROM round_invitation WHERE round_id = $1`, [round.id]));
    if (bodyId) {
      const invitation = invited.find((i) => i.body_id === bodyId);
      if (!invitation) throw ValidationFailed.field('bodyId', 'Organet er ikke invitert til denne runden');
      if (!ctx.bodyIds.has(bodyId)) throw new Forbidden('Du kan bare gi innspill på vegne av organer du er medlem av');
      return invitation.extended_until ?? round.closes_at;
    }
    if (!invited.some((i) => ctx.bodyIds.has(i.body_id)) && !(await this.personallyInvited(m, round.id, ctx.userId))) {
      throw new Forbidden('Du er ikke invitert til denne runden, verken personlig eller gjennom et organ');
    }
    return round.closes_at;
  }

  private async personallyInvited(m: EntityManager, roundId: string, userId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM round_person_invitation WHERE round_id = $1 AND user_id = $2`, [roundId, userId])).length > 0;
  }

  /** Checks the deadline on every write; returns whether the write is late (and accepted as such). */
  private checkDeadline(round: RoundRow, deadline: Date, now: Date, allowLate: boolean): boolean {
    if (now < round.opens_at)
      throw ValidationFailed.field('deadline', `Runden åpner ${formatOsloDateTime(round.opens_at)}. Innspill kan ikke sendes før det.`);
    const late = now > deadline;
    if (late && !(allowLate && round.late_policy === 'accept_late')) {
      throw ValidationFailed.field(
        'deadline',
        `Fristen gikk ut ${formatOsloDateTime(deadline)}. Innspill tas ikke lenger imot i denne runden.`,
      );
    }
    return late;
  }

  async submit(ctx: RequestContext, roundId: string, input: z.infer<typeof submissionSchema>, now = this.clock.now()): Promise<Receipt> {
    return this.db.transaction(async (m) => {
      // The round, its invitations and an earlier submission with the same key in one read: this is
      // the path a deadline burst takes, and each round trip costs every one of its submissions.
      const rows: (RoundRow & {
        invitations: { body_id: string; extended_until: string | null }[];
        earlier: EarlierSubmission | null;
      })[] = await m.query(
        `SELECT r.*, coalesce((SELECT json_agg(json_build_object('body_id', i.body_id, 'extended_until', i.extended_until)) FROM round_invitation i WHERE i.round_id = r.id), '[]') AS invitations,
                (SELECT row_to_json(e) FROM (${EARLIER_SQL('$3', 'r.id', '$4')}) e) AS earlier
           FROM input_round r WHERE r.id = $1 AND r.municipality_id = $2`,
        [roundId, ctx.municipalityId, ctx.userId, input.idempotencyKey],
      );
      const round = rows[0];
      if (!round) throw new NotFound('Fant ikke innspillsrunden');
      // A repeated request (same key, same content) gets the first receipt, even after the deadline.
      if (round.earlier) return repeatedKey(round.earlier, { sha256: sha256(input.text), bodyId: input.bodyId });
      const invited = round.invitations.map((i) => ({
        body_id: i.body_id,
        extended_until: i.extended_until === null ? null : new Date(i.extended_until),
      }));
      const deadline = await this.assertCanAnswer(m, ctx, round, input.bodyId, invited);
      const late = this.checkDeadline(round, deadline, now, true);
      return this.store(m, ctx, {
        roundId,
        caseId: round.case_id,
        mandateItemId: round.mandate_item_id,
        bodyId: input.bodyId,
        text: input.text,
        key: input.idempotencyKey,
        late,
        now,
        answers: input.bodyId ? 'body_invitation' : 'person_invitation',
      });
    });
  }

  /** The receipt of the caller's earlier submission with this idempotency key in this round (null: continuous input), if any. */
  private async byIdempotencyKey(
    q: Pick<EntityManager, 'query'>,
    ctx: RequestContext,
    roundId: string | null,
    key: string,
    sent: Sent,
  ): Promise<Receipt | null> {
    const rows: EarlierSubmission[] = await q.query(EARLIER_SQL('$1', '$2::uuid', '$3'), [ctx.userId, roundId, key]);
    return rows[0] ? repeatedKey(rows[0], sent) : null;
  }

  /** Stores a submission once per idempotency key, with its first version, and queues the receipt. */
  private async store(
    m: EntityManager,
    ctx: RequestContext,
    s: {
      roundId: string | null;
      caseId: string | null;
      mandateItemId: string | null;
      bodyId: string | null;
      text: string;
      key: string;
      late: boolean;
      now: Date;
      meetingId?: string | null;
      /** The invitation this answers, marked answered in the same statement (a round's submission). */
      answers?: 'body_invitation' | 'person_invitation';
    },
  ): Promise<Receipt> {
    const capacity = s.bodyId ? 'on_behalf_of_body' : 'own_capacity';
    const hash = sha256(s.text);
    // Only the first answer changes (and locks) the invitation: under a deadline burst the members of
    // one body would otherwise queue on that row, one commit after another.
    const answered =
      s.answers === 'body_invitation'
        ? `, a AS (UPDATE round_invitation SET status = 'answered' WHERE round_id = $2 AND body_id = $5 AND status <> 'answered' AND EXISTS (SELECT 1 FROM s))`
        : s.answers === 'person_invitation'
          ? `, a AS (UPDATE round_person_invitation SET status = 'answered' WHERE round_id = $2 AND user_id = $6 AND status <> 'answered' AND EXISTS (SELECT 1 FROM s))`
          : '';
    // The submission, its first version and the invitation's status in one statement (nothing is
    // written for a repeated key).
    const inserted: { id: string; submitted_at: Date }[] = await m.query(
      `WITH s AS (
         INSERT INTO submission (municipality_id, round_id, case_id, mandate_item_id, body_id, author_id, capacity, late, idempotency_key, submitted_at, meeting_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (author_id, round_id, idempotency_key) DO NOTHING RETURNING id, submitted_at
       ), v AS (
         INSERT INTO submission_version (submission_id, version, text, sha256, created_at) SELECT id, 1, $12, $13, $10 FROM s RETURNING submission_id
       )${answered}
       SELECT s.id, s.submitted_at FROM s JOIN v ON v.submission_id = s.id`,
      [
        ctx.municipalityId,
        s.roundId,
        s.caseId,
        s.mandateItemId,
        s.bodyId,
        ctx.userId,
        capacity,
        s.late,
        s.key,
        s.now,
        s.meetingId ?? null,
        s.text,
        hash,
      ],
    );
    // A concurrent request with the same key won; answer with its receipt (or 409 if it sent other content).
    if (!inserted[0]) {
      const sent = { sha256: hash, bodyId: s.bodyId, ...(s.roundId ? {} : { caseId: s.caseId, meetingId: s.meetingId ?? null }) };
      return (await this.byIdempotencyKey(m, ctx, s.roundId, s.key, sent))!;
    }
    const { id, submitted_at } = inserted[0];
    await this.audit.record(m, ctx, 'create', 'submission', id, null, { roundId: s.roundId, bodyId: s.bodyId, late: s.late, sha256: hash });
    await this.notifications.send(
      m,
      'receipt',
      { municipalityId: ctx.municipalityId, userIds: [ctx.userId], caseId: s.caseId },
      { submissionId: id, version: 1, receivedAt: submitted_at, late: s.late, sha256: hash, roundId: s.roundId, caseId: s.caseId },
    );
    return { id, version: 1, submittedAt: submitted_at.toISOString(), sha256: hash, late: s.late };
  }

  /**
   * Locks one's own submission for a change (a new version, an attachment): only its author, and only
   * until the deadline that applies to it (the server checks the deadline on every write).
   */
  async writableSubmission(m: EntityManager, ctx: RequestContext, submissionId: string, now = this.clock.now()) {
    const rows: {
      id: string;
      round_id: string | null;
      case_id: string | null;
      body_id: string | null;
      author_id: string;
      current_version: number;
      late: boolean;
    }[] = await m.query(
      `SELECT id, round_id, case_id, body_id, author_id, current_version, late FROM submission WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
      [submissionId, ctx.municipalityId],
    );
    const s = rows[0];
    if (!s) throw new NotFound('Fant ikke innspillet');
    if (s.author_id !== ctx.userId) throw new Forbidden('Bare den som sendte innspillet kan endre det');
    if (s.round_id) {
      const round = await this.round(m, ctx, s.round_id);
      this.checkDeadline(round, await this.deadlineFor(m, round, s.body_id), now, false);
    }
    return s;
  }

  /** Throws 404 unless the caller may see the submission (submissionVisibleSql). */
  async assertReadableSubmission(
    ctx: RequestContext,
    submissionId: string,
    m: EntityManager = this.db.manager,
    now = this.clock.now(),
  ): Promise<void> {
    const rows: { visible: boolean }[] = await m.query(
      `SELECT ${submissionVisibleSql('s', { officer: '$3', userId: '$4', bodyIds: '$5', now: '$6' })} AS visible FROM submission s WHERE s.id = $1 AND s.municipality_id = $2`,
      [submissionId, ctx.municipalityId, ...readerValues(ctx, now)],
    );
    if (!rows[0]?.visible) throw new NotFound('Fant ikke innspillet');
  }

  /** A new version of one's own submission, until the deadline; every version is kept. */
  async edit(
    ctx: RequestContext,
    submissionId: string,
    input: z.infer<typeof editSubmissionSchema>,
    now = this.clock.now(),
  ): Promise<Receipt> {
    return this.db.transaction(async (m) => {
      const s = await this.writableSubmission(m, ctx, submissionId, now);
      if (s.current_version !== input.version) {
        const [current] = await m.query(`SELECT version, text FROM submission_version WHERE submission_id = $1 AND version = $2`, [
          submissionId,
          s.current_version,
        ]);
        throw new StaleVersion(current);
      }
      const next = s.current_version + 1;
      const hash = sha256(input.text);
      await m.query(`INSERT INTO submission_version (submission_id, version, text, sha256, created_at) VALUES ($1,$2,$3,$4,$5)`, [
        submissionId,
        next,
        input.text,
        hash,
        now,
      ]);
      await m.query(`UPDATE submission SET current_version = $2, updated_at = $3 WHERE id = $1`, [submissionId, next, now]);
      await this.audit.record(
        m,
        ctx,
        'update',
        'submission',
        submissionId,
        { version: s.current_version },
        { version: next, sha256: hash },
      );
      await this.notifications.send(
        m,
        'receipt',
        { municipalityId: ctx.municipalityId, userIds: [ctx.userId], caseId: s.case_id },
        { submissionId, version: next, receivedAt: now, late: s.late, sha256: hash, roundId: s.round_id, caseId: s.case_id },
      );
      return { id: submissionId, version: next, submittedAt: now.toISOString(), sha256: hash, late: s.late };
    });
  }

  async versions(ctx: RequestContext, submissionId: string) {
    await this.assertReadableSubmission(ctx, submissionId);
    const versions: { version: number; text: string; sha256: string; created_at: Date }[] = await this.db.query(
      `SELECT version, text, sha256, created_at FROM submission_version WHERE submission_id = $1 ORDER BY version`,
      [submissionId],
    );
    return versions.map((v) => ({ version: v.version, text: v.text, sha256: v.sha256, createdAt: v.created_at.toISOString() }));
  }

  /** «Ingen merknad» for an invited body, or (bodyId null) for oneself when personally invited. */
  async noComment(ctx: RequestContext, roundId: string, bodyId: string | null, now = this.clock.now()) {
    await this.db.transaction(async (m) => {
      const round = await this.round(m, ctx, roundId);
      const deadline = await this.assertCanAnswer(m, ctx, round, bodyId);
      this.checkDeadline(round, deadline, now, false);
      if (bodyId) {
        await m.query(
          `UPDATE round_invitation SET status = 'no_comment' WHERE round_id = $1 AND body_id = $2 AND status = 'not_answered'`,
          [roundId, bodyId],
        );
      } else {
        if (!(await this.personallyInvited(m, roundId, ctx.userId))) throw ValidationFailed.field('bodyId', 'Velg organet du svarer for');
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
      const round = await this.round(m, ctx, roundId, true);
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
        { municipalityId: ctx.municipalityId, userIds: await this.memberIds(m, [input.bodyId]), caseId: round.case_id },
        { roundId, roundTitle: round.title, bodyId: input.bodyId, until },
      );
    });
  }

  async dispose(ctx: RequestContext, submissionId: string, input: z.infer<typeof dispositionSchema>) {
    return this.db.transaction(async (m) => {
      const rows: { id: string; author_id: string; case_id: string | null; round_id: string | null }[] = await m.query(
        `SELECT id, author_id, case_id, round_id FROM submission WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
        [submissionId, ctx.municipalityId],
      );
      const s = rows[0];
      if (!s) throw new NotFound('Fant ikke innspillet');
      if (input.sectionId) {
        const ok = s.case_id
          ? await m.query(`SELECT 1 FROM case_section WHERE id = $1 AND case_id = $2`, [input.sectionId, s.case_id])
          : [];
        if (ok.length === 0) throw ValidationFailed.field('sectionId', 'Delen av saksframlegget hører ikke til innspillets sak');
      }
      const before: Record<string, unknown>[] = await m.query(
        `SELECT outcome, reason, section_id FROM disposition WHERE submission_id = $1`,
        [submissionId],
      );
      const recorded: { version: number }[] = await m.query(
        `INSERT INTO disposition (submission_id, outcome, reason, section_id, recorded_by) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (submission_id) DO UPDATE SET outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, section_id = EXCLUDED.section_id,
           recorded_by = EXCLUDED.recorded_by, recorded_at = now(), version = disposition.version + 1
         RETURNING version`,
        [submissionId, input.outcome, input.reason, input.sectionId, ctx.userId],
      );
      await this.audit.record(m, ctx, before[0] ? 'update' : 'create', 'disposition', submissionId, before[0] ?? null, input);
      await this.notifications.send(
        m,
        'disposition',
        { municipalityId: ctx.municipalityId, userIds: [s.author_id], caseId: s.case_id },
        {
          submissionId,
          version: Number(recorded[0]!.version),
          outcome: input.outcome,
          reason: input.reason,
          roundId: s.round_id,
          caseId: s.case_id,
        },
      );
    });
  }

  /** Continuous input (løpende innspill) on a case or mandate item, outside any round; from a school conference it also names the meeting. */
  async continuous(
    ctx: RequestContext,
    input: z.infer<typeof continuousInputSchema>,
    now = this.clock.now(),
    meetingId: string | null = null,
  ): Promise<Receipt> {
    const sent = {
      sha256: sha256(input.text),
      bodyId: input.bodyId,
      caseId: input.caseId,
      meetingId,
      ...(input.caseId ? {} : { mandateItemId: input.mandateItemId }),
    };
    const existing = await this.byIdempotencyKey(this.db, ctx, null, input.idempotencyKey, sent);
    if (existing) return existing;
    return this.db.transaction(async (m) => {
      if (input.caseId) await this.cases.readable(ctx, input.caseId, m);
      let mandateItemId = input.mandateItemId;
      if (
        mandateItemId &&
        (await m.query(`SELECT 1 FROM mandate_item WHERE id = $1 AND municipality_id = $2`, [mandateItemId, ctx.municipalityId])).length ===
          0
      ) {
        throw ValidationFailed.field('mandateItemId', 'Fant ikke mandatpunktet');
      }
      if (input.caseId && !mandateItemId)
        mandateItemId = (await m.query(`SELECT mandate_item_id FROM case_file WHERE id = $1`, [input.caseId]))[0]?.mandate_item_id ?? null;
      if (input.bodyId && !ctx.bodyIds.has(input.bodyId))
        throw new Forbidden('Du kan bare gi innspill på vegne av organer du er medlem av');
      return this.store(m, ctx, {
        roundId: null,
        caseId: input.caseId,
        mandateItemId,
        bodyId: input.bodyId,
        text: input.text,
        key: input.idempotencyKey,
        late: false,
        now,
        meetingId,
      });
    });
  }

  /**
   * An input given at a school conference: it joins the case like continuous input, marked with the
   * meeting it came from. The meetings module checks who may give it and when.
   */
  conferenceInput(
    ctx: RequestContext,
    input: { caseId: string; meetingId: string; bodyId: string | null; text: string; idempotencyKey: string },
    now = this.clock.now(),
  ): Promise<Receipt> {
    const { meetingId, ...rest } = input;
    return this.continuous(ctx, { ...rest, mandateItemId: null }, now, meetingId);
  }

  /** «Innspill og behandling»: every input on a case, who gave it, and how it was handled. */
  async summary(ctx: RequestContext, caseId: string) {
    const c = await this.cases.readable(ctx, caseId);
    const items = await this.submissionsFor(ctx, { caseId }, this.clock.now());
    const outcome: Record<string, string> = {
      adopted: 'Tatt til følge',
      partly_adopted: 'Delvis tatt til følge',
      not_adopted: 'Ikke tatt til følge',
      noted: 'Tatt til orientering',
    };
    const section: Record<string, string> = {
      background: 'Bakgrunn',
      facts: 'Fakta',
      assessment: 'Vurdering',
      proposal: 'Forslag til vedtak',
    };
    const lines = [`Innspill og behandling – sak ${c.archiveYear}/${c.archiveSeq} ${c.title}`, ''];
    items.forEach((s, i) => {
      const where = s.meeting ? ` på skolekonferansen «${s.meeting.title}»` : '';
      lines.push(
        `${i + 1}. ${s.body ? `${s.body.name} (ved ${s.author.name})` : `${s.author.name} (på eget vegne)`}${where}, ${formatOsloDateTime(new Date(s.submittedAt))}${s.late ? ' – for sent' : ''}`,
      );
      lines.push(`   Innspill: ${s.text}`);
      lines.push(
        s.disposition
          ? `   Behandling: ${outcome[s.disposition.outcome]}. ${s.disposition.reason}${s.disposition.sectionKind ? ` (påvirket: ${section[s.disposition.sectionKind]})` : ''}`
          : '   Behandling: ikke behandlet ennå',
      );
      lines.push('');
    });
    return { caseId, total: items.length, handled: items.filter((s) => s.disposition).length, items, text: lines.join('\n') };
  }
}
