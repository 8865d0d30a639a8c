import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  ANALYSIS_KINDS,
  adoptAnalysisSchema,
  adoptionSchema,
  analysisCommentCreatedResponseSchema,
  analysisCommentListResponseSchema,
  analysisCommentSchema,
  analysisToolCreatedResponseSchema,
  analysisToolListResponseSchema,
  analysisToolResponseSchema,
  analysisVersionListResponseSchema,
  createAnalysisToolSchema,
  peerImportResponseSchema,
  measureAssessmentSchema,
  updateAnalysisToolSchema,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { AnalysisService } from './analysis.service.js';
import { downloadHeaders } from '../../platform/http/download.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function optionalUuid(value: string | undefined, field: string) {
  if (value === undefined || value === '') return undefined;
  if (!UUID.test(value)) throw ValidationFailed.field(field, 'Ugyldig id');
  return value;
}

@Controller('api/analysis-tools')
export class AnalysisController {
  constructor(@Inject(AnalysisService) private readonly analysis: AnalysisService) {}

  @Returns(analysisToolListResponseSchema)
  @Get()
  @Access('authenticated')
  async list(
    @Ctx() ctx: RequestContext,
    @Query('caseId') caseId?: string,
    @Query('mandateItemId') mandateItemId?: string,
    @Query('kind') kind?: string,
  ) {
    if (kind !== undefined && kind !== '' && !(ANALYSIS_KINDS as readonly string[]).includes(kind))
      throw ValidationFailed.field('kind', 'Verktøyet må være «savings», «sfo», «structure» eller «peers»');
    return {
      tools: await this.analysis.list(ctx, {
        caseId: optionalUuid(caseId, 'caseId'),
        mandateItemId: optionalUuid(mandateItemId, 'mandateItemId'),
        kind: kind || undefined,
      }),
    };
  }

  @Returns(analysisToolCreatedResponseSchema)
  @Post()
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Body(body(createAnalysisToolSchema)) input: z.infer<typeof createAnalysisToolSchema>) {
    return this.analysis.create(ctx, input);
  }

  @Returns(analysisToolResponseSchema)
  @Get(':id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.analysis.get(ctx, id);
  }

  @Returns(analysisToolCreatedResponseSchema)
  @Patch(':id')
  @Access('case_officer')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(updateAnalysisToolSchema)) input: z.infer<typeof updateAnalysisToolSchema>,
  ) {
    return this.analysis.update(ctx, id, input);
  }

  @Returns(adoptionSchema)
  @Post(':id/adoptions')
  @Access('case_officer')
  adopt(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(adoptAnalysisSchema)) input: z.infer<typeof adoptAnalysisSchema>,
  ) {
    return this.analysis.adopt(ctx, id, input);
  }

  /** The consequence assessment of one measure; the service lets only its unit leaders write it (MEASURE_ASSESSORS). */
  @Returns(analysisToolCreatedResponseSchema)
  @Put(':id/measures/:measureId/assessment')
  @Access('authenticated')
  assess(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('measureId') measureId: string,
    @Body(body(measureAssessmentSchema)) input: z.infer<typeof measureAssessmentSchema>,
  ) {
    if (measureId.length > 100) throw ValidationFailed.field('measureId', 'Fant ikke tiltaket i planen');
    return this.analysis.assess(ctx, id, measureId, input);
  }

  @Returns(analysisVersionListResponseSchema)
  @Get(':id/versions')
  @Access('authenticated')
  async versions(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return { versions: await this.analysis.versions(ctx, id) };
  }

  @Returns(analysisCommentListResponseSchema)
  @Get(':id/comments')
  @Access('authenticated')
  async comments(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return { comments: await this.analysis.comments(ctx, id) };
  }

  @Returns(analysisCommentCreatedResponseSchema)
  @Post(':id/comments')
  @Access('member', 'case_officer')
  comment(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(analysisCommentSchema)) input: z.infer<typeof analysisCommentSchema>,
  ) {
    return this.analysis.comment(ctx, id, input);
  }

  /**
   * Reads a peer comparison's municipalities from a file (the raw body, its name in `?filename=`: .csv, .xlsx or the
   * JSON format) and answers them for the form; nothing is stored until the form is saved. Bad rows: 400 by row and column.
   */
  @Returns(peerImportResponseSchema)
  @Post(':id/peer-import')
  @HttpCode(200)
  @Access('case_officer')
  peerImport(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query('filename') filename: unknown,
    @Body() content: unknown,
  ) {
    return this.analysis.peerImport(ctx, id, filename, content);
  }

  @ReturnsFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get(':id/export.xlsx')
  @Access('authenticated')
  async export(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.analysis.export(ctx, id);
    downloadHeaders(reply, { filename: file.name, mediaType: file.type });
    return file.body;
  }
}
