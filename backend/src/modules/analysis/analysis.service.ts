import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  analysisInputSchemas,
  parseWith,
  type AnalysisKind,
  type analysisCommentSchema,
  type createAnalysisToolSchema,
  type updateAnalysisToolSchema,
} from '@samrad/shared/contracts';
import { ANALYSIS_ENGINE_VERSION, AnalysisInputError, computeAnalysis, type AnalysisResults } from '@samrad/shared/engine';
import { analysisWorkbook, peersFromFile } from '@samrad/shared/formats';
import type { RequestContext } from '../../platform/auth/context.js';
import { presentFields } from '../../platform/database/tenant-repository.js';
import { NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { WorkLimits } from '../../platform/limits/work-limits.js';
import { AuditService } from '../audit/audit.service.js';
import { caseReadableSql, caseTitleSql, CasesService } from '../cases/cases.service.js';
import type { AnalysisCommentRow, AnalysisToolRow } from './analysis.rows.js';

type CreateTool = z.infer<typeof createAnalysisToolSchema>;
type UpdateTool = z.infer<typeof updateAnalysisToolSchema>;

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
        WHERE t.municipality_id = $1 AND ${caseReadableSql('c', '$2', '$3')}
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
    return { ...summaryView(summary!), input: t.input, result: t.result, engineVersion: t.engine_version };
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
      if (t.version !== version) throw new StaleVersion({ ...(await this.get(ctx, id)) });
      let input = t.input;
      let result = t.result;
      if (changes.input !== undefined) {
        const parsed = parseWith(analysisInputSchemas[t.kind], changes.input);
        if (!parsed.ok) throw new ValidationFailed(parsed.errors.map((e) => ({ path: `input.${e.path}`, message: e.message })));
        input = parsed.data as Record<string, unknown>;
        result = compute(t.kind, input) as unknown as Record<string, unknown>;
        await this.assertMeasureRefs(m, ctx, t.kind, input);
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
