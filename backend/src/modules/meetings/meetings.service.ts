import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type {
  agendaItemSchema,
  attendanceSchema,
  conferenceInputSchema,
  CreateMeeting,
  dissentSchema,
  minutesSchema,
  registrationSchema,
  statementSchema,
} from '@samrad/shared/contracts';
import { decisionTextOf, motionsView } from '@samrad/shared/contracts';
import { meetingMayDecide, NO_DECISION_IN_MEETING, openInputText, osloDate, formatOsloDateTime } from '@samrad/shared/domain';
import type { RequestContext } from '../../platform/auth/context.js';
import { hashToken } from '../../platform/auth/session.js';
import { resolveCalendarToken } from '../../platform/auth/session-resolver.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { ConflictState, Forbidden, NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService, caseKnownSql, caseReadableSql, caseTitleFor, caseTitleSql, type OpenInput } from '../cases/cases.service.js';
import type { Receipt } from '../input-rounds/input-rounds.service.js';
import { SubmissionsService } from '../input-rounds/submissions.service.js';
import { publishAgenda } from './agenda-jobs.service.js';
import { agendaVisible } from './meeting-search.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { MeetingRow } from './meetings.rows.js';
import { ImpartialityService, type Voting } from './impartiality.service.js';
import { assertProtocolOpen } from './protocol-lock.js';

/** Inputs from a school conference are taken from its start and for this long after. */
const CONFERENCE_INPUT_DAYS = 7;

/** A membership of the caller in a meeting's body, as far as acting in the meeting goes. */
type Membership = { capacity: string; union: string | null };

/** The union a member speaks for in a protokolltilførsel: their seat as a union representative, if any. */
function statementUnion(memberships: Membership[]): string | null {
  return memberships.find((x) => x.capacity === 'union_representative' && x.union)?.union ?? null;
}

/** Stored dissens as the protocol shows it. */
function dissentView(stored: unknown): z.infer<typeof dissentSchema>[] {
  return Array.isArray(stored)
    ? stored.flatMap((d) =>
        d && typeof d === 'object' && typeof d.name === 'string' ? [{ name: d.name, reason: String(d.reason ?? '') }] : [],
      )
    : [];
}

/** A meeting with its body's name. */
type MeetingWithBody = Omit<MeetingRow, 'municipality_id' | 'version' | 'created_at' | 'updated_at'> & { body_name: string };

