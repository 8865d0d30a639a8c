import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  MAPPED_FIELD_LABELS,
  type ColumnMapping,
  type adoptScenarioSchema,
  type mainScenarioSchema,
  type createAllocationCaseSchema,
  type createModelVersionSchema,
  type createScenarioSchema,
  type importDatasetSchema,
  type revisionSchema,
  type scenarioCommentSchema,
  type sweepSchema,
  type updateScenarioSchema,
} from '@samrad/shared/contracts';
import {
  allocate,
  BUILT_IN_DRIVERS,
  comparisonTotals,
  ENGINE_VERSION,
  validateAllocationInput,
  type AllocationInput,
  type AllocationResult,
  type UnitInput,
} from '@samrad/shared/engine';
import {
  formatResultCsv,
  resultWorkbook,
  suggestMapping,
  tableColumns,
  tableFromCsv,
  tableFromXlsx,
  unitsFromMappedTable,
  unitsFromTable,
  type TableIssue,
  type UnitsTableOptions,
} from '@samrad/shared/formats';
import type { RequestContext } from '../../platform/auth/context.js';
import { presentFields } from '../../platform/database/tenant-repository.js';
import { ConflictState, NotFound, StaleVersion, ValidationFailed } from '../../platform/http/errors.js';
import { OutboxService } from '../../platform/queue/outbox.service.js';
import { WorkLimits } from '../../platform/limits/work-limits.js';
import { AuditService } from '../audit/audit.service.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { CasesService } from '../cases/cases.service.js';
import { buildInput, inputHash, modelOf } from './allocation-input.js';
import { compareResults, compareWithBudget } from './comparison.js';
import type { AllocationCaseRow, AllocationDatasetRow, ImportJobRow, ModelVersionRow, ScenarioRow, SweepRow } from './allocation.rows.js';
import { insertModelVersion, storeDataset, tableContext, type ParsedUnits } from './datasets.js';

/** A scenario with its allocation case's case. */
type ScenarioWithCase = Omit<ScenarioRow, 'created_by' | 'created_at' | 'updated_at'> & { case_id: string };

/**
 * The main scenario (hovedscenario) of an allocation case, in SQL over `allocation_case a`: the one an
 * officer chose, else the adopted one. The one rule for the page, the list and the case's answer.
 */
export const MAIN_SCENARIO_SQL = `COALESCE(a.main_scenario_id, a.adopted_scenario_id)`;

/** Thrown when an import has bad rows: a 400 with row and column per problem. */
export class ImportRejected extends ValidationFailed {}

/** Files above this many characters are imported by the worker, with progress. */
export const LARGE_IMPORT_CHARS = 200_000;

/** Turns a reader's problems (row and column) into the 400 an import answers. */
const tableRejected = (errors: TableIssue[]) =>
  new ImportRejected(
    errors.map((e) => ({
      path: `rad ${e.row}${e.column ? `, kolonne «${e.column}»` : ''}`,
      message: e.message,
      row: e.row,
      column: e.column,
    })),
  );

/**
 * Reads units from CSV, XLSX (base64) or interchange JSON; every bad row is reported, nothing half-read is
 * returned. A spreadsheet is read by its `mapping` (the municipality's own headers) or by the template's headers.
 */
export async function parseUnits(
  input: { format: 'csv' | 'xlsx' | 'json'; content: string; mapping?: ColumnMapping | null },
  options: UnitsTableOptions = {},
): Promise<ParsedUnits> {
  if (input.format === 'json') {
    if (input.mapping) throw ValidationFailed.field('mapping', 'Kolonnekobling gjelder bare CSV- og XLSX-filer');
    let doc: unknown;
    try {
      doc = JSON.parse(input.content);
    } catch {
      throw new ImportRejected([{ path: 'content', message: 'Filen er ikke gyldig JSON' }]);
    }
    const check = validateAllocationInput(doc);
    if (!check.ok) throw new ImportRejected(check.errors.map((e) => ({ path: e.path, message: e.message })));
    return { units: check.input.units, model: modelOf(doc as Record<string, unknown>) };
  }
  const rows = await readTable(input.format, input.content);
  const table = input.mapping ? unitsFromMappedTable(rows, input.mapping, options) : unitsFromTable(rows, options);
  if (!table.ok) throw tableRejected(table.errors);
  return { units: table.units, model: null };
}

