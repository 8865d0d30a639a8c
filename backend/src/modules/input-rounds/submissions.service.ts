import { createHash } from 'node:crypto';
import { formatOsloDateTime } from '@samrad/shared/domain';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { continuousInputSchema, editSubmissionSchema, submissionSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { Forbidden, NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { InputRoundsService, type Receipt } from './input-rounds.service.js';
import { assertCanAnswer, checkDeadline, deadlineFor, roundRow, type RoundRow } from './round-rules.js';

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

/**
 * Submissions: answering a round (for a body or oneself), continuous input and input from a school
 * conference, each stored once per idempotency key with every version and its receipt.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(InputRoundsService) private readonly rounds: InputRoundsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
      const deadline = await assertCanAnswer(m, ctx, round, input.bodyId, invited);
      const late = checkDeadline(round, deadline, now, true);
      return this.store(m, ctx, {
        roundId,
        caseId: round.case_id,
        mandateItemId: round.mandate_item_id,
        bodyId: input.bodyId,
        text: input.text,
        key: input.idempotencyKey,
        publishConsent: input.publishConsent,
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
      /** The submitter agreed to publication in innsyn (never for school-conference input, which has no such question). */
      publishConsent?: boolean;
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
         INSERT INTO submission (municipality_id, round_id, case_id, mandate_item_id, body_id, author_id, capacity, late, idempotency_key, submitted_at, meeting_id, publish_consent)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$14) ON CONFLICT (author_id, round_id, idempotency_key) DO NOTHING RETURNING id, submitted_at
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
        s.publishConsent ?? false,
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
      const round = await roundRow(m, ctx, s.round_id);
      checkDeadline(round, await deadlineFor(m, round, s.body_id), now, false);
    }
    return s;
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

  /**
   * The submitter gives or withdraws consent to publish their input in innsyn (#20), at any time after sending it: no
   * deadline, no new version. Innsyn reads it at once (submissionVisibleSql; the read cache is emptied by the request).
   * Audited.
   */
  async setPublishConsent(ctx: RequestContext, submissionId: string, consent: boolean): Promise<{ publishConsent: boolean }> {
    return this.db.transaction(async (m) => {
      const rows: { author_id: string; publish_consent: boolean }[] = await m.query(
        `SELECT author_id, publish_consent FROM submission WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
        [submissionId, ctx.municipalityId],
      );
      const s = rows[0];
      if (!s) throw new NotFound('Fant ikke innspillet');
      if (s.author_id !== ctx.userId) throw new Forbidden('Bare den som sendte innspillet kan gi eller trekke samtykket til publisering');
      if (s.publish_consent !== consent) {
        await m.query(`UPDATE submission SET publish_consent = $2 WHERE id = $1`, [submissionId, consent]);
        await this.audit.record(
          m,
          ctx,
          'update',
          'submission',
          submissionId,
          { publishConsent: s.publish_consent },
          { publishConsent: consent },
        );
      }
      return { publishConsent: consent };
    });
  }

  async versions(ctx: RequestContext, submissionId: string) {
    await this.rounds.assertReadableSubmission(ctx, submissionId);
    const versions: { version: number; text: string; sha256: string; created_at: Date }[] = await this.db.query(
      `SELECT version, text, sha256, created_at FROM submission_version WHERE submission_id = $1 ORDER BY version`,
      [submissionId],
    );
    return versions.map((v) => ({ version: v.version, text: v.text, sha256: v.sha256, createdAt: v.created_at.toISOString() }));
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
      const kase = input.caseId ? await this.cases.readable(ctx, input.caseId, m) : null;
      let mandateItemId = input.mandateItemId;
      if (
        mandateItemId &&
        (await m.query(`SELECT 1 FROM mandate_item WHERE id = $1 AND municipality_id = $2`, [mandateItemId, ctx.municipalityId])).length ===
          0
      ) {
        throw ValidationFailed.field('mandateItemId', 'Fant ikke mandatpunktet');
      }
      if (kase && !mandateItemId) mandateItemId = kase.mandateItemId;
      if (input.bodyId && !ctx.bodyIds.has(input.bodyId))
        throw new Forbidden('Du kan bare gi innspill på vegne av organer du er medlem av');
      return this.store(m, ctx, {
        roundId: null,
        caseId: input.caseId,
        mandateItemId,
        bodyId: input.bodyId,
        text: input.text,
        key: input.idempotencyKey,
        publishConsent: input.publishConsent,
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
    return this.continuous(ctx, { ...rest, mandateItemId: null, publishConsent: false }, now, meetingId);
  }
}
