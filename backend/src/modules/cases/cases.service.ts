import { Inject, Injectable } from '@nestjs/common';
import { diffWordsWithSpace } from 'diff';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  SECTION_KINDS,
  type ChangeAccess,
  type CreateCase,
  type MoveCase,
  type UpdateCase,
  type assignOfficerSchema,
  type commentSchema,
  type officerDisqualificationSchema,
  type decisionSchema,
  type recommendationSchema,
  type routeSchema,
} from '@samrad/shared/contracts';
import { motionsView } from '@samrad/shared/contracts';
import {
  allowedManualMoves,
  caseTitleFor,
  isMoveBack,
  nextPhase,
  openInputText,
  osloDate,
  parseCaseReference,
  type CaseEvent,
  type CaseState,
} from '@samrad/shared/domain';
import type { RequestContext } from '../../platform/auth/context.js';
import { nextNumber } from '../../platform/database/counters.js';
import { createAudited, findOwnForUpdate, updateVersioned } from '../../platform/database/tenant-repository.js';
import { Forbidden, NeedsConfirmation, NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CaseFile, caseReadFields } from './case.entity.js';
import type {
  CaseOfficerDisqualificationRow,
  CasePhaseRow,
  CaseRouteStepRow,
  CaseSectionRow,
  CaseSectionVersionRow,
  CommentRow,
  DecisionRow,
  RecommendationRow,
} from './cases.rows.js';

interface RouteStep {
  body_id: string;
  body_name: string;
  position: number;
}

/** What is still open on a case before its deciding vedtak. */
export interface OpenInput {
  rounds: string[];
  undisposed: number;
}

export const caseNumber = (c: { archiveYear: number; archiveSeq: number } | { archive_year: number; archive_seq: number }) =>
  'archiveYear' in c ? `${c.archiveYear}/${c.archiveSeq}` : `${c.archive_year}/${c.archive_seq}`;

/** Whom a read rule is evaluated for: the caller's context (innsyn's anonymous reader is one more caller). */
export type CaseReader = Pick<RequestContext, 'anonymous'>;

/**
 * A signed-in reader, for the read models whose SQL is built before a context is at hand (the search fragments,
 * which only signed-in people run): the same rule as any caller's context without `anonymous`.
 */
export const SIGNED_IN_READER: CaseReader = Object.freeze({});

/**
 * The publication rule (#20), the one owner of "the reader may know this case exists": everyone signed in to the
 * municipality knows each of its cases (an exempt one by its public title); the public (the anonymous reader of
 * innsyn) only a case that has left its draft. Every list, page, feed, sitemap, calendar, open-data register and
 * PDF that names cases to a reader filters with it (never a hand copy of the status test).
 */
export function caseKnownSql(c: string, reader: CaseReader): string {
  return reader.anonymous ? `(${c}.status <> 'draft')` : 'true';
}

/** The rule of {@link caseKnownSql} in TS, for a case already loaded. */
export const caseKnown = (c: Pick<CaseFile, 'status'>, reader: CaseReader): boolean => !reader.anonymous || c.status !== 'draft';

/**
 * SQL for "the caller may read this case": known to the caller ({@link caseKnownSql}) and public, or the caller is
 * a case officer, or one of the caller's bodies is on the case's route (the rule of CasesService.canRead). Every
 * query that lists cases with their title uses it, so the rule is written once. `c` is the case_file alias;
 * `officer` and `bodyIds` are the placeholders of a boolean and a uuid[] parameter; `reader` the caller's context
 * (required: the anonymous reader reads less).
 */
export function caseReadableSql(c: string, officer: string, bodyIds: string, reader: CaseReader): string {
  const open = `(${c}.access = 'public' AND ${caseKnownSql(c, reader)})`;
  return `(${open} OR ${officer} OR EXISTS (SELECT 1 FROM case_route_step crs WHERE crs.case_id = ${c}.id AND crs.body_id = ANY(${bodyIds}::uuid[])))`;
}

/** The title a person may see (caseTitleSql / caseTitleFor): written once in shared/src/domain/case-title.ts. */
export { caseTitleChoiceSql, caseTitleFor, caseTitleSql } from '@samrad/shared/domain';

