import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { declarationSchema, impartialityDecisionSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { ConflictState, Forbidden, NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { CasesService, caseReadableSql } from '../cases/cases.service.js';
import type { ImpartialityDeclarationRow } from './meetings.rows.js';
import { assertProtocolOpen } from './protocol-lock.js';

type DeclarationWithNames = ImpartialityDeclarationRow & {
  person_name: string;
  substitute_name: string | null;
  item_label: string;
};

/** Who may vote on an agenda item, and who met but may not (and why). */
export interface Voting {
  /** Whether attendance is recorded (before it, there is nothing to count against). */
  recorded: boolean;
  eligible: { userId: string; name: string; substitute: boolean }[];
  excluded: { userId: string; name: string; reason: 'disqualified' | 'left'; note: string | null }[];
}

/** Who a declaration is about, by name. */
const nameOf = (d: { person_name: string }) => d.person_name;

const DECLARATION_SELECT = `SELECT d.*, p.name AS person_name, s.name AS substitute_name,
       coalesce(a.committee_number, c.archive_year || '/' || c.archive_seq) AS item_label
  FROM impartiality_declaration d JOIN app_user p ON p.id = d.user_id LEFT JOIN app_user s ON s.id = d.substitute_user_id
  JOIN agenda_item a ON a.id = d.agenda_item_id JOIN case_file c ON c.id = d.case_id`;

/**
 * Impartiality (habilitet, forvaltningsloven § 6, kommuneloven § 11-11) in a body's meetings: the one owner of the
 * rule that a member the body found disqualified in a case takes no part in it — they leave for the case, cannot vote
 * on it, and a substitute called in for it votes in their place. The vote, the attendance, the protocol (page and PDF)
 * all ask {@link voting} and {@link itemViews}. Every declaration and decision goes to the case's audit trail.
 */
@Injectable()
export class ImpartialityService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  /** The declarations about a meeting's items (all of them; the caller filters by what the reader may read). */
  private async declarations(m: EntityManager, where: string, params: unknown[]): Promise<DeclarationWithNames[]> {
    return m.query(`${DECLARATION_SELECT} WHERE ${where} ORDER BY d.created_at, p.name`, params);
  }

  private view(d: DeclarationWithNames) {
    return {
      id: d.id,
      agendaItemId: d.agenda_item_id,
      caseId: d.case_id,
      person: { id: d.user_id, name: d.person_name },
      declaredBy: d.declared_by,
      reason: d.reason,
      legalBasis: d.legal_basis as never,
      decision: d.decision,
      decisionText: d.decision_text,
      decidedAt: d.decided_at?.toISOString() ?? null,
      substitute: d.substitute_user_id ? { id: d.substitute_user_id, name: d.substitute_name ?? '' } : null,
      createdAt: d.created_at.toISOString(),
    };
  }

  /**
   * Who may vote on each of a meeting's items: those who met (members present, and a seat's substitute by name,
   * under the seat's id), less those not there for the case (left, or recorded as inhabil in the attendance) and
   * those the body found disqualified, with the substitute called in for a disqualified member.
   */
  async votingByItem(m: EntityManager, meetingId: string): Promise<Map<string, Voting>> {
    const [attendance, absences, items, declarations] = await Promise.all([
      m.query(
        `SELECT t.user_id, u.name, t.status, t.substitute_name FROM attendance t JOIN app_user u ON u.id = t.user_id WHERE t.meeting_id = $1 ORDER BY u.name`,
        [meetingId],
      ) as Promise<{ user_id: string; name: string; status: string; substitute_name: string | null }[]>,
      m.query(
        `SELECT x.agenda_item_id, x.user_id, u.name, x.reason, x.note FROM agenda_item_absence x JOIN agenda_item a ON a.id = x.agenda_item_id
           JOIN app_user u ON u.id = x.user_id WHERE a.meeting_id = $1`,
        [meetingId],
      ) as Promise<{ agenda_item_id: string; user_id: string; name: string; reason: 'disqualified' | 'left'; note: string | null }[]>,
      m.query(`SELECT id FROM agenda_item WHERE meeting_id = $1`, [meetingId]) as Promise<{ id: string }[]>,
      this.declarations(m, `d.meeting_id = $1 AND d.decision = 'disqualified'`, [meetingId]),
    ]);
    const met = attendance.filter((a) => a.status === 'present' || a.status === 'substitute');
    const out = new Map<string, Voting>();
    for (const { id } of items) {
      const excluded = new Map<string, Voting['excluded'][number]>();
      for (const x of absences.filter((x) => x.agenda_item_id === id))
        excluded.set(x.user_id, { userId: x.user_id, name: x.name, reason: x.reason, note: x.note });
      const mine = declarations.filter((d) => d.agenda_item_id === id);
      for (const d of mine) excluded.set(d.user_id, { userId: d.user_id, name: d.person_name, reason: 'disqualified', note: d.reason });
      const eligible: Voting['eligible'] = met
        .filter((a) => !excluded.has(a.user_id))
        .map((a) =>
          a.status === 'substitute'
            ? { userId: a.user_id, name: a.substitute_name ?? a.name, substitute: true }
            : { userId: a.user_id, name: a.name, substitute: false },
        );
      for (const d of mine)
        if (d.substitute_user_id && !eligible.some((e) => e.userId === d.substitute_user_id))
          eligible.push({ userId: d.substitute_user_id, name: d.substitute_name ?? '', substitute: true });
      out.set(id, { recorded: attendance.length > 0, eligible, excluded: [...excluded.values()] });
    }
    return out;
  }

  async voting(m: EntityManager, meetingId: string, itemId: string): Promise<Voting> {
    return (await this.votingByItem(m, meetingId)).get(itemId) ?? { recorded: false, eligible: [], excluded: [] };
  }

  /**
   * The vote on an item refuses a member the body found disqualified (409), and anyone who did not meet for the
   * case (a field error); returns who may vote.
   */
  async assertMayVote(m: EntityManager, meetingId: string, itemId: string, voterIds: string[]): Promise<Voting> {
    const voting = await this.voting(m, meetingId, itemId);
    // The body decides on each declaration before it votes on the case.
    const pending = await this.declarations(m, `d.agenda_item_id = $1 AND d.decision = 'pending'`, [itemId]);
    if (pending[0])
      throw ValidationFailed.field(
        'decision',
        `${nameOf(pending[0])} har erklært seg inhabil; organet må avgjøre habiliteten før voteringen`,
      );
    const disqualified = await this.declarations(m, `d.agenda_item_id = $1 AND d.decision = 'disqualified'`, [itemId]);
    const seen = new Set<string>();
    voterIds.forEach((id, i) => {
      const d = disqualified.find((x) => x.user_id === id);
      if (d)
        throw new ConflictState(
          `${d.person_name} er inhabil i sak ${d.item_label} og kan ikke stemme (fratrådte under behandlingen). Begrunnelse: ${d.reason}`,
        );
      if (seen.has(id)) throw ValidationFailed.field(`decision.voterIds.${i}`, 'Personen står to ganger i listen over hvem som stemte');
      seen.add(id);
      if (!voting.eligible.some((e) => e.userId === id))
        throw ValidationFailed.field(`decision.voterIds.${i}`, 'Personen møtte ikke i saken og kan ikke stemme');
    });
    return voting;
  }

  /** What the protocol shows per item: each declaration and the body's decision, by name. */
  async itemViews(m: EntityManager, meetingId: string) {
    const rows = await this.declarations(m, `d.meeting_id = $1`, [meetingId]);
    const byItem = new Map<string, ReturnType<ImpartialityService['protocolLine']>[]>();
    for (const d of rows) byItem.set(d.agenda_item_id, [...(byItem.get(d.agenda_item_id) ?? []), this.protocolLine(d)]);
    return byItem;
  }

  private protocolLine(d: DeclarationWithNames) {
    return {
      name: d.person_name,
      declaredBy: d.declared_by,
      reason: d.reason,
      legalBasis: d.legal_basis as never,
      decision: d.decision,
      decisionText: d.decision_text,
      substituteName: d.substitute_user_id ? (d.substitute_name ?? '') : null,
    };
  }

  private async meetingOf(m: EntityManager, ctx: RequestContext, meetingId: string, forChange = false) {
    // Locked against the protocol's approval (forChange): an approved protocol takes no new declaration or decision.
    const rows: { id: string; body_id: string; body_name: string; minutes_approved_at: Date | null }[] = await m.query(
      `SELECT mt.id, mt.body_id, b.name AS body_name, mt.minutes_approved_at FROM meeting mt JOIN body b ON b.id = mt.body_id
        WHERE mt.id = $1 AND mt.municipality_id = $2${forChange ? ' FOR UPDATE OF mt' : ''}`,
      [meetingId, ctx.municipalityId],
    );
    if (!rows[0]) throw new NotFound('Fant ikke møtet');
    return rows[0];
  }

  private async isMember(m: EntityManager, ctx: RequestContext, bodyId: string, userId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM current_membership WHERE user_id = $1 AND body_id = $2 AND municipality_id = $3`, [
      userId,
      bodyId,
      ctx.municipalityId,
    ]);
    return rows.length > 0;
  }

  /** A meeting's declarations for the items the caller may read, what the caller may do, and whom an officer may name. */
  async forMeeting(ctx: RequestContext, meetingId: string) {
    const mt = await this.meetingOf(this.db.manager, ctx, meetingId);
    const officer = ctx.roles.has('case_officer');
    const rows = await this.declarations(this.db.manager, `d.meeting_id = $1 AND ${caseReadableSql('c', '$2', '$3', ctx)}`, [
      meetingId,
      officer,
      [...ctx.bodyIds],
    ]);
    const people: { id: string; name: string }[] = officer
      ? await this.db.query(
          `SELECT DISTINCT u.id, u.name FROM app_user u
            WHERE u.municipality_id = $3 AND (u.id IN (SELECT user_id FROM current_membership WHERE body_id = $2)
                  OR u.id IN (SELECT user_id FROM attendance WHERE meeting_id = $1)) ORDER BY u.name`,
          [meetingId, mt.body_id, ctx.municipalityId],
        )
      : [];
    // A substitute (vara): a politician of the municipality who is not already in the meeting.
    const substitutes: { id: string; name: string }[] = officer
      ? await this.db.query(
          `SELECT DISTINCT u.id, u.name FROM app_user u JOIN current_membership cm ON cm.user_id = u.id
            WHERE u.municipality_id = $2 AND cm.capacity = 'politician'
              AND u.id NOT IN (SELECT user_id FROM attendance WHERE meeting_id = $1 AND status IN ('present','substitute'))
            ORDER BY u.name`,
          [meetingId, ctx.municipalityId],
        )
      : [];
    return {
      declarations: rows.map((d) => this.view(d)),
      mayDeclare: await this.isMember(this.db.manager, ctx, mt.body_id, ctx.userId),
      mayRecord: officer,
      people,
      substitutes,
    };
  }

  /**
   * A declaration: a member of the meeting's body for themselves, or an officer for a member (or anyone who met).
   * One per person and item; not after the item's vote is recorded.
   */
  async declare(ctx: RequestContext, meetingId: string, input: z.infer<typeof declarationSchema>) {
    return this.db.transaction(async (m) => {
      const mt = await this.meetingOf(m, ctx, meetingId, true);
      const officer = ctx.roles.has('case_officer');
      const userId = input.userId ?? ctx.userId;
      const self = userId === ctx.userId;
      if (!self && !officer) throw new Forbidden('Bare saksbehandler kan registrere inhabilitet for andre');
      assertProtocolOpen(mt);
      const items: { case_id: string; decision_id: string | null }[] = await m.query(
        `SELECT case_id, decision_id FROM agenda_item WHERE id = $1 AND meeting_id = $2 FOR UPDATE`,
        [input.agendaItemId, meetingId],
      );
      const item = items[0];
      if (!item) throw ValidationFailed.field('agendaItemId', 'Saken står ikke på sakslisten til dette møtet');
      await this.cases.readable(ctx, item.case_id, m);
      if (item.decision_id)
        throw ValidationFailed.field('agendaItemId', 'Saken er allerede votert over; habiliteten avgjøres før voteringen');
      if (self && !(await this.isMember(m, ctx, mt.body_id, userId)))
        throw new Forbidden(`Bare medlemmer av ${mt.body_name} kan erklære seg inhabile i dette møtet`);
      if (!self) {
        const known = await m.query(
          `SELECT 1 FROM app_user u WHERE u.id = $1 AND u.municipality_id = $2
              AND (EXISTS (SELECT 1 FROM current_membership WHERE user_id = u.id AND body_id = $3)
                   OR EXISTS (SELECT 1 FROM attendance WHERE user_id = u.id AND meeting_id = $4))`,
          [userId, ctx.municipalityId, mt.body_id, meetingId],
        );
        if (known.length === 0) throw ValidationFailed.field('userId', `Personen er ikke medlem av ${mt.body_name} og møtte ikke`);
      }
      const rows: { id: string }[] = await m.query(
        `INSERT INTO impartiality_declaration (municipality_id, meeting_id, agenda_item_id, case_id, user_id, declared_by, recorded_by, reason, legal_basis)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (agenda_item_id, user_id) DO NOTHING RETURNING id`,
        [
          ctx.municipalityId,
          meetingId,
          input.agendaItemId,
          item.case_id,
          userId,
          self ? 'self' : 'officer',
          ctx.userId,
          input.reason,
          input.legalBasis,
        ],
      );
      if (!rows[0]) throw ValidationFailed.field('userId', 'Habiliteten til personen i denne saken er allerede registrert');
      await this.audit.record(m, ctx, 'create', 'case', item.case_id, null, {
        impartialityDeclaration: {
          id: rows[0].id,
          meetingId,
          agendaItemId: input.agendaItemId,
          userId,
          declaredBy: self ? 'self' : 'officer',
          reason: input.reason,
          legalBasis: input.legalBasis,
        },
      });
      return { id: rows[0].id };
    });
  }

  /** The body's decision on a declaration (recorded by the officer), with the substitute called in when disqualified. */
  async decide(ctx: RequestContext, meetingId: string, declarationId: string, input: z.infer<typeof impartialityDecisionSchema>) {
    return this.db.transaction(async (m) => {
      assertProtocolOpen(await this.meetingOf(m, ctx, meetingId, true));
      const rows: ImpartialityDeclarationRow[] = await m.query(
        `SELECT * FROM impartiality_declaration WHERE id = $1 AND meeting_id = $2 AND municipality_id = $3 FOR UPDATE`,
        [declarationId, meetingId, ctx.municipalityId],
      );
      const d = rows[0];
      if (!d) throw new NotFound('Fant ikke habilitetserklæringen');
      await this.cases.readable(ctx, d.case_id, m);
      const [item]: { decision_id: string | null }[] = await m.query(`SELECT decision_id FROM agenda_item WHERE id = $1`, [
        d.agenda_item_id,
      ]);
      if (item?.decision_id) throw ValidationFailed.field('decision', 'Saken er allerede votert over; habiliteten avgjøres før voteringen');
      if (input.substituteUserId) {
        if (input.substituteUserId === d.user_id)
          throw ValidationFailed.field('substituteUserId', 'Den inhabile kan ikke være sin egen vara');
        const ok = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND municipality_id = $2`, [
          input.substituteUserId,
          ctx.municipalityId,
        ]);
        if (ok.length === 0) throw ValidationFailed.field('substituteUserId', 'Fant ikke varaen');
        const inMeeting = await m.query(
          `SELECT 1 FROM attendance WHERE meeting_id = $1 AND user_id = $2 AND status IN ('present','substitute')`,
          [meetingId, input.substituteUserId],
        );
        if (inMeeting.length) throw ValidationFailed.field('substituteUserId', 'Varaen møter allerede i møtet');
      }
      await m.query(
        `UPDATE impartiality_declaration SET decision = $2, decision_text = $3, decided_at = now(), decided_by = $4, substitute_user_id = $5 WHERE id = $1`,
        [declarationId, input.decision, input.decisionText, ctx.userId, input.decision === 'disqualified' ? input.substituteUserId : null],
      );
      await this.audit.record(
        m,
        ctx,
        'update',
        'case',
        d.case_id,
        { impartialityDecision: { id: declarationId, userId: d.user_id, decision: d.decision, decisionText: d.decision_text } },
        {
          impartialityDecision: {
            id: declarationId,
            userId: d.user_id,
            decision: input.decision,
            decisionText: input.decisionText,
            substituteUserId: input.substituteUserId,
          },
        },
      );
      return { id: declarationId, decision: input.decision };
    });
  }

  /** The register of declarations about a case (for whoever may read it), with the officers disqualified from preparing it. */
  async forCase(ctx: RequestContext, caseId: string) {
    await this.cases.readable(ctx, caseId);
    const rows: (DeclarationWithNames & { meeting_title: string; starts_at: Date; body_name: string })[] = await this.db.query(
      `SELECT d.*, p.name AS person_name, s.name AS substitute_name, '' AS item_label, mt.title AS meeting_title, mt.starts_at, b.name AS body_name
         FROM impartiality_declaration d JOIN app_user p ON p.id = d.user_id LEFT JOIN app_user s ON s.id = d.substitute_user_id
         JOIN meeting mt ON mt.id = d.meeting_id JOIN body b ON b.id = mt.body_id
        WHERE d.case_id = $1 AND d.municipality_id = $2 ORDER BY mt.starts_at, d.created_at`,
      [caseId, ctx.municipalityId],
    );
    return {
      declarations: rows.map((d) => ({
        ...this.view(d),
        meeting: { id: d.meeting_id, title: d.meeting_title, startsAt: d.starts_at.toISOString(), body: d.body_name },
      })),
      ...(await this.cases.officerDisqualifications(ctx, caseId)),
    };
  }
}
