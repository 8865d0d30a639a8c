import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  createIntegrationTokenSchema,
  integrationTokenCreatedResponseSchema,
  integrationTokenListResponseSchema,
  integrationTokenResponseSchema,
  type CreateIntegrationToken,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { Returns } from '../../platform/http/returns.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { IntegrationTokensService } from './integration-tokens.service.js';

/** The municipality's integration tokens: the administrator's list, a new one (its secret shown once), revocation. */
@Controller('api/integration-tokens')
export class IntegrationTokensController {
  constructor(@Inject(IntegrationTokensService) private readonly tokens: IntegrationTokensService) {}

  @Get()
  @Access('admin')
  @Returns(integrationTokenListResponseSchema)
  list(@Ctx() ctx: RequestContext) {
    return this.tokens.list(ctx);
  }

  @Post()
  @Access('admin')
  @Returns(integrationTokenCreatedResponseSchema)
  create(@Ctx() ctx: RequestContext, @Body(body(createIntegrationTokenSchema)) input: CreateIntegrationToken) {
    return this.tokens.create(ctx, input);
  }

  @Post(':id/revoke')
  @Access('admin')
  @HttpCode(200)
  @Returns(integrationTokenResponseSchema)
  revoke(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.tokens.revoke(ctx, id);
  }
}
