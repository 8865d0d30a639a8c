import { Body, Controller, Get, Header, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  adoptScenarioSchema,
  createAllocationCaseSchema,
  createModelVersionSchema,
  createScenarioSchema,
  importDatasetSchema,
  mainScenarioSchema,
  revisionSchema,
  scenarioCommentSchema,
  sweepSchema,
  updateScenarioSchema,
} from '@samrad/shared/contracts';
import { TEMPLATE_HEADERS, toCsv, unitsTemplateXlsx } from '@samrad/shared/formats';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { AllocationService } from './allocation.service.js';
import {
  allocationCaseListResponseSchema,
  allocationCaseResponseSchema,
  comparisonResponseSchema,
  datasetColumnsResponseSchema,
  datasetImportResponseSchema,
  datasetResponseSchema,
  idResponseSchema,
  importStatusResponseSchema,
  modelVersionCreatedResponseSchema,
  revisionResponseSchema,
  scenarioCommentListResponseSchema,
  scenarioResponseSchema,
  scenarioResultResponseSchema,
  sweepResponseSchema,
} from '@samrad/shared/contracts';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { downloadHeaders } from '../../platform/http/download.js';

type Body<S extends z.ZodType> = z.infer<S>;

@Controller('api')
export class AllocationController {
  constructor(@Inject(AllocationService) private readonly allocation: AllocationService) {}

  @Returns(allocationCaseListResponseSchema)
  @Get('allocation-cases')
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext) {
    return { allocationCases: await this.allocation.list(ctx) };
  }

  @Returns(idResponseSchema)
  @Post('allocation-cases')
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Body(body(createAllocationCaseSchema)) input: Body<typeof createAllocationCaseSchema>) {
    return this.allocation.create(ctx, input);
  }

  @Get('allocation-template.csv')
  @Access('authenticated')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="enheter-mal.csv"')
  templateCsv() {
    return toCsv([TEMPLATE_HEADERS]);
  }

  @Get('allocation-template.xlsx')
  @Access('authenticated')
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('content-disposition', 'attachment; filename="enheter-mal.xlsx"')
  async templateXlsx() {
    return Buffer.from(await unitsTemplateXlsx());
  }

  @Returns(importStatusResponseSchema)
  @Get('imports/:id')
  @Access('case_officer')
  importStatus(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.allocation.importStatus(ctx, id);
  }

  @Returns(allocationCaseResponseSchema)
  @Get('allocation-cases/:id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.allocation.get(ctx, id);
  }

  /** The case's main scenario (the one its page opens on): chosen by a case officer, audited. */
  @Put('allocation-cases/:id/main-scenario')
  @Access('case_officer')
  @HttpCode(204)
  async mainScenario(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(mainScenarioSchema)) input: Body<typeof mainScenarioSchema>,
  ) {
    await this.allocation.setMainScenario(ctx, id, input);
  }

  @Returns(datasetImportResponseSchema)
  @Post('allocation-cases/:id/datasets')
  @Access('case_officer')
  async importDataset(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(importDatasetSchema)) input: Body<typeof importDatasetSchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.allocation.importDataset(ctx, id, input);
    // A large file is accepted for the worker: 202 with the import's id to follow.
    if ('importId' in result) void reply.status(202);
    return result;
  }

  /**
   * The same import with the file as the raw body (`application/octet-stream`, as attachments), its
   * name in `?filename=` and the dataset's name in `?name=`: the browser sends a workbook as it is.
   */
  @Returns(datasetImportResponseSchema)
  @Post('allocation-cases/:id/datasets/file')
  @Access('case_officer')
  async importDatasetFile(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query('filename') filename: unknown,
    @Query('name') name: unknown,
    @Query('mapping') mapping: unknown,
    @Body() content: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = body(importDatasetSchema).transform({ ...datasetFromFile(filename, name, content), ...mappingFromQuery(mapping) });
    const result = await this.allocation.importDataset(ctx, id, input);
    if ('importId' in result) void reply.status(202);
    return result;
  }

  /**
   * The mapping step of an import of the municipality's own spreadsheet: the file as the raw body (as
   * above), answered with its header row, a few values per column and the mapping its headers suggest.
   * Nothing is stored.
   */
  @Returns(datasetColumnsResponseSchema)
  @Post('allocation-cases/:id/datasets/columns')
  @Access('case_officer')
  @HttpCode(200)
  datasetColumns(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query('filename') filename: unknown,
    @Body() content: unknown,
  ) {
    return this.allocation.datasetColumns(ctx, id, datasetFromFile(filename, '', content));
  }

  @Returns(datasetResponseSchema)
  @Get('datasets/:id')
  @Access('authenticated')
  dataset(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.allocation.dataset(ctx, id);
  }

  @Returns(modelVersionCreatedResponseSchema)
  @Post('allocation-cases/:id/model-versions')
  @Access('case_officer')
  modelVersion(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(createModelVersionSchema)) input: Body<typeof createModelVersionSchema>,
  ) {
    return this.allocation.createModelVersion(ctx, id, input);
  }

  @Returns(scenarioResultResponseSchema)
  @Post('allocation-cases/:id/scenarios')
  @Access('case_officer')
  createScenario(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(createScenarioSchema)) input: Body<typeof createScenarioSchema>,
  ) {
    return this.allocation.createScenario(ctx, id, input);
  }

  @Returns(scenarioResponseSchema)
  @Get('scenarios/:id')
  @Access('authenticated')
  scenario(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.allocation.getScenario(ctx, id);
  }

  @Returns(scenarioResultResponseSchema)
  @Patch('scenarios/:id')
  @Access('case_officer')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(updateScenarioSchema)) input: Body<typeof updateScenarioSchema>,
  ) {
    return this.allocation.updateScenario(ctx, id, input);
  }

  @Returns(comparisonResponseSchema)
  @Get('scenarios/:id/compare')
  @Access('authenticated')
  compare(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Query('against') against = 'budget') {
    return this.allocation.compare(ctx, id, against);
  }

  @Returns(scenarioCommentListResponseSchema)
  @Get('scenarios/:id/comments')
  @Access('authenticated')
  async comments(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return { comments: await this.allocation.comments(ctx, id) };
  }

  @Returns(idResponseSchema)
  @Post('scenarios/:id/comments')
  @Access('member', 'case_officer')
  comment(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(scenarioCommentSchema)) input: Body<typeof scenarioCommentSchema>,
  ) {
    return this.allocation.comment(ctx, id, input);
  }

  @Post('scenarios/:id/adopt')
  @Access('case_officer')
  @HttpCode(204)
  async adopt(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(adoptScenarioSchema)) input: Body<typeof adoptScenarioSchema>,
  ) {
    await this.allocation.adopt(ctx, id, input);
  }

  @Returns(revisionResponseSchema)
  @Post('scenarios/:id/revisions')
  @Access('case_officer')
  revise(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(revisionSchema)) input: Body<typeof revisionSchema>) {
    return this.allocation.revise(ctx, id, input);
  }

  @Returns(idResponseSchema)
  @Post('scenarios/:id/sweeps')
  @Access('case_officer')
  sweep(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(sweepSchema)) input: Body<typeof sweepSchema>) {
    return this.allocation.startSweep(ctx, id, input);
  }

  @Returns(sweepResponseSchema)
  @Get('sweeps/:id')
  @Access('authenticated')
  getSweep(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.allocation.sweep(ctx, id);
  }

  @ReturnsFile('application/octet-stream')
  @Get('scenarios/:id/export/:format')
  @Access('authenticated')
  async export(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('format') format: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (format !== 'xlsx' && format !== 'csv' && format !== 'json') throw new NotFound();
    const file = await this.allocation.export(ctx, id, format);
    downloadHeaders(reply, { filename: file.name, mediaType: file.type });
    return file.body;
  }
}

