import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  continuousInputSchema,
  createRoundSchema,
  dispositionSchema,
  editSubmissionSchema,
  extensionSchema,
  inputFilterSchema,
  myInputsQuerySchema,
  noCommentSchema,
  publishConsentSchema,
  type InputFilter,
  submissionSchema,
  type CreateRound,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { ZodPipe, body } from '../../platform/http/zod.pipe.js';
import { DispositionsService } from './dispositions.service.js';
import { InputRoundsService } from './input-rounds.service.js';
import {
  inputSummaryResponseSchema,
  myInputsResponseSchema,
  receiptResponseSchema,
  roundCreatedResponseSchema,
  roundDetailResponseSchema,
  submissionVersionsResponseSchema,
  publishConsentResponseSchema,
} from '@samrad/shared/contracts';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { InputSummaryService } from './input-summary.service.js';
import { SubmissionsService } from './submissions.service.js';
import { downloadHeaders } from '../../platform/http/download.js';

@Controller('api')
export class InputRoundsController {
  constructor(
    @Inject(InputRoundsService) private readonly rounds: InputRoundsService,
    @Inject(SubmissionsService) private readonly submissions: SubmissionsService,
    @Inject(DispositionsService) private readonly dispositions: DispositionsService,
    @Inject(InputSummaryService) private readonly inputSummary: InputSummaryService,
  ) {}

  @Returns(roundCreatedResponseSchema)
  @Post('rounds')
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Body(body(createRoundSchema)) input: CreateRound) {
    return this.rounds.create(ctx, input);
  }

  @Returns(roundDetailResponseSchema)
  @Get('rounds/:id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.rounds.get(ctx, id);
  }

  @Returns(receiptResponseSchema)
  @Post('rounds/:id/submissions')
  @Access('member')
  submit(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(submissionSchema)) input: z.infer<typeof submissionSchema>,
  ) {
    return this.submissions.submit(ctx, id, input);
  }

  @Post('rounds/:id/no-comment')
  @Access('member')
  @HttpCode(204)
  async noComment(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(noCommentSchema)) input: z.infer<typeof noCommentSchema>,
  ) {
    await this.rounds.noComment(ctx, id, input.bodyId);
  }

  @Post('rounds/:id/extensions')
  @Access('case_officer')
  @HttpCode(204)
  async extend(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(extensionSchema)) input: z.infer<typeof extensionSchema>,
  ) {
    await this.rounds.extend(ctx, id, input);
  }

  @Returns(receiptResponseSchema)
  @Put('submissions/:id')
  @Access('member')
  edit(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(editSubmissionSchema)) input: z.infer<typeof editSubmissionSchema>,
  ) {
    return this.submissions.edit(ctx, id, input);
  }

  /** The submitter gives or withdraws consent to publish the input in innsyn (any time after sending it). */
  @Returns(publishConsentResponseSchema)
  @Put('submissions/:id/publish-consent')
  @Access('authenticated')
  publishConsent(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(publishConsentSchema)) input: z.infer<typeof publishConsentSchema>,
  ) {
    return this.submissions.setPublishConsent(ctx, id, input.publishConsent);
  }

  @Returns(submissionVersionsResponseSchema)
  @Get('submissions/:id/versions')
  @Access('authenticated')
  async versions(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return { versions: await this.submissions.versions(ctx, id) };
  }

  @Put('submissions/:id/disposition')
  @Access('case_officer')
  @HttpCode(204)
  async dispose(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(dispositionSchema)) input: z.infer<typeof dispositionSchema>,
  ) {
    await this.dispositions.dispose(ctx, id, input);
  }

  @Returns(receiptResponseSchema)
  @Post('inputs')
  @Access('member')
  continuous(@Ctx() ctx: RequestContext, @Body(body(continuousInputSchema)) input: z.infer<typeof continuousInputSchema>) {
    return this.submissions.continuous(ctx, input);
  }

  @Returns(inputSummaryResponseSchema)
  @Get('cases/:id/input-summary')
  @Access('authenticated')
  summary(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.inputSummary.summary(ctx, id);
  }

  /** One's own inputs on a case or a mandate item (every kind), each with how it was handled. */
  @Returns(myInputsResponseSchema)
  @Get('inputs/mine')
  @Access('authenticated')
  mine(@Ctx() ctx: RequestContext, @Query(new ZodPipe(myInputsQuerySchema)) query: z.infer<typeof myInputsQuerySchema>) {
    return this.inputSummary.mine(ctx, query);
  }

  /** «Innspill og behandling» as XLSX, with the page's filters (kind, outcome, body, handled). */
  @ReturnsFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get('cases/:id/input-summary/xlsx')
  @Access('authenticated')
  exportXlsx(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodPipe(inputFilterSchema)) filter: InputFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.exportSummary(ctx, id, 'xlsx', filter, reply);
  }

  /** «Innspill og behandling» as PDF, with the page's filters. */
  @ReturnsFile('application/pdf')
  @Get('cases/:id/input-summary/pdf')
  @Access('authenticated')
  exportPdf(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query(new ZodPipe(inputFilterSchema)) filter: InputFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.exportSummary(ctx, id, 'pdf', filter, reply);
  }

  private async exportSummary(ctx: RequestContext, id: string, format: 'xlsx' | 'pdf', filter: InputFilter, reply: FastifyReply) {
    const file = await this.inputSummary.export(ctx, id, format, filter);
    downloadHeaders(reply, { filename: file.name, mediaType: file.type });
    return file.body;
  }
}