@Injectable()
export class CasesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  /** Full access: officers, everyone for a public case, and members of the bodies on an exempt case's route. */
  async canRead(ctx: RequestContext, c: Pick<CaseFile, 'id' | 'access'>, m: EntityManager = this.db.manager): Promise<boolean> {
    // The one rule, caseReadableSql, run for this case (a public case needs no query, except for the anonymous reader).
    if (c.access === 'public' && !ctx.anonymous) return true;
    const rows: { readable: boolean }[] = await m.query(
      `SELECT ${caseReadableSql('c', '$2', '$3', ctx)} AS readable FROM case_file c WHERE c.id = $1`,
      [c.id, ctx.roles.has('case_officer'), [...ctx.bodyIds]],
    );
    return rows[0]?.readable === true;
  }

  /** Loads a case of the caller's municipality that the caller may read in full. */
  async readable(ctx: RequestContext, id: string, m: EntityManager = this.db.manager): Promise<CaseFile> {
    const c = await m.findOneBy(CaseFile, { id, municipalityId: ctx.municipalityId });
    // A case the reader may not know of (a draft, for the public) is not found, as another municipality's.
    if (!c || !caseKnown(c, ctx)) throw new NotFound('Fant ikke saken');
    if (!(await this.canRead(ctx, c, m))) throw new Forbidden('Saken er unntatt offentlighet. Du har ikke tilgang til innholdet.');
    return c;
  }

  async list(ctx: RequestContext, filter: { mandateItemId?: string } = {}) {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.id, c.archive_year, c.archive_seq, c.title, c.status, c.access, c.public_title, c.mandate_item_id, c.updated_at,
              ${caseReadableSql('c', '$3', '$4', ctx)} AS readable
         FROM case_file c WHERE c.municipality_id = $1 AND ${caseKnownSql('c', ctx)} AND ($2::uuid IS NULL OR c.mandate_item_id = $2)
        ORDER BY c.archive_year DESC, c.archive_seq DESC`,
      [ctx.municipalityId, filter.mandateItemId ?? null, ctx.roles.has('case_officer'), [...ctx.bodyIds]],
    );
    return rows.map((r) => ({
      id: r.id,
      number: `${r.archive_year}/${r.archive_seq}`,
      // An exempt case shows its screened title to those who may not read it.
      title: caseTitleFor(
        { access: r.access as string, title: r.title as string, publicTitle: r.public_title as string | null },
        r.readable === true,
      ),
      status: r.status,
      access: r.access,
      readable: r.readable,
      mandateItemId: r.mandate_item_id,
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
  }

  async create(ctx: RequestContext, input: CreateCase, now = new Date()) {
    if (input.mandateItemId) await this.assertMandateItem(ctx, input.mandateItemId);
    return this.db.transaction(async (m) => {
      const year = Number(osloDate(now).slice(0, 4));
      const seq = await nextNumber(m, 'archive', ctx.municipalityId, year);
      const { sections, ...fields } = input;
      const c = await createAudited(m, this.audit, ctx, CaseFile, 'case', {
        ...fields,
        archiveYear: year,
        archiveSeq: seq,
        officerId: ctx.userId,
        status: 'draft',
      });
      await m.query(`INSERT INTO case_phase (municipality_id, case_id, phase, actor_id) VALUES ($1, $2, 'draft', $3)`, [
        ctx.municipalityId,
        c.id,
        ctx.userId,
      ]);
      for (const [i, kind] of SECTION_KINDS.entries()) {
        const [{ id }] = await m.query(`INSERT INTO case_section (case_id, kind, position) VALUES ($1, $2, $3) RETURNING id`, [
          c.id,
          kind,
          i + 1,
        ]);
        await m.query(`INSERT INTO case_section_version (section_id, version, text, author_id) VALUES ($1, 1, $2, $3)`, [
          id,
          sections[kind],
          ctx.userId,
        ]);
      }
      return { id: c.id, number: caseNumber(c), version: c.version };
    });
  }

  private async assertMandateItem(ctx: RequestContext, id: string) {
    const ok = await this.db.query(`SELECT 1 FROM mandate_item WHERE id = $1 AND municipality_id = $2`, [id, ctx.municipalityId]);
    if (ok.length === 0) throw ValidationFailed.field('mandateItemId', 'Fant ikke mandatpunktet');
  }

  async get(ctx: RequestContext, id: string) {
    const c = await this.readable(ctx, id);
    const [sections, route, recommendations, decisions, rounds, mandateItem, officer, phases, openInput, references] = await Promise.all([
      this.db.query(
        `SELECT s.id, s.kind, s.current_version AS version, v.text, v.created_at
           FROM case_section s JOIN case_section_version v ON v.section_id = s.id AND v.version = s.current_version
          WHERE s.case_id = $1 ORDER BY s.position`,
        [id],
      ) as Promise<(Pick<CaseSectionRow, 'id' | 'kind'> & { version: number } & Pick<CaseSectionVersionRow, 'text' | 'created_at'>)[]>,
      // The meeting date is the body's meeting that has the case on its agenda (the one that decided it, else
      // the latest ordinary one), and the planned date until the case is on an agenda.
      this.db.query(
        `SELECT r.body_id, b.name AS body_name, r.position, r.committee_number,
                coalesce((SELECT to_char(mt.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD')
                            FROM agenda_item a JOIN meeting mt ON mt.id = a.meeting_id
                           WHERE a.case_id = r.case_id AND mt.body_id = r.body_id
                           ORDER BY (a.decision_id IS NOT NULL) DESC, (mt.kind = 'ordinary') DESC, mt.starts_at DESC LIMIT 1),
                         r.meeting_date::text) AS meeting_date
           FROM case_route_step r JOIN body b ON b.id = r.body_id WHERE r.case_id = $1 ORDER BY r.position`,
        [id],
      ) as Promise<(Pick<CaseRouteStepRow, 'body_id' | 'position' | 'meeting_date' | 'committee_number'> & { body_name: string })[]>,
      this.db.query(
        `SELECT r.id, r.body_id, b.name AS body_name, r.text, r.recorded_at FROM recommendation r JOIN body b ON b.id = r.body_id WHERE r.case_id = $1 ORDER BY r.recorded_at`,
        [id],
      ) as Promise<(Pick<RecommendationRow, 'id' | 'body_id' | 'text' | 'recorded_at'> & { body_name: string })[]>,
      this.db.query(
        `SELECT d.id, d.body_id, b.name AS body_name, d.committee_number, d.decided_on, d.text, d.motions, d.open_input_reason FROM decision d JOIN body b ON b.id = d.body_id WHERE d.case_id = $1 ORDER BY d.decided_on`,
        [id],
      ) as Promise<
        (Pick<DecisionRow, 'id' | 'body_id' | 'committee_number' | 'decided_on' | 'text' | 'motions' | 'open_input_reason'> & {
          body_name: string;
        })[]
      >,
      this.db.query(`SELECT id, title, closes_at, closed_at FROM input_round WHERE case_id = $1 ORDER BY closes_at`, [id]),
      c.mandateItemId ? this.db.query(`SELECT id, number, title FROM mandate_item WHERE id = $1`, [c.mandateItemId]) : Promise.resolve([]),
      c.officerId ? this.db.query(`SELECT id, name FROM app_user WHERE id = $1`, [c.officerId]) : Promise.resolve([]),
      this.db.query(
        `SELECT p.phase, p.body_id, b.name AS body_name, p.entered_at, u.name AS actor_name, p.reason
           FROM case_phase p LEFT JOIN body b ON b.id = p.body_id LEFT JOIN app_user u ON u.id = p.actor_id
          WHERE p.case_id = $1 ORDER BY p.entered_at, p.id`,
        [id],
      ) as Promise<
        (Pick<CasePhaseRow, 'phase' | 'body_id' | 'entered_at' | 'reason'> & { body_name: string | null; actor_name: string | null })[]
      >,
      this.openInput(this.db.manager, [id]).then((o) => o.get(id) ?? { rounds: [], undisposed: 0 }),
      this.references(ctx, c.references),
    ]);
    const now = Date.now();
    const steps: RouteStep[] = route;
    const state = this.stateOf(c, steps);
    const moveContext = { officer: ctx.roles.has('case_officer'), route: steps.map((r) => r.body_name) };
    return {
      ...caseReadFields(c),
      number: caseNumber(c),
      /** The phase, and the body the case is before (status 'before_body'). */
      phase: {
        phase: c.status,
        body: state.bodyPosition
          ? { id: steps[state.bodyPosition - 1]!.body_id, name: steps[state.bodyPosition - 1]!.body_name, position: state.bodyPosition }
          : null,
      },
      /** Every phase the case has entered, with its date. */
      phases: phases.map((p) => ({
        phase: p.phase,
        body: p.body_id ? { id: p.body_id, name: p.body_name } : null,
        enteredAt: p.entered_at.toISOString(),
        actor: p.actor_name,
        reason: p.reason,
      })),
      /** The manual moves the lifecycle allows the caller now (none for those who may not move the case). */
      allowedMoves: moveContext.officer
        ? allowedManualMoves(state, moveContext).map((to) => ({
            to,
            back: isMoveBack(c.status, to),
            body: to === 'before_body' ? (steps[0]?.body_name ?? null) : null,
          }))
        : [],
      /** What is still open before a deciding vedtak (rounds open, inputs without a disposition), or null. */
      openInput: openInputText(openInput.rounds, openInput.undisposed),
      mandateItem: mandateItem[0] ?? null,
      references,
      officer: officer[0] ?? null,
      sections: sections.map((s) => ({
        id: s.id,
        kind: s.kind,
        version: s.version,
        text: s.text,
        updatedAt: s.created_at.toISOString(),
      })),
      route: route.map((r) => ({
        bodyId: r.body_id,
        bodyName: r.body_name,
        position: r.position,
        meetingDate: r.meeting_date,
        committeeNumber: r.committee_number,
      })),
      recommendations: recommendations.map((r) => ({
        id: r.id,
        bodyId: r.body_id,
        bodyName: r.body_name,
        text: r.text,
        recordedAt: r.recorded_at.toISOString(),
      })),
      decisions: decisions.map((d) => ({
        id: d.id,
        bodyId: d.body_id,
        bodyName: d.body_name,
        committeeNumber: d.committee_number,
        decidedOn: d.decided_on,
        text: d.text,
        motions: motionsView(d.motions),
        openInputReason: d.open_input_reason,
      })),
      rounds: rounds.map((r: { id: string; title: string; closes_at: Date; closed_at: Date | null }) => ({
        id: r.id,
        title: r.title,
        closesAt: r.closes_at.toISOString(),
        open: r.closed_at === null && r.closes_at.getTime() > now,
      })),
    };
  }

  /**
   * A case's references to earlier cases and decisions as this reader may see them: a case by its archive
   * number («2026/12»), a decision by its committee number («7/21»; several bodies may use the same one,
   * so the body's name in the text picks one). A link only to what the reader may read (caseReadableSql);
   * a case they may not read is named by the title they may see (caseTitleFor), and nothing found is text.
   */
  async references(ctx: RequestContext, texts: string[]) {
    const officer = ctx.roles.has('case_officer');
    const bodyIds = [...ctx.bodyIds];
    type Found = {
      id: string;
      archive_year: number;
      archive_seq: number;
      title: string;
      access: string;
      public_title: string | null;
      readable: boolean;
      kind: 'case' | 'decision';
      body_name: string | null;
    };
    const caseColumns = `c.id, c.archive_year, c.archive_seq, c.title, c.access, c.public_title, ${caseReadableSql('c', '$3', '$4', ctx)} AS readable`;
    return Promise.all(
      texts.map(async (text) => {
        const target = parseCaseReference(text);
        let found: Found[] = [];
        if (target?.kind === 'archive') {
          found = await this.db.query(
            `SELECT ${caseColumns}, 'case' AS kind, NULL AS body_name FROM case_file c
              WHERE c.municipality_id = $1 AND c.archive_year = $2 AND c.archive_seq = $5`,
            [ctx.municipalityId, target.year, officer, bodyIds, target.seq],
          );
        } else if (target?.kind === 'committee') {
          // A decision with that number, else a case on a body's route with it (not decided yet).
          found = await this.db.query(
            `SELECT ${caseColumns}, 'decision' AS kind, b.name AS body_name
               FROM decision d JOIN case_file c ON c.id = d.case_id JOIN body b ON b.id = d.body_id
              WHERE d.municipality_id = $1 AND d.committee_number = $2`,
            [ctx.municipalityId, target.number, officer, bodyIds],
          );
          if (found.length === 0)
            found = await this.db.query(
              `SELECT ${caseColumns}, 'case' AS kind, b.name AS body_name
                 FROM case_route_step r JOIN case_file c ON c.id = r.case_id JOIN body b ON b.id = r.body_id
                WHERE c.municipality_id = $1 AND r.committee_number = $2`,
              [ctx.municipalityId, target.number, officer, bodyIds],
            );
          if (found.length > 1) found = found.filter((f) => f.body_name && text.toLowerCase().includes(f.body_name.toLowerCase()));
        }
        // The public does not learn of a draft (caseReadableSql for the anonymous reader): it reads the text as written.
        const hit = found.length === 1 && !(ctx.anonymous && !found[0]!.readable && found[0]!.access === 'public') ? found[0]! : null;
        if (!hit) return { text, kind: null, caseId: null, number: null, title: null, body: null };
        return {
          text,
          kind: hit.kind,
          caseId: hit.readable ? hit.id : null,
          number: caseNumber(hit),
          title: caseTitleFor({ access: hit.access, title: hit.title, publicTitle: hit.public_title }, hit.readable),
          body: hit.body_name,
        };
      }),
    );
  }

  async update(ctx: RequestContext, id: string, input: UpdateCase) {
    const { version, ...patch } = input;
    if (patch.mandateItemId) await this.assertMandateItem(ctx, patch.mandateItemId);
    return this.db.transaction(async (m) => {
      const saved = await updateVersioned(m, this.audit, ctx, CaseFile, 'case', id, version, patch);
      return { id: saved.id, version: saved.version, status: saved.status };
    });
  }

  /**
   * The one way a case's access level changes (offentleglova): to exempt with a legal basis and a
   * screened public title, back to public with a reason. Audited with before, after and the reason.
   */
  async changeAccess(ctx: RequestContext, id: string, input: ChangeAccess) {
    return this.db.transaction(async (m) => {
      const current = await findOwnForUpdate(m, CaseFile, ctx, id);
      if (current.version !== input.version) throw new StaleVersion(current);
      if (input.access === 'public' && current.access === 'public') throw ValidationFailed.field('access', 'Saken er allerede offentlig');
      const before = { access: current.access, legalBasis: current.legalBasis, publicTitle: current.publicTitle };
      const after =
        input.access === 'exempt'
          ? { access: 'exempt' as const, legalBasis: input.legalBasis, publicTitle: input.publicTitle }
          : { access: 'public' as const, legalBasis: null, publicTitle: null };
      Object.assign(current, after, { version: current.version + 1 });
      const saved = await m.save(CaseFile, current);
      await this.audit.record(m, ctx, 'update', 'case', id, { ...before, reason: null }, { ...after, reason: input.reason });
      return { id: saved.id, version: saved.version, access: saved.access, legalBasis: saved.legalBasis, publicTitle: saved.publicTitle };
    });
  }

  /** Saves a new version of a section when the edit was based on the current one (409 otherwise). */
  async updateSection(ctx: RequestContext, caseId: string, sectionId: string, input: { version: number; text: string }) {
    return this.db.transaction(async (m) => {
      await findOwnForUpdate(m, CaseFile, ctx, caseId);
      await this.assertMayPrepare(m, ctx, caseId);
      const rows: { current_version: number; kind: string }[] = await m.query(
        `SELECT current_version, kind FROM case_section WHERE id = $1 AND case_id = $2 FOR UPDATE`,
        [sectionId, caseId],
      );
      const section = rows[0];
      if (!section) throw new NotFound('Fant ikke delen av saksframlegget');
      if (section.current_version !== input.version) {
        const [current] = await m.query(`SELECT version, text FROM case_section_version WHERE section_id = $1 AND version = $2`, [
          sectionId,
          section.current_version,
        ]);
        throw new StaleVersion(current);
      }
      const next = section.current_version + 1;
      const [previous] = await m.query(`SELECT text FROM case_section_version WHERE section_id = $1 AND version = $2`, [
        sectionId,
        section.current_version,
      ]);
      await m.query(`INSERT INTO case_section_version (section_id, version, text, author_id) VALUES ($1, $2, $3, $4)`, [
        sectionId,
        next,
        input.text,
        ctx.userId,
      ]);
      await m.query(`UPDATE case_section SET current_version = $2 WHERE id = $1`, [sectionId, next]);
      await m.query(`UPDATE case_file SET updated_at = now() WHERE id = $1`, [caseId]);
      await this.audit.record(
        m,
        ctx,
        'update',
        'case_section',
        sectionId,
        { text: previous.text, version: section.current_version },
        { text: input.text, version: next },
      );
      return { id: sectionId, version: next };
    });
  }

  async sectionVersions(ctx: RequestContext, caseId: string, sectionId: string) {
    await this.readable(ctx, caseId);
    const rows: { version: number; text: string; created_at: Date; author: string | null }[] = await this.db.query(
      `SELECT v.version, v.text, v.created_at, u.name AS author FROM case_section_version v
         JOIN case_section s ON s.id = v.section_id LEFT JOIN app_user u ON u.id = v.author_id
        WHERE v.section_id = $1 AND s.case_id = $2 ORDER BY v.version`,
      [sectionId, caseId],
    );
    if (rows.length === 0) throw new NotFound('Fant ikke delen av saksframlegget');
    return rows.map((r) => ({ version: r.version, text: r.text, author: r.author, createdAt: r.created_at.toISOString() }));
  }

  /** A word-level diff between two versions: parts marked added, removed or unchanged. */
  async sectionDiff(ctx: RequestContext, caseId: string, sectionId: string, from: number, to: number) {
    const versions = await this.sectionVersions(ctx, caseId, sectionId);
    const a = versions.find((v) => v.version === from);
    const b = versions.find((v) => v.version === to);
    if (!a || !b) throw ValidationFailed.field('from', 'Fant ikke versjonene som skal sammenlignes');
    return {
      from,
      to,
      parts: diffWordsWithSpace(a.text, b.text).map((p) => ({
        value: p.value,
        change: p.added ? 'added' : p.removed ? 'removed' : 'same',
      })),
    };
  }

  /** Sets the planned route; each body gets a committee number for the year when first placed. */
  async setRoute(ctx: RequestContext, caseId: string, input: z.infer<typeof routeSchema>) {
    return this.db.transaction(async (m) => {
      const c = await findOwnForUpdate(m, CaseFile, ctx, caseId);
      const ids = input.steps.map((s) => s.bodyId);
      if (new Set(ids).size !== ids.length) throw ValidationFailed.field('steps', 'Et organ kan bare stå én gang i saksgangen');
      const bodies: { id: string }[] = await m.query(`SELECT id FROM body WHERE id = ANY($1::uuid[]) AND municipality_id = $2`, [
        ids,
        ctx.municipalityId,
      ]);
      if (bodies.length !== ids.length) throw ValidationFailed.field('steps', 'Fant ikke alle organene');
      if (c.phaseBodyId && !ids.includes(c.phaseBodyId)) {
        const [b] = await m.query(`SELECT name FROM body WHERE id = $1`, [c.phaseBodyId]);
        throw ValidationFailed.field(
          'steps',
          `Saken ligger til behandling i ${b?.name ?? 'et organ'}. Det organet kan ikke tas ut av saksgangen nå.`,
        );
      }
      const existing: { body_id: string; committee_number: string | null }[] = await m.query(
        `SELECT body_id, committee_number FROM case_route_step WHERE case_id = $1`,
        [caseId],
      );
      const numbers = new Map(existing.map((e) => [e.body_id, e.committee_number]));
      await m.query(`DELETE FROM case_route_step WHERE case_id = $1`, [caseId]);
      for (const [i, step] of input.steps.entries()) {
        let number = numbers.get(step.bodyId) ?? null;
        if (!number) {
          const year = Number((step.meetingDate ?? osloDate(new Date())).slice(0, 4));
          number = `${await nextNumber(m, 'committee', step.bodyId, year)}/${String(year).slice(2)}`;
        }
        await m.query(`INSERT INTO case_route_step (case_id, body_id, position, meeting_date, committee_number) VALUES ($1,$2,$3,$4,$5)`, [
          caseId,
          step.bodyId,
          i + 1,
          step.meetingDate,
          number,
        ]);
      }
      await this.audit.record(m, ctx, 'update', 'case', caseId, { route: existing }, { route: input.steps });
    });
  }

  private async routeStep(m: EntityManager, caseId: string, bodyId: string) {
    const rows: { committee_number: string | null; position: number }[] = await m.query(
      `SELECT committee_number, position FROM case_route_step WHERE case_id = $1 AND body_id = $2`,
      [caseId, bodyId],
    );
    if (!rows[0]) throw ValidationFailed.field('bodyId', 'Organet står ikke i sakens saksgang');
    return rows[0];
  }

  /** The steering group's recommendation (innstilling): recorded once per body, never changed. */
  async recordRecommendation(ctx: RequestContext, caseId: string, input: z.infer<typeof recommendationSchema>) {
    return this.db.transaction(async (m) => {
      await findOwnForUpdate(m, CaseFile, ctx, caseId);
      await this.assertMayPrepare(m, ctx, caseId);
      await this.routeStep(m, caseId, input.bodyId);
      const exists = await m.query(`SELECT 1 FROM recommendation WHERE case_id = $1 AND body_id = $2`, [caseId, input.bodyId]);
      if (exists.length)
        throw ValidationFailed.field('bodyId', 'Organet har allerede avgitt innstilling i saken. En innstilling kan ikke endres.');
      const [row] = await m.query(
        `INSERT INTO recommendation (municipality_id, case_id, body_id, text, recorded_by) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [ctx.municipalityId, caseId, input.bodyId, input.text, ctx.userId],
      );
      await this.move(ctx, caseId, { type: 'recommend' }, m);
      await this.audit.record(m, ctx, 'create', 'recommendation', row.id, null, input);
      return { id: row.id };
    });
  }

  /** A decision (vedtak) of a body on the route, with alternative motions and their votes. */
  async recordDecision(
    ctx: RequestContext,
    caseId: string,
    input: z.infer<typeof decisionSchema>,
    options: { m?: EntityManager; meetingId?: string } = {},
  ) {
    const run = async (m: EntityManager) => {
      const c = await findOwnForUpdate(m, CaseFile, ctx, caseId);
      const step = await this.routeStep(m, caseId, input.bodyId);
      const exists = await m.query(`SELECT 1 FROM decision WHERE case_id = $1 AND body_id = $2`, [caseId, input.bodyId]);
      if (exists.length) throw ValidationFailed.field('bodyId', 'Organet har allerede fattet vedtak i saken');
      // The lifecycle says whether the body may decide now, and where the vedtak takes the case.
      const moved = await this.move(ctx, caseId, { type: 'decide', bodyPosition: step.position }, m, {
        confirmOpenInput: input.confirmOpenInput?.reason ?? null,
      });
      const openInputReason = moved.openInput && input.confirmOpenInput ? input.confirmOpenInput.reason : null;
      const [row] = await m.query(
        `INSERT INTO decision (municipality_id, case_id, body_id, committee_number, decided_on, text, motions, recorded_by, meeting_id, open_input_reason) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [
          ctx.municipalityId,
          caseId,
          input.bodyId,
          step.committee_number,
          input.decidedOn,
          input.text,
          JSON.stringify(input.motions),
          ctx.userId,
          options.meetingId ?? null,
          openInputReason,
        ],
      );
      await this.audit.record(m, ctx, 'create', 'decision', row.id, null, {
        ...input,
        confirmOpenInput: openInputReason ? { reason: openInputReason, open: moved.openInput } : null,
      });
      // Tell everyone who gave input on the case that a decision was made.
      const submitters: { author_id: string }[] = await m.query(`SELECT DISTINCT author_id FROM submission WHERE case_id = $1`, [caseId]);
      await this.notifications.send(
        m,
        'decision',
        { municipalityId: ctx.municipalityId, userIds: submitters.map((s) => s.author_id), caseId },
        { decisionId: row.id as string, caseId, caseNumber: caseNumber(c), case: c },
      );
      return { id: row.id as string, phase: moved.state.phase, openInputReason };
    };
    return options.m ? run(options.m) : this.db.transaction(run);
  }

  /** Where a case is in its lifecycle, from its row and its route (ordered by position). */
  private stateOf(c: Pick<CaseFile, 'status' | 'phaseBodyId'>, route: RouteStep[]): CaseState {
    const at = c.phaseBodyId ? route.findIndex((r) => r.body_id === c.phaseBodyId) : -1;
    return { phase: c.status, bodyPosition: at >= 0 ? at + 1 : null };
  }

  private async route(m: EntityManager, caseId: string): Promise<RouteStep[]> {
    return m.query(
      `SELECT r.body_id, b.name AS body_name, r.position FROM case_route_step r JOIN body b ON b.id = r.body_id WHERE r.case_id = $1 ORDER BY r.position`,
      [caseId],
    );
  }

  /**
   * Input still open on cases, by case: rounds not closed (the deadline, or a body's extension, still
   * ahead) and inputs without a disposition.
   */
  async openInput(m: EntityManager, caseIds: string[], now = new Date()): Promise<Map<string, OpenInput>> {
    const result = new Map<string, OpenInput>();
    if (caseIds.length === 0) return result;
    const of = (id: string) => result.get(id) ?? result.set(id, { rounds: [], undisposed: 0 }).get(id)!;
    const rounds: { case_id: string; title: string }[] = await m.query(
      `SELECT r.case_id, r.title FROM input_round r
        WHERE r.case_id = ANY($1::uuid[]) AND r.closed_at IS NULL
          AND (r.closes_at > $2 OR EXISTS (SELECT 1 FROM round_invitation i WHERE i.round_id = r.id AND i.extended_until > $2))
        ORDER BY r.closes_at`,
      [caseIds, now],
    );
    for (const r of rounds) of(r.case_id).rounds.push(r.title);
    const undisposed: { case_id: string; n: number }[] = await m.query(
      `SELECT coalesce(s.case_id, r.case_id) AS case_id, count(*)::int AS n FROM submission s LEFT JOIN input_round r ON r.id = s.round_id
        WHERE coalesce(s.case_id, r.case_id) = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM disposition d WHERE d.submission_id = s.id)
        GROUP BY 1`,
      [caseIds],
    );
    for (const u of undisposed) of(u.case_id).undisposed = u.n;
    return result;
  }

  /**
   * The one method that changes a case's phase (case_file.status): asks the lifecycle
   * (`nextPhase` in shared/src/domain/case-lifecycle.ts) whether the event may move the case, and if it
   * does, writes the new phase, its dated `case_phase` row and the audit event in the caller's
   * transaction. A refusal is a 400 (403 for who may not, 409 for open input not confirmed) with the
   * lifecycle's Norwegian reason.
   */
  async move(
    ctx: RequestContext,
    caseId: string,
    event: CaseEvent,
    m: EntityManager,
    options: { reason?: string | null; confirmOpenInput?: string | null } = {},
  ): Promise<{ state: CaseState; openInput: string | null }> {
    const c = await findOwnForUpdate(m, CaseFile, ctx, caseId);
    const route = await this.route(m, caseId);
    const from = this.stateOf(c, route);
    const open =
      event.type === 'decide'
        ? ((await this.openInput(m, [caseId])).get(caseId) ?? { rounds: [], undisposed: 0 })
        : { rounds: [], undisposed: 0 };
    const result = nextPhase(from, event, {
      officer: ctx.roles.has('case_officer'),
      route: route.map((r) => r.body_name),
      openRounds: open.rounds,
      undisposedInputs: open.undisposed,
      confirmOpenInput: options.confirmOpenInput ?? null,
    });
    if (!result.ok) {
      if (result.kind === 'forbidden') throw new Forbidden(result.reason);
      if (result.kind === 'conflict') throw new NeedsConfirmation(result.path, result.reason);
      throw ValidationFailed.field(result.path, result.reason);
    }
    const to = result.to;
    const openInput = to.phase === 'decided' ? openInputText(open.rounds, open.undisposed) : null;
    if (to.phase === from.phase && to.bodyPosition === from.bodyPosition) return { state: to, openInput };
    const bodyId = to.bodyPosition ? route[to.bodyPosition - 1]!.body_id : null;
    const reason = openInput
      ? `${openInput} Begrunnelse for å fatte vedtak likevel: ${options.confirmOpenInput}`
      : (options.reason ?? null);
    await m.query(`UPDATE case_file SET status = $2, phase_body_id = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
      caseId,
      to.phase,
      bodyId,
    ]);
    await m.query(`INSERT INTO case_phase (municipality_id, case_id, phase, body_id, actor_id, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [
      ctx.municipalityId,
      caseId,
      to.phase,
      bodyId,
      ctx.userId,
      reason,
    ]);
    await this.audit.record(
      m,
      ctx,
      'update',
      'case',
      caseId,
      { status: from.phase, phaseBodyId: c.phaseBodyId },
      { status: to.phase, phaseBodyId: bodyId, event: event.type, reason },
    );
    return { state: to, openInput };
  }

  /** A case officer's manual move (start, rework, working group, send to the route's first body, follow-up, close). */
  async manualMove(ctx: RequestContext, caseId: string, input: MoveCase) {
    return this.db.transaction(async (m) => {
      await this.assertMayPrepare(m, ctx, caseId);
      const { state } = await this.move(ctx, caseId, { type: 'move', to: input.to }, m, { reason: input.reason });
      const [c] = await m.query(`SELECT version FROM case_file WHERE id = $1`, [caseId]);
      return { id: caseId, status: state.phase, bodyPosition: state.bodyPosition, version: c.version as number };
    });
  }

  /**
   * An officer disqualified from preparing a case (forvaltningsloven § 6) prepares nothing in it: no section, no
   * innstilling, no move. The one owner of that rule; 403 with the reason, the case needing another officer.
   */
  async assertMayPrepare(m: EntityManager, ctx: RequestContext, caseId: string): Promise<void> {
    const rows: Pick<CaseOfficerDisqualificationRow, 'reason'>[] = await m.query(
      `SELECT reason FROM case_officer_disqualification WHERE case_id = $1 AND user_id = $2 AND municipality_id = $3`,
      [caseId, ctx.userId, ctx.municipalityId],
    );
    if (rows[0])
      throw new Forbidden(`Du er inhabil i saken og kan ikke forberede den (${rows[0].reason}). Saken må tildeles en annen saksbehandler.`);
  }

  /** The officers disqualified from preparing a case, and whether its own officer is one of them (it needs another). */
  async officerDisqualifications(ctx: RequestContext, caseId: string) {
    const c = await this.readable(ctx, caseId);
    const rows: (CaseOfficerDisqualificationRow & { officer_name: string; decided_by_name: string })[] = await this.db.query(
      `SELECT d.*, u.name AS officer_name, v.name AS decided_by_name FROM case_officer_disqualification d
         JOIN app_user u ON u.id = d.user_id JOIN app_user v ON v.id = d.decided_by
        WHERE d.case_id = $1 AND d.municipality_id = $2 ORDER BY d.created_at`,
      [caseId, ctx.municipalityId],
    );
    return {
      officerDisqualifications: rows.map((d) => ({
        id: d.id,
        officer: { id: d.user_id, name: d.officer_name },
        reason: d.reason,
        legalBasis: d.legal_basis as never,
        decidedBy: d.decided_by_name,
        createdAt: d.created_at.toISOString(),
      })),
      needsReassignment: rows.some((d) => d.user_id === c.officerId),
      officers: ctx.roles.has('case_officer')
        ? ((await this.db.query(`SELECT id, name FROM app_user WHERE municipality_id = $1 AND is_case_officer ORDER BY name`, [
            ctx.municipalityId,
          ])) as { id: string; name: string }[])
        : [],
    };
  }

  /** Records an officer as disqualified from preparing the case (by an officer or the administrator), audited on the case. */
  async disqualifyOfficer(ctx: RequestContext, caseId: string, input: z.infer<typeof officerDisqualificationSchema>) {
    return this.db.transaction(async (m) => {
      const c = await findOwnForUpdate(m, CaseFile, ctx, caseId);
      const officers = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND municipality_id = $2 AND (is_case_officer OR is_admin)`, [
        input.userId,
        ctx.municipalityId,
      ]);
      if (officers.length === 0) throw ValidationFailed.field('userId', 'Personen er ikke saksbehandler i kommunen');
      const rows: { id: string }[] = await m.query(
        `INSERT INTO case_officer_disqualification (municipality_id, case_id, user_id, reason, legal_basis, decided_by)
         VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (case_id, user_id) DO NOTHING RETURNING id`,
        [ctx.municipalityId, caseId, input.userId, input.reason, input.legalBasis, ctx.userId],
      );
      if (!rows[0]) throw ValidationFailed.field('userId', 'Saksbehandleren er allerede registrert som inhabil i saken');
      await this.audit.record(m, ctx, 'create', 'case', caseId, null, {
        officerDisqualification: { id: rows[0].id, userId: input.userId, reason: input.reason, legalBasis: input.legalBasis },
      });
      return { id: rows[0].id, needsReassignment: c.officerId === input.userId };
    });
  }

  /** Another officer takes over the case (never one disqualified in it). */
  async assignOfficer(ctx: RequestContext, caseId: string, input: z.infer<typeof assignOfficerSchema>) {
    return this.db.transaction(async (m) => {
      const c = await findOwnForUpdate(m, CaseFile, ctx, caseId);
      const officers: { id: string; name: string }[] = await m.query(
        `SELECT id, name FROM app_user WHERE id = $1 AND municipality_id = $2 AND is_case_officer`,
        [input.officerId, ctx.municipalityId],
      );
      if (!officers[0]) throw ValidationFailed.field('officerId', 'Personen er ikke saksbehandler i kommunen');
      const disqualified = await m.query(`SELECT 1 FROM case_officer_disqualification WHERE case_id = $1 AND user_id = $2`, [
        caseId,
        input.officerId,
      ]);
      if (disqualified.length) throw ValidationFailed.field('officerId', 'Saksbehandleren er inhabil i saken og kan ikke få den');
      await m.query(`UPDATE case_file SET officer_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        caseId,
        input.officerId,
      ]);
      await this.audit.record(m, ctx, 'update', 'case', caseId, { officerId: c.officerId }, { officerId: input.officerId });
      return { id: caseId, officer: officers[0] };
    });
  }

  async comments(ctx: RequestContext, caseId: string) {
    await this.readable(ctx, caseId);
    const rows: (Pick<CommentRow, 'id' | 'section_id' | 'submission_id' | 'parent_id' | 'text' | 'created_at' | 'author_id'> & {
      author_name: string;
      author_title: string;
    })[] = await this.db.query(
      `SELECT c.id, c.section_id, c.submission_id, c.parent_id, c.text, c.created_at, u.id AS author_id, u.name AS author_name, u.title AS author_title
         FROM comment c JOIN app_user u ON u.id = c.author_id WHERE c.case_id = $1 ORDER BY c.created_at, c.id`,
      [caseId],
    );
    return rows.map((r) => ({
      id: r.id,
      sectionId: r.section_id,
      submissionId: r.submission_id,
      parentId: r.parent_id,
      text: r.text,
      createdAt: r.created_at.toISOString(),
      author: { id: r.author_id, name: r.author_name, title: r.author_title },
    }));
  }

  /**
   * A comment on an allocation scenario of the case (optionally on one unit), in the caller's transaction.
   * The allocation module has checked the scenario and unit; the comment table is this module's.
   */
  async addScenarioComment(
    m: EntityManager,
    ctx: RequestContext,
    comment: { caseId: string; scenarioId: string; unitId: string | null; text: string },
  ): Promise<Pick<CommentRow, 'id' | 'created_at'>> {
    const [row]: Pick<CommentRow, 'id' | 'created_at'>[] = await m.query(
      `INSERT INTO comment (municipality_id, case_id, scenario_id, unit_id, author_id, text) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id, created_at`,
      [ctx.municipalityId, comment.caseId, comment.scenarioId, comment.unitId, ctx.userId, comment.text],
    );
    return row!;
  }

  async addComment(ctx: RequestContext, caseId: string, input: z.infer<typeof commentSchema>) {
    return this.db.transaction(async (m) => {
      const c = await this.readable(ctx, caseId, m);
      const check = async (sql: string, id: string | null, path: string, message: string) => {
        if (id && (await m.query(sql, [id, caseId])).length === 0) throw ValidationFailed.field(path, message);
      };
      await check(
        `SELECT 1 FROM case_section WHERE id = $1 AND case_id = $2`,
        input.sectionId,
        'sectionId',
        'Fant ikke delen av saksframlegget',
      );
      await check(`SELECT 1 FROM submission WHERE id = $1 AND case_id = $2`, input.submissionId, 'submissionId', 'Fant ikke innspillet');
      await check(`SELECT 1 FROM comment WHERE id = $1 AND case_id = $2`, input.parentId, 'parentId', 'Fant ikke merknaden det svares på');
      const [row] = await m.query(
        `INSERT INTO comment (municipality_id, case_id, section_id, submission_id, parent_id, author_id, text) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id, created_at`,
        [ctx.municipalityId, caseId, input.sectionId, input.submissionId, input.parentId, ctx.userId, input.text],
      );
      // The officer hears of new comments; the author of a comment hears of replies.
      const parentAuthor: { author_id: string }[] = input.parentId
        ? await m.query(`SELECT author_id FROM comment WHERE id = $1`, [input.parentId])
        : [];
      const recipients = new Set(
        [c.officerId, ...parentAuthor.map((p) => p.author_id)].filter((u): u is string => !!u && u !== ctx.userId),
      );
      await this.notifications.send(
        m,
        'comment',
        { municipalityId: ctx.municipalityId, userIds: [...recipients], caseId },
        { commentId: row.id as string, caseId, caseNumber: caseNumber(c), text: input.text },
      );
      return { id: row.id, createdAt: (row.created_at as Date).toISOString() };
    });
  }
}