/** A raw upload as the JSON import's fields: the format from the file's extension, a workbook in base64. */
export function datasetFromFile(filename: unknown, name: unknown, content: unknown) {
  if (!Buffer.isBuffer(content)) throw ValidationFailed.field('file', 'Send filen som innhold med typen application/octet-stream');
  const file = typeof filename === 'string' ? filename : '';
  const ext = file.split('.').pop()?.toLowerCase();
  const format: 'csv' | 'xlsx' | 'json' | null = ext === 'xlsx' ? 'xlsx' : ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : null;
  if (!format) throw ValidationFailed.field('file', 'Filen må være CSV, XLSX eller JSON (.csv, .xlsx eller .json)');
  return {
    name: typeof name === 'string' && name.trim() !== '' ? name : file,
    format,
    content: format === 'xlsx' ? content.toString('base64') : content.toString('utf8'),
  };
}

/** The column mapping of a raw upload, sent as JSON in `?mapping=` (absent: the template's headers). */
export function mappingFromQuery(mapping: unknown): { mapping?: unknown } {
  if (mapping === undefined || mapping === '') return {};
  if (typeof mapping !== 'string') throw ValidationFailed.field('mapping', 'Send koblingen av kolonner én gang, som JSON');
  try {
    return { mapping: JSON.parse(mapping) as unknown };
  } catch {
    throw ValidationFailed.field('mapping', 'Koblingen av kolonner kan ikke leses (den må være JSON)');
  }
}
