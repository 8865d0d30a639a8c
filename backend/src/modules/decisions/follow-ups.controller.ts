import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  caseFollowUpsResponseSchema,
  createFollowUpSchema,
  followUpResponseSchema,
  updateFollowUpSchema,
  type CreateFollowUp,
  type UpdateFollowUp,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { Returns } from '../../platform/http/returns.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { FollowUpsService } from './follow-ups.service.js';

/** The follow-up of vedtak: tasks per decision, read with the case, written by case officers. */
@Controller('api')
export class FollowUpsController {
  constructor(@Inject(FollowUpsService) private readonly followUps: FollowUpsService) {}

  @Returns(caseFollowUpsResponseSchema)
  @Get('cases/:id/follow-ups')
  @Access('authenticated')
  forCase(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.followUps.forCase(ctx, id);
  }

  @Returns(followUpResponseSchema)
  @Post('decisions/:id/follow-ups')
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(createFollowUpSchema)) input: CreateFollowUp) {
    return this.followUps.create(ctx, id, input);
  }

  @Returns(followUpResponseSchema)
  @Patch('follow-ups/:id')
  @Access('case_officer')
  update(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(updateFollowUpSchema)) input: UpdateFollowUp) {
    return this.followUps.update(ctx, id, input);
  }
}
