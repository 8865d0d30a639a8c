import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import type { z } from 'zod';
import {
  changeAccessSchema,
  commentSchema,
  createCaseSchema,
  decisionSchema,
  moveCaseSchema,
  recommendationSchema,
  assignOfficerSchema,
  officerDisqualificationSchema,
  officerAssignedResponseSchema,
  officerDisqualifiedResponseSchema,
  routeSchema,
  updateCaseSchema,
  updateSectionSchema,
  type ChangeAccess,
  type CreateCase,
  type MoveCase,
  type UpdateCase,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { ReadCache } from '../../platform/cache/read-cache.js';
import { CasesService } from './cases.service.js';
import {
  caseAccessResponseSchema,
  caseCommentListResponseSchema,
  caseCreatedResponseSchema,
  caseDetailResponseSchema,
  caseListResponseSchema,
  caseMovedResponseSchema,
  caseUpdatedResponseSchema,
  commentCreatedResponseSchema,
  decisionRecordedResponseSchema,
  idVersionResponseSchema,
  recommendationResponseSchema,
  sectionDiffResponseSchema,
  sectionVersionsResponseSchema,
} from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller('api/cases')
export class CasesController {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  @Returns(caseListResponseSchema)
  @Get()
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext, @Query('mandateItemId') mandateItemId?: string) {
    if (mandateItemId !== undefined && !/^[0-9a-f-]{36}$/i.test(mandateItemId)) throw ValidationFailed.field('mandateItemId', 'Ugyldig id');
    return { cases: await this.cases.list(ctx, { mandateItemId }) };
  }

  @Returns(caseCreatedResponseSchema)
  @Post()
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Body(body(createCaseSchema)) input: CreateCase) {
    return this.cases.create(ctx, input);
  }

  @Returns(caseDetailResponseSchema)
  @Get(':id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    // A case page is read by every member of the bodies on its route: kept until anything changes.
    return this.cache.read(ctx, `case:${id}`, () => this.cases.get(ctx, id));
  }

  @Returns(caseUpdatedResponseSchema)
  @Patch(':id')
  @Access('case_officer')
  update(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(updateCaseSchema)) input: UpdateCase) {
    return this.cases.update(ctx, id, input);
  }

  /** The access level (public or exempt) is changed only here, never by PATCH. */
  @Returns(caseAccessResponseSchema)
  @Post(':id/access')
  @Access('case_officer')
  @HttpCode(200)
  changeAccess(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(changeAccessSchema)) input: ChangeAccess) {
    return this.cases.changeAccess(ctx, id, input);
  }

  /** A manual move in the case's lifecycle (start, rework, working group, send to the first body, follow-up, close). */
  @Returns(caseMovedResponseSchema)
  @Post(':id/moves')
  @Access('case_officer')
  move(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(moveCaseSchema)) input: MoveCase) {
    return this.cases.manualMove(ctx, id, input);
  }

  @Returns(idVersionResponseSchema)
  @Put(':id/sections/:sectionId')
  @Access('case_officer')
  updateSection(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Body(body(updateSectionSchema)) input: z.infer<typeof updateSectionSchema>,
  ) {
    return this.cases.updateSection(ctx, id, sectionId, input);
  }

  @Returns(sectionVersionsResponseSchema)
  @Get(':id/sections/:sectionId/versions')
  @Access('authenticated')
  async versions(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Param('sectionId', UuidPipe) sectionId: string) {
    return { versions: await this.cases.sectionVersions(ctx, id, sectionId) };
  }

  @Returns(sectionDiffResponseSchema)
  @Get(':id/sections/:sectionId/diff')
  @Access('authenticated')
  diff(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('sectionId', UuidPipe) sectionId: string,
    @Query('from') from: string,
    @Query('to') to: string,
  ) {
    const [a, b] = [Number(from), Number(to)];
    if (!Number.isInteger(a) || !Number.isInteger(b))
      throw ValidationFailed.field('from', 'Oppgi versjonene som skal sammenlignes (from og to)');
    return this.cases.sectionDiff(ctx, id, sectionId, a, b);
  }

  @Put(':id/route')
  @Access('case_officer')
  @HttpCode(204)
  async route(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(routeSchema)) input: z.infer<typeof routeSchema>) {
    await this.cases.setRoute(ctx, id, input);
  }

  @Returns(recommendationResponseSchema)
  @Post(':id/recommendations')
  @Access('case_officer')
  recommend(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(recommendationSchema)) input: z.infer<typeof recommendationSchema>,
  ) {
    return this.cases.recordRecommendation(ctx, id, input);
  }

  /** An officer disqualified from preparing the case (habilitet): the case then needs another officer. */
  @Returns(officerDisqualifiedResponseSchema)
  @Post(':id/officer-disqualifications')
  @Access('case_officer')
  disqualifyOfficer(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(officerDisqualificationSchema)) input: z.infer<typeof officerDisqualificationSchema>,
  ) {
    return this.cases.disqualifyOfficer(ctx, id, input);
  }

  /** Another officer takes over the case (never one disqualified in it). */
  @Returns(officerAssignedResponseSchema)
  @Put(':id/officer')
  @Access('case_officer')
  assignOfficer(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(assignOfficerSchema)) input: z.infer<typeof assignOfficerSchema>,
  ) {
    return this.cases.assignOfficer(ctx, id, input);
  }

  @Returns(decisionRecordedResponseSchema)
  @Post(':id/decisions')
  @Access('case_officer')
  decide(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(decisionSchema)) input: z.infer<typeof decisionSchema>) {
    return this.cases.recordDecision(ctx, id, input);
  }

  @Returns(caseCommentListResponseSchema)
  @Get(':id/comments')
  @Access('authenticated')
  async comments(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return { comments: await this.cases.comments(ctx, id) };
  }

  @Returns(commentCreatedResponseSchema)
  @Post(':id/comments')
  @Access('member', 'case_officer')
  comment(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(commentSchema)) input: z.infer<typeof commentSchema>) {
    return this.cases.addComment(ctx, id, input);
  }
}
