import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  analysisInputSchemas,
  parseWith,
  type Adoption,
  type AnalysisKind,
  type AnalysisToolState,
  type adoptAnalysisSchema,
  type analysisCommentSchema,
  type createAnalysisToolSchema,
  type measureAssessmentSchema,
  type updateAnalysisToolSchema,
} from '@samrad/shared/contracts';
import { ANALYSIS_ENGINE_VERSION, AnalysisInputError, computeAnalysis, type AnalysisResults } from '@samrad/shared/engine';
import { analysisWorkbook, peersFromFile } from '@samrad/shared/formats';
import type { RequestContext } from '../../platform/auth/context.js';
import { presentFields } from '../../platform/database/tenant-repository.js';
import { ConflictState, Forbidden, NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { WorkLimits } from '../../platform/limits/work-limits.js';
import { AuditService } from '../audit/audit.service.js';
import { caseReadableSql, caseTitleSql, CasesService } from '../cases/cases.service.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import type { AnalysisAdoptionRow, AnalysisCommentRow, AnalysisToolRow } from './analysis.rows.js';
import { assessmentOf, measureChanges, measuresOf, schoolKey, type StoredMeasure } from './measure-rules.js';

type CreateTool = z.infer<typeof createAnalysisToolSchema>;
type UpdateTool = z.infer<typeof updateAnalysisToolSchema>;
type AdoptionRow = Pick<AnalysisAdoptionRow, 'tool_id' | 'measure_id' | 'decision_id' | 'adopted_at'> & {
  body: string;
  decided_on: string;
  committee_number: string | null;
};

const adoptionView = (a: AdoptionRow): Adoption => ({
  measureId: a.measure_id,
  decisionId: a.decision_id,
  body: a.body,
  decidedOn: a.decided_on,
  committeeNumber: a.committee_number,
  adoptedAt: a.adopted_at.toISOString(),
});

const ASSESSORS_ONLY =
  'Konsekvensvurderingen skrives av enhetslederne: tiltakets ansvarlige og rektor (enhetsleder) ved skolen tiltaket gjelder';

/** A KOSTRA table is a few hundred rows at most. */
export const PEER_IMPORT_MAX_BYTES = 2_000_000;

/** The tool's summary as lists and pages show it; the case's title is the one the reader may see (caseTitleSql). */
const SUMMARY_SQL = (readable: string) => `
  SELECT t.id, t.kind, t.title, t.case_id, t.mandate_item_id, t.version, t.updated_at,
         c.archive_year || '/' || c.archive_seq AS case_number, ${caseTitleSql('c', readable)} AS case_title,
         i.number AS item_number, i.title AS item_title
    FROM analysis_tool t JOIN case_file c ON c.id = t.case_id LEFT JOIN mandate_item i ON i.id = t.mandate_item_id`;

interface SummaryRow {
  id: string;
  kind: AnalysisKind;
  title: string;
  case_id: string;
  mandate_item_id: string | null;
  version: number;
  updated_at: Date;
  case_number: string;
  case_title: string;
  item_number: number | null;
  item_title: string | null;
}

const summaryView = (r: SummaryRow) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  caseId: r.case_id,
  caseNumber: r.case_number,
  caseTitle: r.case_title,
  mandateItem: r.mandate_item_id ? { id: r.mandate_item_id, number: r.item_number!, title: r.item_title! } : null,
  version: r.version,
  updatedAt: r.updated_at.toISOString(),
});

/** The engine's problems as field errors under `input`. */
function compute(kind: AnalysisKind, input: unknown): AnalysisResults[AnalysisKind] {
  try {
    return computeAnalysis(kind, input);
  } catch (e) {
    if (e instanceof AnalysisInputError)
      throw new ValidationFailed(e.errors.map((i) => ({ path: i.path ? `input.${i.path}` : 'input', message: i.message })));
    throw e;
  }
}