@Injectable()
export class MeetingsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(SubmissionsService) private readonly submissions: SubmissionsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ImpartialityService) private readonly impartiality: ImpartialityService,
  ) {}

  /** When the agenda is due: the set number of days before the meeting. */
  private agendaDue(startsAt: Date): Date {
    return new Date(startsAt.getTime() - this.config.AGENDA_NOTICE_DAYS * 86_400_000);
  }

  /** The meeting; `lock` takes its row lock in the caller's transaction (a change to its protocol waits for an approval). */
  private async meeting(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<MeetingWithBody> {
    const rows: MeetingWithBody[] = await m.query(
      `SELECT mt.*, b.name AS body_name FROM meeting mt JOIN body b ON b.id = mt.body_id WHERE mt.id = $1 AND mt.municipality_id = $2${lock ? ' FOR UPDATE OF mt' : ''}`,
      [id, ctx.municipalityId],
    );
    if (!rows[0]) throw new NotFound('Fant ikke møtet');
    return rows[0];
  }

  async create(ctx: RequestContext, input: CreateMeeting) {
    return this.db.transaction(async (m) => {
      const ok = await m.query(`SELECT 1 FROM body WHERE id = $1 AND municipality_id = $2`, [input.bodyId, ctx.municipalityId]);
      if (ok.length === 0) throw ValidationFailed.field('bodyId', 'Fant ikke organet');
      const [row] = await m.query(
        `INSERT INTO meeting (municipality_id, body_id, kind, title, starts_at, ends_at, place, video_link, open, closed_basis, administration_position)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [
          ctx.municipalityId,
          input.bodyId,
          input.kind,
          input.title,
          input.startsAt,
          input.endsAt,
          input.place,
          input.videoLink,
          input.open,
          input.open ? null : input.closedBasis,
          input.administrationPosition,
        ],
      );
      await this.audit.record(m, ctx, 'create', 'meeting', row.id, null, input);
      // Planned further ahead than the notice time: the agenda publishes itself then, unless done by hand.
      // (Within the notice time, the officer publishes it.)
      const startsAt = new Date(input.startsAt);
      const due = this.agendaDue(startsAt);
      if (due > this.clock.now()) {
        await this.outbox.enqueue(
          m,
          'meeting.publishAgenda',
          { meetingId: row.id, startsAt: startsAt.toISOString() },
          { dedupKey: `agenda-publish:${row.id}:${startsAt.toISOString()}`, runAt: due },
        );
      }
      return { id: row.id as string };
    });
  }

  async list(ctx: RequestContext) {
    const rows: MeetingWithBody[] = await this.db.query(
      `SELECT mt.*, b.name AS body_name FROM meeting mt JOIN body b ON b.id = mt.body_id WHERE mt.municipality_id = $1 ORDER BY mt.starts_at`,
      [ctx.municipalityId],
    );
    return rows.map((r) => this.view(r));
  }

  private view(r: MeetingWithBody) {
    return {
      id: r.id,
      body: { id: r.body_id, name: r.body_name },
      kind: r.kind,
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at?.toISOString() ?? null,
      place: r.place,
      videoLink: r.video_link,
      open: r.open,
      closedBasis: r.closed_basis,
      agendaPublished: r.agenda_published_at !== null,
      /** When the agenda is due to be published (the notice time before the meeting). */
      agendaDueAt: this.agendaDue(r.starts_at).toISOString(),
    };
  }

  async get(ctx: RequestContext, id: string) {
    const r = await this.meeting(this.db.manager, ctx, id);
    const showAgenda = agendaVisible(ctx, r);
    // The public never learns of a draft (caseKnownSql), not even as an agenda item: an item whose case is
    // (again) a draft is left out for the anonymous reader. Adding a draft to an agenda is not refused: a
    // drøftingsmøte may discuss a case early, and a case on an agenda may move back to draft anyway.
    const agenda: Record<string, unknown>[] = showAgenda
      ? await this.db.query(
          `SELECT a.id, a.position, a.committee_number, a.minutes, a.decision_id, a.dissent, a.voter_ids, c.id AS case_id, c.archive_year, c.archive_seq, c.title, c.access, c.public_title, c.legal_basis, d.text AS decision_text,
                  d.open_input_reason, d.motions,
                  ${caseReadableSql('c', '$2', '$3', ctx)} AS readable
             FROM agenda_item a JOIN case_file c ON c.id = a.case_id LEFT JOIN decision d ON d.id = a.decision_id
            WHERE a.meeting_id = $1 AND ${caseKnownSql('c', ctx)} ORDER BY a.position`,
          [id, ctx.roles.has('case_officer'), [...ctx.bodyIds]],
        )
      : [];
    const attendance: Record<string, unknown>[] = await this.db.query(
      `SELECT a.user_id, u.name, a.status, a.substitute_name FROM attendance a JOIN app_user u ON u.id = a.user_id WHERE a.meeting_id = $1 ORDER BY u.name`,
      [id],
    );
    const absences: { agenda_item_id: string; user_id: string; name: string; reason: 'disqualified' | 'left'; note: string | null }[] =
      await this.db.query(
        `SELECT x.agenda_item_id, x.user_id, u.name, x.reason, x.note FROM agenda_item_absence x JOIN agenda_item a ON a.id = x.agenda_item_id
           JOIN app_user u ON u.id = x.user_id WHERE a.meeting_id = $1 ORDER BY u.name`,
        [id],
      );
    const statements: Record<string, unknown>[] = await this.db.query(
      `SELECT s.id, s."union", s.text, s.created_at, s.agenda_item_id, u.name FROM protocol_statement s JOIN app_user u ON u.id = s.author_id WHERE s.meeting_id = $1 ORDER BY s.created_at`,
      [id],
    );
    // Who may vote on each case, and the impartiality declarations with the body's decisions (ImpartialityService's rule).
    const [voting, impartiality] = showAgenda
      ? await Promise.all([this.impartiality.votingByItem(this.db.manager, id), this.impartiality.itemViews(this.db.manager, id)])
      : [new Map<string, Voting>(), new Map<string, never[]>()];
    const voterNames = new Map<string, string>(
      [...voting.values()].flatMap((v) => [...v.eligible, ...v.excluded].map((p) => [p.userId, p.name] as [string, string])),
    );
    // A statement about one case is read with that case (an exempt case's only by those who may read it).
    const readableItems = new Set(agenda.filter((a) => a.readable === true).map((a) => a.id as string));
    const myStatementUnion = r.kind === 'consultation' ? statementUnion(await this.memberships(this.db.manager, ctx, r)) : null;
    // For the officer writing the minutes: what is still open on each case before a deciding vedtak.
    const openInput =
      ctx.roles.has('case_officer') && meetingMayDecide(r.kind)
        ? await this.cases.openInput(
            this.db.manager,
            agenda.map((a) => a.case_id as string),
          )
        : new Map<string, OpenInput>();
    return {
      ...this.view(r),
      /** Whether the minutes may record a vedtak (not in a drøftingsmøte or a school conference). */
      mayDecide: meetingMayDecide(r.kind),
      minutesApproval: r.minutes_approved_at
        ? { at: r.minutes_approved_at.toISOString(), by: (await this.userName(r.minutes_approved_by!)) ?? '' }
        : null,
      administrationPosition: r.administration_position,
      agenda: agenda.map((a) => {
        // An exempt case's title, minutes and decision text are for those who may read the case.
        const readable = a.readable === true;
        const open = openInput.get(a.case_id as string);
        return {
          id: a.id,
          position: a.position,
          committeeNumber: a.committee_number,
          case: {
            id: a.case_id,
            number: `${a.archive_year}/${a.archive_seq}`,
            title: caseTitleFor(
              { access: a.access as string, title: a.title as string, publicTitle: a.public_title as string | null },
              readable,
            ),
          },
          minutes: readable ? a.minutes : null,
          decision: a.decision_id
            ? {
                id: a.decision_id,
                text: readable ? a.decision_text : null,
                openInputReason: readable ? a.open_input_reason : null,
                motions: readable ? motionsView(a.motions) : [],
              }
            : null,
          dissent: readable ? dissentView(a.dissent) : [],
          // Who was inhabil in an exempt case can say what it is about: for those who may read it.
          absences: readable
            ? absences
                .filter((x) => x.agenda_item_id === a.id)
                .map((x) => ({ userId: x.user_id, name: x.name, reason: x.reason, note: x.note }))
            : [],
          openInput: open ? openInputText(open.rounds, open.undisposed) : null,
          exemptBasis: readable ? null : a.legal_basis,
          impartiality: readable ? (impartiality.get(a.id as string) ?? []) : [],
          eligibleVoters: readable ? (voting.get(a.id as string)?.eligible ?? []) : [],
          excludedVoters: readable ? (voting.get(a.id as string)?.excluded ?? []) : [],
          voters: readable
            ? ((a.voter_ids as string[] | null) ?? []).map((userId) => ({ userId, name: voterNames.get(userId) ?? '' }))
            : [],
        };
      }),
      attendance: attendance.map((a) => ({ userId: a.user_id, name: a.name, status: a.status, substituteName: a.substitute_name })),
      statements: statements
        .filter((s) => s.agenda_item_id === null || readableItems.has(s.agenda_item_id as string))
        .map((s) => ({
          id: s.id,
          union: s.union,
          text: s.text,
          author: s.name,
          createdAt: (s.created_at as Date).toISOString(),
          agendaItemId: s.agenda_item_id,
        })),
      myStatementUnion,
      conference: r.kind === 'school_conference' ? await this.conferenceView(ctx, r) : null,
    };
  }

  /** Registrations: the count and one's own for everyone; names and whom they represent for officers. */
  private async conferenceView(ctx: RequestContext, r: MeetingWithBody, now = this.clock.now()) {
    const rows: { user_id: string; name: string; title: string; representing: string | null }[] = await this.db.query(
      `SELECT g.user_id, u.name, u.title, g.representing FROM meeting_registration g JOIN app_user u ON u.id = g.user_id WHERE g.meeting_id = $1 ORDER BY g.created_at, u.name`,
      [r.id],
    );
    const mine = rows.find((g) => g.user_id === ctx.userId);
    return {
      registrationOpen: now < r.starts_at,
      inputOpen: this.conferenceInputOpen(r, now),
      registrationCount: rows.length,
      registered: !!mine,
      myRepresenting: mine?.representing ?? null,
      registrations: ctx.roles.has('case_officer')
        ? rows.map((g) => ({ userId: g.user_id, name: g.name, title: g.title, representing: g.representing }))
        : null,
    };
  }

  private conferenceInputOpen(r: MeetingWithBody, now: Date): boolean {
    return now >= r.starts_at && now.getTime() < r.starts_at.getTime() + CONFERENCE_INPUT_DAYS * 86_400_000;
  }

  private async conference(m: EntityManager, ctx: RequestContext, id: string): Promise<MeetingWithBody> {
    const r = await this.meeting(m, ctx, id);
    if (r.kind !== 'school_conference')
      throw ValidationFailed.field('meeting', 'Påmelding og innspill fra salen gjelder bare skolekonferanser');
    return r;
  }

  /** Registers oneself for a school conference (or changes whom one represents), until it starts. */
  async register(ctx: RequestContext, meetingId: string, input: z.infer<typeof registrationSchema>, now = this.clock.now()) {
    return this.db.transaction(async (m) => {
      const r = await this.conference(m, ctx, meetingId);
      if (now >= r.starts_at)
        throw ValidationFailed.field('meeting', `Påmeldingen stengte da konferansen startet ${formatOsloDateTime(r.starts_at)}`);
      const [row] = await m.query(
        `INSERT INTO meeting_registration (meeting_id, user_id, municipality_id, representing) VALUES ($1,$2,$3,$4)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET representing = EXCLUDED.representing RETURNING (xmax = 0) AS created`,
        [meetingId, ctx.userId, ctx.municipalityId, input.representing],
      );
      await this.audit.record(m, ctx, row.created ? 'create' : 'update', 'meeting_registration', meetingId, null, {
        userId: ctx.userId,
        representing: input.representing,
      });
      return { registered: true, representing: input.representing };
    });
  }

  async unregister(ctx: RequestContext, meetingId: string, now = this.clock.now()) {
    await this.db.transaction(async (m) => {
      const r = await this.conference(m, ctx, meetingId);
      if (now >= r.starts_at)
        throw ValidationFailed.field('meeting', `Påmeldingen stengte da konferansen startet ${formatOsloDateTime(r.starts_at)}`);
      const [removed] = await m.query(`DELETE FROM meeting_registration WHERE meeting_id = $1 AND user_id = $2 RETURNING user_id`, [
        meetingId,
        ctx.userId,
      ]);
      if (removed?.length) await this.audit.record(m, ctx, 'delete', 'meeting_registration', meetingId, { userId: ctx.userId }, null);
    });
  }

  /**
   * An input from a school conference to a case on its agenda, by a registered participant (or an
   * officer recording it), from the start of the conference and for a week after.
   */
  async conferenceInput(
    ctx: RequestContext,
    meetingId: string,
    input: z.infer<typeof conferenceInputSchema>,
    now = this.clock.now(),
  ): Promise<Receipt> {
    const r = await this.conference(this.db.manager, ctx, meetingId);
    if (!this.conferenceInputOpen(r, now)) {
      throw ValidationFailed.field(
        'meeting',
        now < r.starts_at
          ? `Innspill fra konferansen tas imot fra den starter ${formatOsloDateTime(r.starts_at)}`
          : `Innspill fra konferansen ble tatt imot i ${CONFERENCE_INPUT_DAYS} dager etter den. Send løpende innspill på saken i stedet.`,
      );
    }
    const onAgenda = await this.db.query(`SELECT 1 FROM agenda_item WHERE meeting_id = $1 AND case_id = $2`, [meetingId, input.caseId]);
    if (onAgenda.length === 0) throw ValidationFailed.field('caseId', 'Saken står ikke på sakslisten til konferansen');
    if (!ctx.roles.has('case_officer')) {
      const registered = await this.db.query(`SELECT 1 FROM meeting_registration WHERE meeting_id = $1 AND user_id = $2`, [
        meetingId,
        ctx.userId,
      ]);
      if (registered.length === 0) throw new Forbidden('Bare påmeldte deltakere kan gi innspill fra konferansen');
    }
    return this.submissions.conferenceInput(ctx, { ...input, meetingId }, now);
  }

  async addAgendaItem(ctx: RequestContext, meetingId: string, input: z.infer<typeof agendaItemSchema>) {
    return this.db.transaction(async (m) => {
      const r = await this.meeting(m, ctx, meetingId, true);
      assertProtocolOpen(r);
      await this.cases.readable(ctx, input.caseId, m);
      const steps: { committee_number: string | null }[] = await m.query(
        `SELECT committee_number FROM case_route_step WHERE case_id = $1 AND body_id = $2`,
        [input.caseId, r.body_id],
      );
      // A meeting that decides nothing (a drøftingsmøte with the unions, a school conference) discusses
      // cases that other bodies decide: they need not be on its body's route. A deciding meeting's must.
      if (!steps[0] && meetingMayDecide(r.kind))
        throw ValidationFailed.field('caseId', `Saken skal ikke behandles i ${r.body_name} (står ikke i saksgangen)`);
      const committeeNumber = steps[0]?.committee_number ?? null;
      const [{ n }] = await m.query(`SELECT coalesce(max(position), 0) + 1 AS n FROM agenda_item WHERE meeting_id = $1`, [meetingId]);
      const rows = await m.query(
        `INSERT INTO agenda_item (meeting_id, case_id, position, committee_number) VALUES ($1,$2,$3,$4) ON CONFLICT (meeting_id, case_id) DO NOTHING RETURNING id`,
        [meetingId, input.caseId, n, committeeNumber],
      );
      if (!rows[0]) throw ValidationFailed.field('caseId', 'Saken står allerede på sakslisten');
      await this.audit.record(m, ctx, 'update', 'meeting', meetingId, null, { agendaAdded: input.caseId });
      return { id: rows[0].id as string, committeeNumber };
    });
  }

  /** Publishes the agenda (saksliste) and tells the body's members. */
  async publishAgenda(ctx: RequestContext, meetingId: string) {
    await this.db.transaction(async (m) => {
      await this.meeting(m, ctx, meetingId);
      await publishAgenda(m, { audit: this.audit, notifications: this.notifications }, meetingId, {
        municipalityId: ctx.municipalityId,
        userId: ctx.userId,
      });
    });
  }

  /**
   * Attendance (oppmøte): per member present, absent (forfall) or met by a substitute (vara, by name), and
   * the members who met but were not there for one case (inhabil, or left the meeting). Replaces both.
   */
  async setAttendance(ctx: RequestContext, meetingId: string, input: z.infer<typeof attendanceSchema>) {
    await this.db.transaction(async (m) => {
      assertProtocolOpen(await this.meeting(m, ctx, meetingId, true));
      const ids = input.attendance.map((a) => a.userId);
      const users: { id: string }[] = await m.query(`SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND municipality_id = $2`, [
        ids,
        ctx.municipalityId,
      ]);
      if (users.length !== new Set(ids).size) throw ValidationFailed.field('attendance', 'Fant ikke alle personene');
      const items: { id: string }[] = await m.query(`SELECT id FROM agenda_item WHERE meeting_id = $1`, [meetingId]);
      const itemIds = new Set(items.map((i) => i.id));
      const unknown = input.itemAbsences.findIndex((x) => !itemIds.has(x.itemId));
      if (unknown >= 0) throw ValidationFailed.field(`itemAbsences.${unknown}.itemId`, 'Saken står ikke på sakslisten til dette møtet');
      await m.query(`DELETE FROM attendance WHERE meeting_id = $1`, [meetingId]);
      for (const a of input.attendance) {
        await m.query(`INSERT INTO attendance (meeting_id, user_id, status, substitute_name) VALUES ($1,$2,$3,$4)`, [
          meetingId,
          a.userId,
          a.status,
          a.status === 'substitute' ? a.substituteName : null,
        ]);
      }
      await m.query(`DELETE FROM agenda_item_absence WHERE agenda_item_id = ANY($1::uuid[])`, [[...itemIds]]);
      for (const x of input.itemAbsences) {
        await m.query(
          `INSERT INTO agenda_item_absence (agenda_item_id, user_id, reason, note) VALUES ($1,$2,$3,$4)
           ON CONFLICT (agenda_item_id, user_id) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note`,
          [x.itemId, x.userId, x.reason, x.note],
        );
      }
      await this.audit.record(m, ctx, 'update', 'meeting', meetingId, null, {
        attendance: input.attendance,
        itemAbsences: input.itemAbsences,
      });
    });
  }

  /** Minutes (protokoll) for an agenda item, with the body's decision recorded in the same transaction. */
  async recordMinutes(ctx: RequestContext, meetingId: string, itemId: string, input: z.infer<typeof minutesSchema>) {
    return this.db.transaction(async (m) => {
      const r = await this.meeting(m, ctx, meetingId, true);
      assertProtocolOpen(r);
      const items: { case_id: string; decision_id: string | null }[] = await m.query(
        `SELECT case_id, decision_id FROM agenda_item WHERE id = $1 AND meeting_id = $2 FOR UPDATE`,
        [itemId, meetingId],
      );
      const item = items[0];
      if (!item) throw new NotFound('Fant ikke saken på sakslisten');
      let decisionId = item.decision_id;
      // A drøftingsmøte (or a school conference) records the discussion and statements, never a vedtak.
      if (input.decision && !meetingMayDecide(r.kind))
        throw ValidationFailed.field('decision', NO_DECISION_IN_MEETING[r.kind] ?? 'Dette møtet fatter ikke vedtak');
      // The vedtak is recorded once; the minutes may be amended after it, the vote and dissent not.
      if (input.decision && decisionId)
        throw ValidationFailed.field(
          'decision',
          'Vedtaket i saken er allerede protokollført. Protokollteksten kan endres, men ikke voteringen.',
        );
      if (input.decision) {
        // Who voted: never a member the body found disqualified in the case (409), only those who met for it.
        const voting = await this.impartiality.assertMayVote(m, meetingId, itemId, input.decision.voterIds);
        const disqualified = voting.excluded.find(
          (x) => x.reason === 'disqualified' && input.decision!.dissent.some((d) => d.name.trim() === x.name),
        );
        if (disqualified) throw new ConflictState(`${disqualified.name} er inhabil i saken og kan ikke stemme, og dermed ikke ta dissens`);
        // No motion gets more votes than there were people to vote on this case.
        const voters =
          input.decision.voterIds.length > 0 ? input.decision.voterIds.length : voting.recorded ? voting.eligible.length : null;
        const tooMany = voters === null ? -1 : input.decision.motions.findIndex((x) => x.for + x.against + x.blank > voters);
        if (tooMany >= 0) {
          const x = input.decision.motions[tooMany]!;
          throw ValidationFailed.field(
            `decision.motions.${tooMany}.for`,
            `Forslaget har ${x.for + x.against + x.blank} stemmer, men bare ${voters} kunne stemme i saken`,
          );
        }
        // The vedtak follows from the vote: the adopted motion's text (or the text when there was no vote).
        const d = await this.cases.recordDecision(
          ctx,
          item.case_id,
          {
            bodyId: r.body_id,
            decidedOn: osloDate(r.starts_at),
            text: decisionTextOf(input.decision),
            motions: input.decision.motions,
            confirmOpenInput: input.decision.confirmOpenInput,
          },
          { m, meetingId },
        );
        decisionId = d.id;
        await m.query(`UPDATE agenda_item SET dissent = $2, voter_ids = $3 WHERE id = $1`, [
          itemId,
          JSON.stringify(input.decision.dissent),
          input.decision.voterIds,
        ]);
      }
      await m.query(`UPDATE agenda_item SET minutes = $2, decision_id = $3 WHERE id = $1`, [itemId, input.minutes, decisionId]);
      await this.audit.record(m, ctx, 'update', 'meeting', meetingId, null, {
        item: itemId,
        minutes: input.minutes,
        dissent: input.decision?.dissent ?? [],
      });
      return { decisionId };
    });
  }

  private async userName(id: string): Promise<string | null> {
    const [u]: { name: string }[] = await this.db.query(`SELECT name FROM app_user WHERE id = $1`, [id]);
    return u?.name ?? null;
  }

  /**
   * Approves the protocol (godkjent, #20): once the meeting has begun and its agenda is published. From then on the
   * minutes, attendance, statements and agenda are locked (assertProtocolOpen), and innsyn shows an open meeting's
   * protocol. Audited.
   */
  async approveMinutes(ctx: RequestContext, meetingId: string) {
    await this.db.transaction(async (m) => {
      const r = await this.meeting(m, ctx, meetingId, true);
      if (r.minutes_approved_at) throw new ConflictState('Protokollen er allerede godkjent');
      if (!r.agenda_published_at)
        throw new ConflictState('Sakslisten er ikke publisert. Protokollen kan ikke godkjennes før møtet er holdt.');
      if (r.starts_at > this.clock.now()) throw new ConflictState('Møtet er ikke holdt ennå. Protokollen godkjennes etter møtet.');
      const at = this.clock.now();
      await m.query(`UPDATE meeting SET minutes_approved_at = $2, minutes_approved_by = $3, updated_at = now() WHERE id = $1`, [
        meetingId,
        at,
        ctx.userId,
      ]);
      await this.audit.record(m, ctx, 'update', 'meeting', meetingId, { minutesApprovedAt: null }, { minutesApprovedAt: at.toISOString() });
    });
  }

  /**
   * Reopens an approved protocol for a correction, with the reason (audited, with who approved it and when). Innsyn
   * stops showing the protocol until it is approved again.
   */
  async reopenMinutes(ctx: RequestContext, meetingId: string, reason: string) {
    await this.db.transaction(async (m) => {
      const r = await this.meeting(m, ctx, meetingId, true);
      if (!r.minutes_approved_at) throw new ConflictState('Protokollen er ikke godkjent, og kan rettes uten å åpnes');
      await m.query(`UPDATE meeting SET minutes_approved_at = NULL, minutes_approved_by = NULL, updated_at = now() WHERE id = $1`, [
        meetingId,
      ]);
      await this.audit.record(
        m,
        ctx,
        'update',
        'meeting',
        meetingId,
        { minutesApprovedAt: r.minutes_approved_at.toISOString(), minutesApprovedBy: r.minutes_approved_by },
        { minutesApprovedAt: null, reopenReason: reason },
      );
    });
  }

  /** The caller's current memberships in the meeting's body (none: not a member). */
  private async memberships(m: EntityManager, ctx: RequestContext, r: MeetingWithBody): Promise<Membership[]> {
    return m.query(
      `SELECT capacity, "union" FROM current_membership WHERE user_id = $1 AND body_id = $2 AND municipality_id = $3 ORDER BY capacity, "union"`,
      [ctx.userId, r.body_id, ctx.municipalityId],
    );
  }

  /**
   * "May act in this meeting" (speak in its protocol): a current member of the meeting's body. The one
   * owner of that rule; returns the caller's current memberships in the body, or throws 403.
   */
  private async actingMember(m: EntityManager, ctx: RequestContext, r: MeetingWithBody, action: string): Promise<Membership[]> {
    const rows = await this.memberships(m, ctx, r);
    if (rows.length === 0) throw new Forbidden(`Bare medlemmer av ${r.body_name} kan ${action} i dette møtet`);
    return rows;
  }

  /** A union representative's own statement in a consultation meeting's protocol (protokolltilførsel), as a member of its body. */
  async addStatement(ctx: RequestContext, meetingId: string, input: z.infer<typeof statementSchema>) {
    return this.db.transaction(async (m) => {
      const r = await this.meeting(m, ctx, meetingId, true);
      if (r.kind !== 'consultation') throw ValidationFailed.field('text', 'Protokolltilførsel kan bare gis i drøftingsmøter');
      assertProtocolOpen(r);
      const union = statementUnion(await this.actingMember(m, ctx, r, 'gi protokolltilførsel'));
      if (!union) throw new Forbidden('Bare tillitsvalgte kan gi protokolltilførsel');
      if (input.agendaItemId) {
        const onAgenda = await m.query(`SELECT 1 FROM agenda_item WHERE id = $1 AND meeting_id = $2`, [input.agendaItemId, meetingId]);
        if (onAgenda.length === 0) throw ValidationFailed.field('agendaItemId', 'Saken står ikke på sakslisten til dette møtet');
      }
      const [row] = await m.query(
        `INSERT INTO protocol_statement (meeting_id, author_id, "union", text, agenda_item_id) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [meetingId, ctx.userId, union, input.text, input.agendaItemId],
      );
      await this.audit.record(m, ctx, 'create', 'protocol_statement', row.id, null, input);
      return { id: row.id as string };
    });
  }

  /**
   * The protokolltilførsler about a case, for whoever may read it: those about the case, and those about the
   * whole of a drøftingsmøte that had the case on its agenda.
   */
  async caseStatements(ctx: RequestContext, caseId: string) {
    await this.cases.readable(ctx, caseId);
    const rows: {
      id: string;
      union: string;
      text: string;
      created_at: Date;
      author: string;
      about_case: boolean;
      meeting_id: string;
      meeting_title: string;
      starts_at: Date;
      body: string;
    }[] = await this.db.query(
      `SELECT s.id, s."union", s.text, s.created_at, u.name AS author, (s.agenda_item_id IS NOT NULL) AS about_case,
              mt.id AS meeting_id, mt.title AS meeting_title, mt.starts_at, b.name AS body
         FROM protocol_statement s JOIN meeting mt ON mt.id = s.meeting_id JOIN body b ON b.id = mt.body_id JOIN app_user u ON u.id = s.author_id
        WHERE mt.municipality_id = $2
          AND (s.agenda_item_id IN (SELECT id FROM agenda_item WHERE case_id = $1)
               OR (s.agenda_item_id IS NULL AND EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = mt.id AND a.case_id = $1)))
        ORDER BY mt.starts_at, s.created_at`,
      [caseId, ctx.municipalityId],
    );
    return {
      statements: rows.map((s) => ({
        id: s.id,
        meeting: { id: s.meeting_id, title: s.meeting_title, startsAt: s.starts_at.toISOString(), body: s.body },
        union: s.union,
        text: s.text,
        author: s.author,
        createdAt: s.created_at.toISOString(),
        aboutCase: s.about_case,
      })),
    };
  }

  /** The caller's calendar feed tokens (when each was made; the token itself is shown only once). */
  async calendarTokens(ctx: RequestContext) {
    const rows: { id: string; created_at: Date }[] = await this.db.query(
      `SELECT id, created_at FROM calendar_token WHERE user_id = $1 AND municipality_id = $2 ORDER BY created_at`,
      [ctx.userId, ctx.municipalityId],
    );
    return { tokens: rows.map((r) => ({ id: r.id, createdAt: r.created_at.toISOString() })) };
  }

  /**
   * A new personal feed address: 32 random bytes, stored as their SHA-256 only, so the address is shown once. Anyone
   * holding it reads the person's meetings and deadlines (a calendar app sends no cookie) until it is revoked.
   */
  async createCalendarToken(ctx: RequestContext) {
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (m) => {
      const [row]: { id: string; created_at: Date }[] = await m.query(
        `INSERT INTO calendar_token (municipality_id, user_id, token_sha256) VALUES ($1, $2, $3) RETURNING id, created_at`,
        [ctx.municipalityId, ctx.userId, hashToken(token)],
      );
      await this.audit.record(m, ctx, 'create', 'calendar_token', row!.id, null, {});
      const base = this.config.APP_URL.replace(/\/$/, '');
      return { id: row!.id, createdAt: row!.created_at.toISOString(), url: `${base}/api/calendar-feeds/${token}` };
    });
  }

  /** Revokes one of the caller's tokens: the feed answers 404 from the next request. */
  async revokeCalendarToken(ctx: RequestContext, id: string) {
    await this.db.transaction(async (m) => {
      const gone: { id: string }[] = await m.query(
        `WITH gone AS (DELETE FROM calendar_token WHERE id = $1 AND user_id = $2 AND municipality_id = $3 RETURNING id) SELECT id FROM gone`,
        [id, ctx.userId, ctx.municipalityId],
      );
      if (gone.length === 0) throw new NotFound('Fant ikke kalenderadressen');
      await this.audit.record(m, ctx, 'delete', 'calendar_token', id, {}, null);
    });
  }

  /** The personal feed by its token (no cookie): the owner's {@link calendar}, or 404 for an unknown or revoked token. */
  async calendarByToken(token: string): Promise<string> {
    const ctx = token.length <= 100 ? await resolveCalendarToken(this.db, token) : undefined;
    if (!ctx) throw new NotFound('Fant ikke kalenderen');
    return this.calendar(ctx, { byToken: true });
  }

  /**
   * The person's meetings and input deadlines as an iCalendar feed (RFC 5545: ical-generator escapes
   * text, turns line breaks, a bare CR included, into \n and folds lines at 75 octets). Rounds are those
   * the person's bodies or the person are invited to; a round's case is named by the title the person
   * may see (caseTitleSql), so an invitee meets an exempt case by its public title.
   *
   * The feed by token (`byToken`) leaves the system: a calendar app stores it, syncs it and may share it, so
   * it names cases by their public title only (caseTitleSql with 'false', as notices and e-mail do) and
   * gives no video link (a closed meeting's link is a key to the meeting); the place is still given.
   */
  async calendar(
    ctx: RequestContext,
    { byToken = false, now = this.clock.now() }: { byToken?: boolean; now?: Date } = {},
  ): Promise<string> {
    const bodyIds = [...ctx.bodyIds];
    const officer = ctx.roles.has('case_officer');
    const meetings: {
      id: string;
      title: string;
      starts_at: Date;
      ends_at: Date | null;
      place: string | null;
      video_link: string | null;
      body: string;
    }[] = await this.db.query(
      `SELECT mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, mt.video_link, b.name AS body FROM meeting mt JOIN body b ON b.id = mt.body_id
        WHERE mt.municipality_id = $1 AND (mt.body_id = ANY($2::uuid[]) OR $3) ORDER BY mt.starts_at`,
      [ctx.municipalityId, bodyIds, officer],
    );
    const rounds: {
      id: string;
      title: string;
      closes_at: Date;
      extended_until: Date | null;
      case_number: string | null;
      case_title: string | null;
    }[] = await this.db.query(
      `SELECT r.id, r.title, r.closes_at, max(i.extended_until) FILTER (WHERE i.body_id = ANY($2::uuid[])) AS extended_until,
              c.archive_year || '/' || c.archive_seq AS case_number, ${caseTitleSql('c', byToken ? 'false' : caseReadableSql('c', '$4', '$2', ctx))} AS case_title
         FROM input_round r LEFT JOIN round_invitation i ON i.round_id = r.id AND i.body_id = ANY($2::uuid[]) LEFT JOIN case_file c ON c.id = r.case_id
        WHERE r.municipality_id = $1
          AND (i.body_id IS NOT NULL OR EXISTS (SELECT 1 FROM round_person_invitation p WHERE p.round_id = r.id AND p.user_id = $3))
        GROUP BY r.id, c.id ORDER BY r.closes_at`,
      [ctx.municipalityId, bodyIds, ctx.userId, ...(byToken ? [] : [officer])],
    );
    const base = this.config.APP_URL.replace(/\/$/, '');
    // Line breaks are escaped by ical-generator; other control characters have no place in iCalendar text.
    const control = (c: number) => (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
    const text = (v: string) => [...v].filter((ch) => !control(ch.charCodeAt(0))).join('');
    const calendar = ical({ name: 'Samråd', prodId: '//Samråd//NO' });
    for (const mt of meetings) {
      const where = mt.place || (byToken ? null : mt.video_link);
      calendar.createEvent({
        id: `meeting-${mt.id}@samrad`,
        stamp: now,
        start: mt.starts_at,
        end: mt.ends_at ?? new Date(mt.starts_at.getTime() + 2 * 3600_000),
        summary: text(`${mt.body}: ${mt.title}`),
        location: where ? text(where) : null,
        url: `${base}/moter/${mt.id}`,
      });
    }
    for (const r of rounds) {
      const at = r.extended_until ?? r.closes_at;
      calendar.createEvent({
        id: `round-${r.id}@samrad`,
        stamp: now,
        start: at,
        end: at,
        summary: text(`Frist for innspill: ${r.title}`),
        description: r.case_number ? text(`Sak ${r.case_number}: ${r.case_title ?? ''}`) : null,
        url: `${base}/innspill/${r.id}`,
      });
    }
    // Every content line ends with CRLF, the last one too.
    return `${calendar.toString()}\r\n`;
  }
}
