import { Body as RequestBody, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  createBodySchema,
  createMembershipSchema,
  updateBodySchema,
  updateMembershipSchema,
  type CreateBody,
  type CreateMembership,
  type UpdateBody,
  type UpdateMembership,
  bodyListResponseSchema,
  bodyDetailResponseSchema,
  bodyResponseSchema,
  idVersionResponseSchema,
} from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { BodiesService } from './bodies.service.js';

@Controller('api/bodies')
export class BodiesController {
  constructor(@Inject(BodiesService) private readonly bodies: BodiesService) {}

  @Returns(bodyListResponseSchema)
  @Get()
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext) {
    return { bodies: await this.bodies.list(ctx) };
  }

  @Returns(bodyDetailResponseSchema)
  @Get(':id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.bodies.get(ctx, id);
  }

  @Returns(bodyResponseSchema)
  @Post()
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @RequestBody(body(createBodySchema)) input: CreateBody) {
    return this.bodies.create(ctx, input);
  }

  @Returns(bodyResponseSchema)
  @Patch(':id')
  @Access('case_officer')
  update(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @RequestBody(body(updateBodySchema)) input: UpdateBody) {
    return this.bodies.update(ctx, id, input);
  }

  /** Closes the body (lagt ned): kept with its history and shown as closed, never erased. */
  @Delete(':id')
  @Access('admin')
  @HttpCode(204)
  async close(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.bodies.close(ctx, id);
  }

  @Returns(idVersionResponseSchema)
  @Post(':id/members')
  @Access('case_officer')
  addMember(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @RequestBody(body(createMembershipSchema)) input: CreateMembership,
  ) {
    return this.bodies.addMember(ctx, id, input);
  }

  @Returns(idVersionResponseSchema)
  @Patch(':id/members/:memberId')
  @Access('case_officer')
  updateMember(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('memberId', UuidPipe) memberId: string,
    @RequestBody(body(updateMembershipSchema)) input: UpdateMembership,
  ) {
    return this.bodies.updateMember(ctx, id, memberId, input);
  }

  @Delete(':id/members/:memberId')
  @Access('case_officer')
  @HttpCode(204)
  async removeMember(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Param('memberId', UuidPipe) memberId: string) {
    await this.bodies.removeMember(ctx, id, memberId);
  }
}