/** A CSV text or an XLSX workbook (base64) as rows of text, or the 400 that says why it cannot be read. */
async function readTable(format: 'csv' | 'xlsx', content: string): Promise<string[][]> {
  const read = format === 'csv' ? tableFromCsv(content) : await tableFromXlsx(Buffer.from(content, 'base64'));
  if (!read.ok) throw tableRejected(read.errors);
  return read.rows;
}

@Injectable()
export class AllocationService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(WorkLimits) private readonly limits: WorkLimits,
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
  ) {}

  private async allocationCase(ctx: RequestContext, id: string, m: EntityManager = this.db.manager, lock = false) {
    const rows: (Pick<AllocationCaseRow, 'id' | 'case_id' | 'budget_year' | 'title' | 'adopted_scenario_id' | 'main_scenario_id'> & {
      main: string | null;
    })[] = await m.query(
      `SELECT a.id, a.case_id, a.budget_year, a.title, a.adopted_scenario_id, a.main_scenario_id, ${MAIN_SCENARIO_SQL} AS main
         FROM allocation_case a WHERE a.id = $1 AND a.municipality_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, ctx.municipalityId],
    );
    if (!rows[0]) throw new NotFound('Fant ikke fordelingssaken');
    await this.cases.readable(ctx, rows[0].case_id, m);
    return rows[0];
  }

  private async scenario(ctx: RequestContext, id: string, m: EntityManager = this.db.manager, lock = false): Promise<ScenarioWithCase> {
    const rows: ScenarioWithCase[] = await m.query(
      `SELECT s.*, a.case_id FROM scenario s JOIN allocation_case a ON a.id = s.allocation_case_id WHERE s.id = $1 AND a.municipality_id = $2 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [id, ctx.municipalityId],
    );
    if (!rows[0]) throw new NotFound('Fant ikke scenarioet');
    await this.cases.readable(ctx, rows[0].case_id, m);
    return rows[0];
  }

  async create(ctx: RequestContext, input: z.infer<typeof createAllocationCaseSchema>) {
    return this.db.transaction(async (m) => {
      await this.cases.readable(ctx, input.caseId, m);
      const exists = await m.query(`SELECT 1 FROM allocation_case WHERE case_id = $1`, [input.caseId]);
      if (exists.length) throw ValidationFailed.field('caseId', 'Saken har allerede en fordelingssak');
      const [row] = await m.query(
        `INSERT INTO allocation_case (municipality_id, case_id, budget_year, title) VALUES ($1,$2,$3,$4) RETURNING id`,
        [ctx.municipalityId, input.caseId, input.budgetYear, input.title],
      );
      await this.audit.record(m, ctx, 'create', 'allocation_case', row.id, null, input);
      return { id: row.id as string };
    });
  }

  async list(ctx: RequestContext) {
    const rows: (Pick<AllocationCaseRow, 'id' | 'title' | 'budget_year' | 'case_id' | 'adopted_scenario_id'> & {
      access: 'public' | 'exempt';
      main: string | null;
    })[] = await this.db.query(
      `SELECT a.id, a.title, a.budget_year, a.case_id, a.adopted_scenario_id, ${MAIN_SCENARIO_SQL} AS main, c.access FROM allocation_case a JOIN case_file c ON c.id = a.case_id
        WHERE a.municipality_id = $1 ORDER BY a.budget_year DESC, a.created_at DESC`,
      [ctx.municipalityId],
    );
    const visible = [];
    for (const r of rows) if (await this.cases.canRead(ctx, { id: r.case_id, access: r.access })) visible.push(r);
    return visible.map((r) => ({
      id: r.id,
      title: r.title,
      budgetYear: r.budget_year,
      caseId: r.case_id,
      adoptedScenarioId: r.adopted_scenario_id,
      mainScenarioId: r.main,
    }));
  }

  async get(ctx: RequestContext, id: string) {
    const a = await this.allocationCase(ctx, id);
    const [datasets, versions, scenarios] = await Promise.all([
      this.db.query(
        `SELECT id, name, source, jsonb_array_length(units) AS unit_count, created_at FROM allocation_dataset WHERE allocation_case_id = $1 ORDER BY created_at`,
        [id],
      ) as Promise<(Pick<AllocationDatasetRow, 'id' | 'name' | 'source' | 'created_at'> & { unit_count: number })[]>,
      this.db.query(
        `SELECT id, number, label, model, adopted_by_decision_id, created_at FROM model_version WHERE allocation_case_id = $1 ORDER BY number`,
        [id],
      ) as Promise<Pick<ModelVersionRow, 'id' | 'number' | 'label' | 'model' | 'adopted_by_decision_id' | 'created_at'>[]>,
      this.db.query(
        `SELECT s.id, s.name, s.model_version_id, s.dataset_id, s.frame, s.frame_change, s.adopted_at, s.revises_scenario_id, s.version,
                r.result->'total' AS total, r.result->'scale' AS scale
           FROM scenario s LEFT JOIN scenario_result r ON r.scenario_id = s.id AND r.scenario_version = s.version
          WHERE s.allocation_case_id = $1 ORDER BY s.created_at, s.name`,
        [id],
      ) as Promise<
        (Pick<
          ScenarioRow,
          'id' | 'name' | 'model_version_id' | 'dataset_id' | 'frame' | 'frame_change' | 'adopted_at' | 'revises_scenario_id' | 'version'
        > & { total: unknown; scale: unknown })[]
      >,
    ]);
    return {
      id: a.id,
      caseId: a.case_id,
      budgetYear: a.budget_year,
      title: a.title,
      adoptedScenarioId: a.adopted_scenario_id,
      mainScenarioId: a.main,
      datasets: datasets.map((d) => ({
        id: d.id,
        name: d.name,
        source: d.source,
        unitCount: d.unit_count,
        createdAt: d.created_at.toISOString(),
      })),
      modelVersions: versions.map((v) => ({
        id: v.id,
        number: v.number,
        label: v.label,
        // The model without units (criteria, rates, pots …): the editor shows it and copies it.
        model: v.model,
        adoptedByDecisionId: v.adopted_by_decision_id,
      })),
      scenarios: scenarios.map((s) => ({
        id: s.id,
        name: s.name,
        modelVersionId: s.model_version_id,
        datasetId: s.dataset_id,
        frame: s.frame === null ? null : Number(s.frame),
        frameChange: s.frame_change === null ? null : Number(s.frame_change),
        adopted: s.adopted_at !== null,
        revisesScenarioId: s.revises_scenario_id,
        total: s.total,
        scale: s.scale,
        version: s.version,
      })),
    };
  }

  /** Imports units and counts; stores nothing until every row is clean. Large files run as a job. */
  async importDataset(ctx: RequestContext, id: string, input: z.infer<typeof importDatasetSchema>) {
    await this.allocationCase(ctx, id);
    if (input.mapping && input.format === 'json') throw ValidationFailed.field('mapping', 'Kolonnekobling gjelder bare CSV- og XLSX-filer');
    if (input.content.length > LARGE_IMPORT_CHARS) {
      return this.db.transaction(async (m) => {
        await this.limits.assertRoomForJob(m, ctx, 'import');
        const [row] = await m.query(
          `INSERT INTO import_job (municipality_id, allocation_case_id, name, format, content, mapping, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
          [
            ctx.municipalityId,
            id,
            input.name,
            input.format,
            input.content,
            input.mapping ? JSON.stringify(input.mapping) : null,
            ctx.userId,
          ],
        );
        await this.outbox.enqueue(m, 'allocation.import', { importId: row.id }, { dedupKey: `import:${row.id}` });
        return { importId: row.id as string, status: 'queued' as const };
      });
    }
    // Read and stored in one transaction: a row is matched with the earlier units it is stored beside.
    return this.db.transaction(async (m) => {
      const parsed = await parseUnits(input, await tableContext(m, id));
      return storeDataset(m, this.audit, ctx, id, input.name, input.format, parsed);
    });
  }

  /**
   * The mapping step: the header row of an uploaded spreadsheet (with a few values from each column), the
   * mapping its headers suggest, and the count drivers a column can fill (built in, and the case's own).
   */
  async datasetColumns(ctx: RequestContext, id: string, file: { format: 'csv' | 'xlsx' | 'json'; content: string }) {
    await this.allocationCase(ctx, id);
    if (file.format === 'json') throw ValidationFailed.field('file', 'En JSON-fil har ingen kolonner å koble; importer den som den er');
    const rows = await readTable(file.format, file.content);
    if (!rows[0] || rows[0].every((h) => (h ?? '').trim() === ''))
      throw tableRejected([{ row: 1, column: '', message: 'Tabellen mangler overskriftsrad' }]);
    const context = await tableContext(this.db.manager, id);
    return {
      columns: tableColumns(rows),
      suggested: suggestMapping(rows.slice(0, 1), context.customDrivers),
      drivers: [
        ...BUILT_IN_DRIVERS.filter((d) => d !== 'unit').map((d) => ({ id: d, label: MAPPED_FIELD_LABELS[d] ?? d })),
        ...context.driverLabels,
      ],
    };
  }

  /** One dataset with its units and counts (read by whoever may read the case). */
  async dataset(ctx: RequestContext, datasetId: string) {
    const rows: (Pick<AllocationDatasetRow, 'id' | 'allocation_case_id' | 'name' | 'source' | 'created_at'> & { units: UnitInput[] })[] =
      await this.db.query(
        `SELECT d.id, d.allocation_case_id, d.name, d.source, d.units, d.created_at FROM allocation_dataset d
           JOIN allocation_case a ON a.id = d.allocation_case_id WHERE d.id = $1 AND a.municipality_id = $2`,
        [datasetId, ctx.municipalityId],
      );
    const d = rows[0];
    if (!d) throw new NotFound('Fant ikke datasettet');
    await this.allocationCase(ctx, d.allocation_case_id);
    return {
      id: d.id,
      allocationCaseId: d.allocation_case_id,
      name: d.name,
      source: d.source,
      createdAt: d.created_at.toISOString(),
      units: d.units,
    };
  }

  async importStatus(ctx: RequestContext, importId: string) {
    const rows: Pick<ImportJobRow, 'id' | 'allocation_case_id' | 'status' | 'progress' | 'errors' | 'dataset_id'>[] = await this.db.query(
      `SELECT id, allocation_case_id, status, progress, errors, dataset_id FROM import_job WHERE id = $1 AND municipality_id = $2`,
      [importId, ctx.municipalityId],
    );
    const r = rows[0];
    if (!r) throw new NotFound('Fant ikke importen');
    await this.allocationCase(ctx, r.allocation_case_id);
    return { id: r.id, status: r.status, progress: r.progress, errors: r.errors ?? [], datasetId: r.dataset_id };
  }

  async createModelVersion(ctx: RequestContext, id: string, input: z.infer<typeof createModelVersionSchema>) {
    await this.allocationCase(ctx, id);
    return this.db.transaction((m) => insertModelVersion(m, this.audit, ctx, id, input.label, input.model));
  }

  private async inputFor(
    m: EntityManager,
    s: Pick<ScenarioRow, 'model_version_id' | 'dataset_id' | 'frame' | 'frame_change' | 'overrides' | 'adjustments' | 'allocation_case_id'>,
  ) {
    const [mv] = await m.query(`SELECT model FROM model_version WHERE id = $1 AND allocation_case_id = $2`, [
      s.model_version_id,
      s.allocation_case_id,
    ]);
    const [ds] = await m.query(`SELECT units FROM allocation_dataset WHERE id = $1 AND allocation_case_id = $2`, [
      s.dataset_id,
      s.allocation_case_id,
    ]);
    if (!mv) throw ValidationFailed.field('modelVersionId', 'Fant ikke modellversjonen i denne fordelingssaken');
    if (!ds) throw ValidationFailed.field('datasetId', 'Fant ikke datasettet i denne fordelingssaken');
    return buildInput(mv.model, ds.units, {
      frame: s.frame,
      frameChange: s.frame_change,
      overrides: s.overrides,
      adjustments: s.adjustments,
    });
  }

  /** Computes with the engine and stores the result with the engine version and a hash of the input. */
  private async computeAndStore(m: EntityManager, scenarioId: string, version: number, raw: unknown): Promise<AllocationResult> {
    const check = validateAllocationInput(raw);
    if (!check.ok) throw new ValidationFailed(check.errors);
    let result: AllocationResult;
    try {
      result = allocate(check.input);
    } catch (error) {
      const errors = (error as { errors?: { path: string; message: string }[] }).errors;
      if (errors) throw new ValidationFailed(errors);
      throw error;
    }
    await m.query(
      `INSERT INTO scenario_result (scenario_id, scenario_version, engine_version, input_hash, input, result) VALUES ($1,$2,$3,$4,$5,$6)`,
      [scenarioId, version, ENGINE_VERSION, inputHash(check.input), JSON.stringify(check.input), JSON.stringify(result)],
    );
    return result;
  }

  async createScenario(
    ctx: RequestContext,
    id: string,
    input: z.infer<typeof createScenarioSchema>,
    revisesScenarioId: string | null = null,
  ) {
    await this.allocationCase(ctx, id);
    return this.db.transaction(async (m) => {
      const parts = {
        allocation_case_id: id,
        model_version_id: input.modelVersionId,
        dataset_id: input.datasetId,
        frame: input.frame === null ? null : String(input.frame),
        frame_change: input.frameChange === null ? null : String(input.frameChange),
        overrides: input.overrides,
        adjustments: input.adjustments,
      };
      const raw = await this.inputFor(m, parts as never);
      const [row] = await m.query(
        `INSERT INTO scenario (allocation_case_id, name, model_version_id, dataset_id, frame, frame_change, overrides, adjustments, created_by, revises_scenario_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [
          id,
          input.name,
          input.modelVersionId,
          input.datasetId,
          input.frame,
          input.frameChange,
          JSON.stringify(input.overrides),
          JSON.stringify(input.adjustments),
          ctx.userId,
          revisesScenarioId,
        ],
      );
      const result = await this.computeAndStore(m, row.id, 1, raw);
      await this.audit.record(m, ctx, 'create', 'scenario', row.id, null, input);
      return { id: row.id as string, version: 1, result };
    });
  }

  async updateScenario(ctx: RequestContext, id: string, input: z.infer<typeof updateScenarioSchema>) {
    const { version: expected, ...patch } = input;
    const sent = presentFields(patch);
    return this.db.transaction(async (m) => {
      const s = await this.scenario(ctx, id, m, true);
      if (s.adopted_at) throw new ConflictState('Scenarioet er vedtatt og kan ikke endres. Lag en revisjon eller et nytt scenario.');
      if (s.version !== expected) throw new StaleVersion({ id: s.id, version: s.version, name: s.name });
      const money = (v: number | string | null) => (v === null ? null : String(v));
      const next = {
        ...s,
        name: sent.name ?? s.name,
        frame: sent.frame !== undefined ? money(sent.frame) : s.frame,
        frame_change: sent.frameChange !== undefined ? money(sent.frameChange) : s.frame_change,
        overrides: sent.overrides ?? s.overrides,
        adjustments: sent.adjustments ?? s.adjustments,
      };
      // A frame and a frame change exclude each other: the one sent replaces the other.
      if (sent.frame != null) next.frame_change = null;
      if (sent.frameChange != null) next.frame = null;
      const version = s.version + 1;
      await m.query(
        `UPDATE scenario SET name = $2, frame = $3, frame_change = $4, overrides = $5, adjustments = $6, version = $7, updated_at = now() WHERE id = $1`,
        [id, next.name, next.frame, next.frame_change, JSON.stringify(next.overrides), JSON.stringify(next.adjustments), version],
      );
      // Nothing the engine reads was sent (a new name): the stored result carries over unchanged.
      const engineInputSent = ['frame', 'frameChange', 'overrides', 'adjustments'].some((k) => k in sent);
      const copied: { result: AllocationResult }[] = engineInputSent
        ? []
        : await m.query(
            `INSERT INTO scenario_result (scenario_id, scenario_version, engine_version, input_hash, input, result, computed_at)
             SELECT scenario_id, $3, engine_version, input_hash, input, result, computed_at FROM scenario_result WHERE scenario_id = $1 AND scenario_version = $2
             RETURNING result`,
            [id, s.version, version],
          );
      const result = copied[0]?.result ?? (await this.computeAndStore(m, id, version, await this.inputFor(m, next)));
      await this.audit.record(
        m,
        ctx,
        'update',
        'scenario',
        id,
        { name: s.name, frame: s.frame, frameChange: s.frame_change, adjustments: s.adjustments, overrides: s.overrides },
        { name: next.name, frame: next.frame, frameChange: next.frame_change, adjustments: next.adjustments, overrides: next.overrides },
      );
      return { id, version, result };
    });
  }

  async latestResult(ctx: RequestContext, id: string) {
    const s = await this.scenario(ctx, id);
    const [r] = await this.db.query(
      `SELECT engine_version, input_hash, input, result, computed_at FROM scenario_result WHERE scenario_id = $1 AND scenario_version = $2`,
      [id, s.version],
    );
    // A scenario not (yet) computed for its version has no result to show or compare: a 404, not a crash.
    if (!r) throw new NotFound('Scenarioet er ikke beregnet');
    return {
      scenario: s,
      stored: r as { engine_version: string; input_hash: string; input: AllocationInput; result: AllocationResult; computed_at: Date },
    };
  }

  /**
   * A scenario with its stored result. The anonymous reader (innsyn) gets no adjustment reasons: they are the
   * officer's free text (they may name a pupil or an employee), so only the amounts are published.
   */
  async getScenario(ctx: RequestContext, id: string) {
    const { scenario: s, stored } = await this.latestResult(ctx, id);
    if (ctx.anonymous)
      return {
        id: s.id,
        allocationCaseId: s.allocation_case_id,
        caseId: s.case_id,
        name: s.name,
        adopted: s.adopted_at !== null,
        computedAt: stored.computed_at.toISOString(),
        result: {
          ...stored.result,
          units: stored.result.units.map((u) => ({ ...u, adjustments: u.adjustments.map((a) => ({ amount: a.amount })) })),
        },
      };
    return {
      id: s.id,
      allocationCaseId: s.allocation_case_id,
      caseId: s.case_id,
      name: s.name,
      modelVersionId: s.model_version_id,
      datasetId: s.dataset_id,
      frame: s.frame === null ? null : Number(s.frame),
      frameChange: s.frame_change === null ? null : Number(s.frame_change),
      overrides: s.overrides,
      adjustments: s.adjustments,
      adopted: s.adopted_at !== null,
      adoptedByDecisionId: s.adopted_by_decision_id,
      revisesScenarioId: s.revises_scenario_id,
      version: s.version,
      engineVersion: stored.engine_version,
      inputHash: stored.input_hash,
      computedAt: stored.computed_at.toISOString(),
      input: stored.input,
      result: stored.result,
    };
  }

  async compare(ctx: RequestContext, id: string, against: string) {
    const { stored } = await this.latestResult(ctx, id);
    if (against === 'budget' || against === 'lastYear') {
      const units = compareWithBudget(stored.result, against);
      return { against, units, totals: comparisonTotals(units) };
    }
    if (!/^[0-9a-f-]{36}$/i.test(against))
      throw ValidationFailed.field('against', 'Sammenlign med «budget», «lastYear» eller et annet scenario');
    const other = await this.latestResult(ctx, against);
    const units = compareResults(stored.result, other.stored.result);
    return { against, units, totals: comparisonTotals(units) };
  }

  async comment(ctx: RequestContext, id: string, input: z.infer<typeof scenarioCommentSchema>) {
    const { scenario: s, stored } = await this.latestResult(ctx, id);
    if (input.unitId && !stored.result.units.some((u) => u.id === input.unitId))
      throw ValidationFailed.field('unitId', 'Fant ikke enheten i scenarioet');
    return this.db.transaction(async (m) => {
      const row = await this.cases.addScenarioComment(m, ctx, {
        caseId: s.case_id,
        scenarioId: id,
        unitId: input.unitId,
        text: input.text,
      });
      return { id: row.id };
    });
  }

  async comments(ctx: RequestContext, id: string) {
    await this.scenario(ctx, id);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT c.id, c.unit_id, c.text, c.created_at, u.name, u.title FROM comment c JOIN app_user u ON u.id = c.author_id WHERE c.scenario_id = $1 ORDER BY c.created_at`,
      [id],
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      text: r.text,
      createdAt: (r.created_at as Date).toISOString(),
      author: { name: r.name, title: r.title },
    }));
  }

  /**
   * A case officer chooses the case's main scenario (one of its own), audited. The adopted scenario was
   * the main one until then; choosing another leaves the adoption as it is.
   */
  async setMainScenario(ctx: RequestContext, id: string, input: z.infer<typeof mainScenarioSchema>) {
    return this.db.transaction(async (m) => {
      const a = await this.allocationCase(ctx, id, m, true);
      const own = await m.query(`SELECT 1 FROM scenario WHERE id = $1 AND allocation_case_id = $2`, [input.scenarioId, id]);
      if (own.length === 0) throw ValidationFailed.field('scenarioId', 'Scenarioet hører ikke til denne fordelingssaken');
      if (a.main === input.scenarioId && a.main_scenario_id === input.scenarioId) return;
      await m.query(`UPDATE allocation_case SET main_scenario_id = $2 WHERE id = $1`, [id, input.scenarioId]);
      await this.audit.record(m, ctx, 'update', 'allocation_case', id, { mainScenarioId: a.main }, { mainScenarioId: input.scenarioId });
    });
  }

  /** A decision adopts the scenario: it is locked and becomes the budget year's allocation. */
  async adopt(ctx: RequestContext, id: string, input: z.infer<typeof adoptScenarioSchema>) {
    return this.db.transaction(async (m) => {
      const s = await this.scenario(ctx, id, m, true);
      if (s.adopted_at) throw new ConflictState('Scenarioet er allerede vedtatt');
      await this.decisions.adoptingDecision(m, ctx, input.decisionId, s.case_id, 'Vedtaket hører ikke til fordelingssakens sak');
      await m.query(`UPDATE scenario SET adopted_at = now(), adopted_by_decision_id = $2 WHERE id = $1`, [id, input.decisionId]);
      // The adopted scenario is the case's main scenario from now on.
      await m.query(`UPDATE allocation_case SET adopted_scenario_id = $2, main_scenario_id = $2 WHERE id = $1`, [s.allocation_case_id, id]);
      await m.query(`UPDATE model_version SET adopted_by_decision_id = $2 WHERE id = $1 AND adopted_by_decision_id IS NULL`, [
        s.model_version_id,
        input.decisionId,
      ]);
      await this.audit.record(m, ctx, 'update', 'scenario', id, { adopted: false }, { adopted: true, decisionId: input.decisionId });
    });
  }

  /** The autumn revision: the adopted scenario recomputed with new counts, and what changes for each unit. */
  async revise(ctx: RequestContext, id: string, input: z.infer<typeof revisionSchema>) {
    const base = await this.scenario(ctx, id);
    if (!base.adopted_at) throw new ConflictState('Bare et vedtatt scenario kan revideres');
    const previous = (await this.latestResult(ctx, id)).stored.result;
    // The adopted frame stays; the new counts redistribute the whole year's budget within it.
    const created = await this.createScenario(
      ctx,
      base.allocation_case_id,
      {
        name: input.name,
        modelVersionId: base.model_version_id,
        datasetId: input.datasetId,
        frame: previous.frame,
        frameChange: null,
        overrides: base.overrides as never,
        adjustments: base.adjustments as never,
      },
      id,
    );
    const changes = compareResults(created.result, previous);
    return { id: created.id, changes, totals: comparisonTotals(changes) };
  }

  async startSweep(ctx: RequestContext, id: string, input: z.infer<typeof sweepSchema>) {
    const { stored } = await this.latestResult(ctx, id);
    const criterion = stored.input.criteria.find((c) => c.id === input.criterion);
    if (!criterion) throw ValidationFailed.field('criterion', 'Fant ikke kriteriet i scenarioet');
    if (!criterion.rate[input.stage]) throw ValidationFailed.field('stage', 'Kriteriet har ingen sats for dette trinnet');
    return this.db.transaction(async (m) => {
      await this.limits.assertRoomForJob(m, ctx, 'sweep');
      const [row] = await m.query(
        `INSERT INTO sweep (municipality_id, scenario_id, parameter, created_by) VALUES ($1,$2,$3,$4) RETURNING id`,
        [ctx.municipalityId, id, JSON.stringify(input), ctx.userId],
      );
      await this.outbox.enqueue(m, 'allocation.sweep', { sweepId: row.id }, { dedupKey: `sweep:${row.id}` });
      return { id: row.id as string };
    });
  }

  async sweep(ctx: RequestContext, id: string) {
    const rows: SweepRow[] = await this.db.query(`SELECT * FROM sweep WHERE id = $1 AND municipality_id = $2`, [id, ctx.municipalityId]);
    const r = rows[0];
    if (!r) throw new NotFound('Fant ikke følsomhetsanalysen');
    await this.scenario(ctx, r.scenario_id);
    return {
      id,
      scenarioId: r.scenario_id,
      parameter: r.parameter,
      status: r.status,
      progress: r.progress,
      result: r.result,
      error: r.error,
    };
  }

  /** A scenario's result as a file; at most WORK_LIMITS.export built at once per person. */
  async export(ctx: RequestContext, id: string, format: 'xlsx' | 'csv' | 'json') {
    return this.limits.export(ctx, () => this.buildExport(ctx, id, format));
  }

  private async buildExport(ctx: RequestContext, id: string, format: 'xlsx' | 'csv' | 'json') {
    const { scenario, stored } = await this.latestResult(ctx, id);
    if (format === 'json') return { body: JSON.stringify(stored.result, null, 2), type: 'application/json', name: `${scenario.name}.json` };
    if (format === 'csv') return { body: formatResultCsv(stored.result), type: 'text/csv; charset=utf-8', name: `${scenario.name}.csv` };
    return {
      body: Buffer.from(await resultWorkbook(stored.input, stored.result)),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name: `${scenario.name}.xlsx`,
    };
  }
}