@Injectable()
export class AnalysisService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(WorkLimits) private readonly limits: WorkLimits,
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
  ) {}

  /** A tool of the caller's municipality whose case the caller may read (404 / 403 otherwise). */
  private async tool(ctx: RequestContext, id: string, m: EntityManager = this.db.manager, lock = false): Promise<AnalysisToolRow> {
    const rows: AnalysisToolRow[] = await m.query(
      `SELECT * FROM analysis_tool WHERE id = $1 AND municipality_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, ctx.municipalityId],
    );
    if (!rows[0]) throw new NotFound('Fant ikke analysen');
    await this.cases.readable(ctx, rows[0].case_id, m);
    return rows[0];
  }

  private async assertMandateItem(m: EntityManager, ctx: RequestContext, id: string | null | undefined, path = 'mandateItemId') {
    if (!id) return;
    const ok = await m.query(`SELECT 1 FROM mandate_item WHERE id = $1 AND municipality_id = $2`, [id, ctx.municipalityId]);
    if (ok.length === 0) throw ValidationFailed.field(path, 'Fant ikke mandatpunktet');
  }

  /** A savings plan's measures may name a mandate item and an allocation scenario of the caller's municipality. */
  private async assertMeasureRefs(m: EntityManager, ctx: RequestContext, kind: AnalysisKind, input: Record<string, unknown>) {
    if (kind !== 'savings') return;
    const measures = (input.measures ?? []) as { mandateItemId?: string | null; scenarioId?: string | null }[];
    for (const [i, measure] of measures.entries()) {
      await this.assertMandateItem(m, ctx, measure.mandateItemId, `input.measures[${i}].mandateItemId`);
      if (measure.scenarioId) {
        const ok = await m.query(
          `SELECT 1 FROM scenario s JOIN allocation_case a ON a.id = s.allocation_case_id WHERE s.id = $1 AND a.municipality_id = $2`,
          [measure.scenarioId, ctx.municipalityId],
        );
        if (ok.length === 0) throw ValidationFailed.field(`input.measures[${i}].scenarioId`, 'Fant ikke fordelingsscenarioet');
      }
      const ownerId = (measure as { ownerId?: string | null }).ownerId;
      if (ownerId) {
        const ok = await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND municipality_id = $2 AND status <> 'disabled'`, [
          ownerId,
          ctx.municipalityId,
        ]);
        if (ok.length === 0) throw ValidationFailed.field(`input.measures[${i}].ownerId`, 'Fant ikke personen');
      }
    }
    const ids = new Set<string>();
    for (const [i, measure] of (measures as { id: string }[]).entries()) {
      if (ids.has(measure.id)) throw ValidationFailed.field(`input.measures[${i}].id`, `Id-en «${measure.id}» er brukt før i listen`);
      ids.add(measure.id);
    }
  }

  async list(ctx: RequestContext, filter: { caseId?: string; mandateItemId?: string; kind?: string } = {}) {
    const rows: SummaryRow[] = await this.db.query(
      `${SUMMARY_SQL('TRUE')}
        WHERE t.municipality_id = $1 AND ${caseReadableSql('c', '$2', '$3', ctx)}
          AND ($4::uuid IS NULL OR t.case_id = $4) AND ($5::uuid IS NULL OR t.mandate_item_id = $5) AND ($6::text IS NULL OR t.kind = $6)
        ORDER BY t.updated_at DESC, t.id`,
      [
        ctx.municipalityId,
        ctx.roles.has('case_officer'),
        [...ctx.bodyIds],
        filter.caseId ?? null,
        filter.mandateItemId ?? null,
        filter.kind ?? null,
      ],
    );
    return rows.map(summaryView);
  }

  async get(ctx: RequestContext, id: string) {
    const t = await this.tool(ctx, id);
    const [summary] = (await this.db.query(`${SUMMARY_SQL('TRUE')} WHERE t.id = $1`, [id])) as SummaryRow[];
    const [adoptions, mayAssess] = await Promise.all([this.adoptions(this.db.manager, [id]), this.assessor(this.db.manager, ctx)]);
    const adopted = new Set(adoptions.map((a) => a.measure_id));
    return {
      ...summaryView(summary!),
      input: t.input,
      result: t.result,
      engineVersion: t.engine_version,
      adoptions: adoptions.map(adoptionView),
      mayAssess: measuresOf(t.kind, t.input)
        .filter((m) => !adopted.has(m.id) && mayAssess(m))
        .map((m) => m.id),
    };
  }

  /** The vedtak that adopted the tools' measures or scenarios, with the body and committee number they are shown by. */
  private async adoptions(m: EntityManager, toolIds: string[]): Promise<AdoptionRow[]> {
    if (toolIds.length === 0) return [];
    return m.query(
      `SELECT a.tool_id, a.measure_id, a.decision_id, a.adopted_at, b.name AS body, d.decided_on, d.committee_number
         FROM analysis_adoption a JOIN decision d ON d.id = a.decision_id JOIN body b ON b.id = d.body_id
        WHERE a.tool_id = ANY($1::uuid[]) ORDER BY a.adopted_at, a.measure_id`,
      [toolIds],
    );
  }

  /**
   * MEASURE_ASSESSORS, the one rule of who writes a measure's consequence assessment: its owner (`ownerId`), and the
   * unit leaders of the school it concerns (a current membership in the capacity `unit_leader` whose `school` is the
   * measure's). Answers a test for the caller, read once per request.
   */
  private async assessor(m: EntityManager, ctx: RequestContext): Promise<(measure: StoredMeasure) => boolean> {
    const rows: { school: string | null }[] = await m.query(
      `SELECT school FROM current_membership WHERE user_id = $1 AND municipality_id = $2 AND capacity = 'unit_leader'`,
      [ctx.userId, ctx.municipalityId],
    );
    const schools = new Set(rows.map((r) => schoolKey(r.school)).filter((k) => k !== ''));
    return (measure) => (!!measure.ownerId && measure.ownerId === ctx.userId) || schools.has(schoolKey(measure.school));
  }

  /** Refuses a change of a plan's measures that breaks their rules (measure-rules.ts), as field errors. */
  private async assertMeasureChanges(
    m: EntityManager,
    ctx: RequestContext,
    kind: AnalysisKind,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    adopted: AdoptionRow[],
  ) {
    if (kind !== 'savings') return;
    const errors = measureChanges(
      measuresOf(kind, before),
      measuresOf(kind, after),
      new Set(adopted.map((a) => a.measure_id).filter((x): x is string => x !== null)),
      await this.assessor(m, ctx),
      ASSESSORS_ONLY,
    );
    if (errors.length) throw new ValidationFailed(errors);
  }

  async create(ctx: RequestContext, input: CreateTool) {
    const result = compute(input.kind, input.input);
    return this.db.transaction(async (m) => {
      await this.cases.readable(ctx, input.caseId, m).catch((e: unknown) => {
        if (e instanceof NotFound) throw ValidationFailed.field('caseId', 'Fant ikke saken');
        throw e;
      });
      await this.assertMandateItem(m, ctx, input.mandateItemId);
      await this.assertMeasureRefs(m, ctx, input.kind, input.input as Record<string, unknown>);
      await this.assertMeasureChanges(m, ctx, input.kind, { measures: [] }, input.input as Record<string, unknown>, []);
      const [row] = (await m.query(
        `INSERT INTO analysis_tool (municipality_id, case_id, mandate_item_id, kind, title, input, result, engine_version, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id, version`,
        [
          ctx.municipalityId,
          input.caseId,
          input.mandateItemId,
          input.kind,
          input.title,
          JSON.stringify(input.input),
          JSON.stringify(result),
          ANALYSIS_ENGINE_VERSION,
          ctx.userId,
        ],
      )) as { id: string; version: number }[];
      await this.saveVersion(m, ctx, row!.id, 1, input.title, input.input, result);
      await this.audit.record(m, ctx, 'create', 'analysis_tool', row!.id, null, {
        kind: input.kind,
        title: input.title,
        caseId: input.caseId,
      });
      return { id: row!.id, version: row!.version };
    });
  }

  private async saveVersion(
    m: EntityManager,
    ctx: RequestContext,
    toolId: string,
    version: number,
    title: string,
    input: unknown,
    result: unknown,
  ) {
    await m.query(
      `INSERT INTO analysis_tool_version (tool_id, version, title, input, result, engine_version, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [toolId, version, title, JSON.stringify(input), JSON.stringify(result), ANALYSIS_ENGINE_VERSION, ctx.userId],
    );
  }

  /** Changes only the fields sent; a new input is checked against the tool's kind and recomputed. Every version is kept. */
  async update(ctx: RequestContext, id: string, patch: UpdateTool) {
    const { version, ...fields } = patch;
    const changes = presentFields(fields);
    return this.db.transaction(async (m) => {
      const t = await this.tool(ctx, id, m, true);
      const adopted = await this.adoptions(m, [id]);
      if (adopted.some((a) => a.measure_id === null))
        throw new ConflictState('Scenarioet er vedtatt og kan ikke endres. Lag et nytt scenario for en ny endring.');
      if (t.version !== version) throw new StaleVersion({ ...(await this.get(ctx, id)) });
      let input = t.input;
      let result = t.result;
      if (changes.input !== undefined) {
        const parsed = parseWith(analysisInputSchemas[t.kind], changes.input);
        if (!parsed.ok) throw new ValidationFailed(parsed.errors.map((e) => ({ path: `input.${e.path}`, message: e.message })));
        input = parsed.data as Record<string, unknown>;
        result = compute(t.kind, input) as unknown as Record<string, unknown>;
        await this.assertMeasureRefs(m, ctx, t.kind, input);
        await this.assertMeasureChanges(m, ctx, t.kind, t.input, input, adopted);
      }
      if (changes.mandateItemId !== undefined) await this.assertMandateItem(m, ctx, changes.mandateItemId);
      const title = changes.title ?? t.title;
      const mandateItemId = changes.mandateItemId !== undefined ? changes.mandateItemId : t.mandate_item_id;
      await m.query(
        `UPDATE analysis_tool SET title = $2, mandate_item_id = $3, input = $4, result = $5, engine_version = $6, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, title, mandateItemId, JSON.stringify(input), JSON.stringify(result), ANALYSIS_ENGINE_VERSION],
      );
      await this.saveVersion(m, ctx, id, t.version + 1, title, input, result);
      await this.audit.record(
        m,
        ctx,
        'update',
        'analysis_tool',
        id,
        { title: t.title, mandateItemId: t.mandate_item_id, input: t.input },
        { title, mandateItemId, input },
      );
      return { id, version: t.version + 1 };
    });
  }

  /** Writes the tool's new input and result as its next version (the row locked by the caller). */
  private async saveInput(m: EntityManager, ctx: RequestContext, t: AnalysisToolRow, input: Record<string, unknown>) {
    const result = compute(t.kind, input) as unknown as Record<string, unknown>;
    await m.query(
      `UPDATE analysis_tool SET input = $2, result = $3, engine_version = $4, version = version + 1, updated_at = now() WHERE id = $1`,
      [t.id, JSON.stringify(input), JSON.stringify(result), ANALYSIS_ENGINE_VERSION],
    );
    await this.saveVersion(m, ctx, t.id, t.version + 1, t.title, input, result);
    return t.version + 1;
  }

  /**
   * A vedtak adopts a measure of a savings plan (its status becomes «adopted», saved as a new version) or a school-structure
   * scenario (measureId null); the vedtak must be one of the tool's case (DecisionsService.adoptingDecision, the rule the
   * allocation scenarios follow). What is adopted is read-only afterwards.
   */
  async adopt(ctx: RequestContext, id: string, input: z.infer<typeof adoptAnalysisSchema>): Promise<Adoption> {
    return this.db.transaction(async (m) => {
      const t = await this.tool(ctx, id, m, true);
      const measures = measuresOf(t.kind, t.input);
      const measure = input.measureId === null ? undefined : measures.find((x) => x.id === input.measureId);
      if (t.kind === 'savings') {
        if (input.measureId === null) throw ValidationFailed.field('measureId', 'Velg tiltaket vedtaket gjelder');
        if (!measure) throw ValidationFailed.field('measureId', 'Fant ikke tiltaket i planen');
      } else if (t.kind === 'structure') {
        if (input.measureId !== null) throw ValidationFailed.field('measureId', 'Et skolestrukturscenario vedtas som helhet');
      } else {
        throw new ConflictState('Bare tiltak i en innsparingsplan og skolestrukturscenarioer vedtas');
      }
      const earlier = await this.adoptions(m, [id]);
      if (earlier.some((a) => a.measure_id === input.measureId))
        throw new ConflictState(measure ? `Tiltaket «${measure.title}» er allerede vedtatt` : 'Scenarioet er allerede vedtatt');
      const decision = await this.decisions.adoptingDecision(m, ctx, input.decisionId, t.case_id, 'Vedtaket hører ikke til analysens sak');
      const [row] = (await m.query(
        `INSERT INTO analysis_adoption (municipality_id, tool_id, measure_id, decision_id, adopted_by) VALUES ($1,$2,$3,$4,$5) RETURNING adopted_at`,
        [ctx.municipalityId, id, input.measureId, decision.id, ctx.userId],
      )) as Pick<AnalysisAdoptionRow, 'adopted_at'>[];
      if (measure)
        await this.saveInput(m, ctx, t, {
          ...t.input,
          measures: measures.map((x) => (x.id === measure.id ? { ...x, status: 'adopted' } : x)),
        });
      await this.audit.record(
        m,
        ctx,
        'update',
        'analysis_tool',
        id,
        { adopted: false, measureId: input.measureId },
        { adopted: true, measureId: input.measureId, decisionId: decision.id },
      );
      return adoptionView({
        tool_id: id,
        measure_id: input.measureId,
        decision_id: decision.id,
        adopted_at: row!.adopted_at,
        body: decision.body,
        decided_on: decision.decidedOn,
        committee_number: decision.committeeNumber,
      });
    });
  }

  /** A measure's consequence assessment, by its unit leaders only (MEASURE_ASSESSORS); saved as the tool's next version. */
  async assess(ctx: RequestContext, id: string, measureId: string, input: z.infer<typeof measureAssessmentSchema>) {
    return this.db.transaction(async (m) => {
      const t = await this.tool(ctx, id, m, true);
      const measures = measuresOf(t.kind, t.input);
      const measure = measures.find((x) => x.id === measureId);
      if (!measure) throw new NotFound('Fant ikke tiltaket i planen');
      if (!(await this.assessor(m, ctx))(measure)) throw new Forbidden(ASSESSORS_ONLY);
      if ((await this.adoptions(m, [id])).some((a) => a.measure_id === measureId))
        throw new ConflictState(`Tiltaket «${measure.title}» er vedtatt og kan ikke endres`);
      if (t.version !== input.version) throw new StaleVersion({ ...(await this.get(ctx, id)) });
      const assessment = { pupils: input.pupils, parents: input.parents, staff: input.staff };
      const version = await this.saveInput(m, ctx, t, {
        ...t.input,
        measures: measures.map((x) => (x.id === measureId ? { ...x, assessment } : x)),
      });
      await this.audit.record(
        m,
        ctx,
        'update',
        'analysis_tool',
        id,
        { measureId, assessment: assessmentOf(measure) },
        { measureId, assessment },
      );
      return { id, version };
    });
  }

  /**
   * The state of the tools under a mandate's items, for the mandate page and the start page (the mandates module asks
   * here, never reads these tables): each tool the reader may read (its case by caseReadableSql) under its item, and each
   * measure of a savings plan under the item it names when that is not the plan's own.
   */
  async statesByItem(ctx: RequestContext, mandateId: string): Promise<Map<string, AnalysisToolState[]>> {
    const rows: Pick<AnalysisToolRow, 'id' | 'kind' | 'title' | 'mandate_item_id' | 'input' | 'result'>[] = await this.db.query(
      `SELECT t.id, t.kind, t.title, t.mandate_item_id, t.input, t.result
         FROM analysis_tool t JOIN case_file c ON c.id = t.case_id
        WHERE t.municipality_id = $1 AND ${caseReadableSql('c', '$2', '$3', ctx)}
          AND (t.kind = 'savings' OR t.mandate_item_id IN (SELECT id FROM mandate_item WHERE mandate_id = $4))
        ORDER BY t.created_at, t.id`,
      [ctx.municipalityId, ctx.roles.has('case_officer'), [...ctx.bodyIds], mandateId],
    );
    const items = new Set(
      (
        (await this.db.query(`SELECT id FROM mandate_item WHERE mandate_id = $1 AND municipality_id = $2`, [
          mandateId,
          ctx.municipalityId,
        ])) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    const adoptions = await this.adoptions(
      this.db.manager,
      rows.map((r) => r.id),
    );
    const states = new Map<string, AnalysisToolState[]>();
    const add = (item: string | null | undefined, state: AnalysisToolState) => {
      if (!item || !items.has(item)) return;
      states.set(item, [...(states.get(item) ?? []), state]);
    };
    for (const t of rows) {
      const adopted = adoptions.filter((a) => a.tool_id === t.id);
      const whole = adopted.find((a) => a.measure_id === null);
      const base = { toolId: t.id, title: t.title, adoption: whole ? adoptionView(whole) : null };
      if (t.kind === 'savings') {
        const measures = measuresOf('savings', t.input);
        const result = t.result as unknown as AnalysisResults['savings'];
        const first = result.years[0];
        const done = measures.filter((x) => adopted.some((a) => a.measure_id === x.id)).length;
        add(t.mandate_item_id, {
          ...base,
          kind: 'savings',
          status: done === 0 ? 'draft' : done === measures.length ? 'adopted' : 'partly_adopted',
          figures: {
            ...(first ? { year: first.year, effect: first.effect, target: first.target, gap: first.gap } : {}),
            measures: measures.length,
            adoptedMeasures: done,
          },
        });
        for (const x of measures) {
          const item = x.mandateItemId as string | null | undefined;
          if (!item || item === t.mandate_item_id) continue;
          const a = adopted.find((y) => y.measure_id === x.id);
          add(item, {
            toolId: t.id,
            kind: 'measure',
            title: x.title,
            status: a ? 'adopted' : 'draft',
            adoption: a ? adoptionView(a) : null,
            figures: { measureId: x.id, fullYearEffect: Number(x.fullYearEffect), planTitle: t.title },
          });
        }
      } else if (t.kind === 'sfo') {
        const result = t.result as unknown as AnalysisResults['sfo'];
        add(t.mandate_item_id, { ...base, kind: 'sfo', status: 'draft', figures: { extraIncome: result.totalExtraIncome } });
      } else if (t.kind === 'structure') {
        const result = t.result as unknown as AnalysisResults['structure'];
        add(t.mandate_item_id, {
          ...base,
          kind: 'structure',
          status: whole ? 'adopted' : 'draft',
          figures: { freeBefore: result.totals.before.free, freeAfter: result.totals.after.free },
        });
      } else {
        const result = t.result as unknown as AnalysisResults['peers'];
        add(t.mandate_item_id, { ...base, kind: 'peers', status: 'draft', figures: { peers: result.peers.length } });
      }
    }
    return states;
  }

  async versions(ctx: RequestContext, id: string) {
    await this.tool(ctx, id);
    const rows: { version: number; created_at: Date; name: string | null }[] = await this.db.query(
      `SELECT v.version, v.created_at, u.name FROM analysis_tool_version v LEFT JOIN app_user u ON u.id = v.created_by WHERE v.tool_id = $1 ORDER BY v.version DESC`,
      [id],
    );
    return rows.map((r) => ({ version: r.version, createdAt: r.created_at.toISOString(), author: r.name }));
  }

  async comment(ctx: RequestContext, id: string, input: z.infer<typeof analysisCommentSchema>) {
    return this.db.transaction(async (m) => {
      const t = await this.tool(ctx, id, m);
      if (input.measureId !== null) {
        const measures = (t.kind === 'savings' ? (t.input.measures ?? []) : []) as { id: string }[];
        if (!measures.some((x) => x.id === input.measureId)) throw ValidationFailed.field('measureId', 'Fant ikke tiltaket i planen');
      }
      const [row] = (await m.query(
        `INSERT INTO analysis_comment (municipality_id, tool_id, measure_id, author_id, text) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [ctx.municipalityId, id, input.measureId, ctx.userId, input.text],
      )) as Pick<AnalysisCommentRow, 'id'>[];
      await this.audit.record(m, ctx, 'create', 'analysis_comment', row!.id, null, { toolId: id, measureId: input.measureId });
      return { id: row!.id };
    });
  }

  async comments(ctx: RequestContext, id: string) {
    await this.tool(ctx, id);
    const rows: (Pick<AnalysisCommentRow, 'id' | 'measure_id' | 'text' | 'created_at'> & { name: string; title: string })[] =
      await this.db.query(
        `SELECT c.id, c.measure_id, c.text, c.created_at, u.name, u.title FROM analysis_comment c JOIN app_user u ON u.id = c.author_id
        WHERE c.tool_id = $1 ORDER BY c.created_at, c.id`,
        [id],
      );
    return rows.map((r) => ({
      id: r.id,
      measureId: r.measure_id,
      text: r.text,
      createdAt: r.created_at.toISOString(),
      author: { name: r.name, title: r.title },
    }));
  }

  /** The tool as a workbook; at most WORK_LIMITS.export built at once per person. */
  async export(ctx: RequestContext, id: string) {
    return this.limits.export(ctx, async () => {
      const t = await this.tool(ctx, id);
      return {
        body: Buffer.from(await analysisWorkbook(t.kind, t.title, t.input, t.result as never)),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        name: `${t.title}.xlsx`,
      };
    });
  }

  /** A peer comparison's municipalities from a file, checked row by row; a tool of another kind takes none. Writes nothing. */
  async peerImport(ctx: RequestContext, id: string, filename: unknown, content: unknown) {
    const t = await this.tool(ctx, id);
    if (t.kind !== 'peers') throw ValidationFailed.field('file', 'Bare en sammenligning med andre kommuner henter kommunetall fra fil');
    if (!Buffer.isBuffer(content)) throw ValidationFailed.field('file', 'Send filen som innhold med typen application/octet-stream');
    if (content.length > PEER_IMPORT_MAX_BYTES) throw ValidationFailed.field('file', 'Filen er for stor (høyst 2 MB)');
    const read = await peersFromFile(typeof filename === 'string' ? filename : '', new Uint8Array(content));
    if (!read.ok)
      throw new ValidationFailed(
        read.errors.map((e) => ({
          path: e.row === null ? e.column || 'file' : `rad ${e.row}${e.column ? `, kolonne «${e.column}»` : ''}`,
          message: e.message,
          row: e.row,
          column: e.column,
        })),
      );
    return read.data;
  }
}
