import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import type { z } from 'zod';
import { inviteUserSchema, okResponseSchema, updateUserSchema, userListResponseSchema, userResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { UsersService } from './users.service.js';

@Controller('api/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Returns(userListResponseSchema)
  @Get()
  @Access('case_officer')
  async list(@Ctx() ctx: RequestContext) {
    return { users: await this.users.list(ctx) };
  }

  @Returns(userResponseSchema)
  @Post()
  @Access('admin')
  invite(@Ctx() ctx: RequestContext, @Body(body(inviteUserSchema)) input: z.infer<typeof inviteUserSchema>) {
    return this.users.invite(ctx, input);
  }

  @Returns(okResponseSchema)
  @Post(':id/resend-invite')
  @Access('admin')
  @HttpCode(202)
  async resend(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.users.resendInvite(ctx, id);
    return { ok: true };
  }

  @Returns(userResponseSchema)
  @Patch(':id')
  @Access('admin')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(updateUserSchema)) input: z.infer<typeof updateUserSchema>,
  ) {
    return this.users.update(ctx, id, input);
  }

  /** Anonymises a person who has left (their input stays, under a label after their role). */
  @Returns(userResponseSchema)
  @Post(':id/anonymise')
  @Access('admin')
  @HttpCode(200)
  anonymise(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.users.anonymise(ctx, id);
  }
}
