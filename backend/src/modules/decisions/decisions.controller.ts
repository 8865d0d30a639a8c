import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { z } from 'zod';
import { decisionSearchSchema } from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { ZodPipe } from '../../platform/http/zod.pipe.js';
import { DecisionsService } from './decisions.service.js';
import { decisionRegisterResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller('api/decisions')
export class DecisionsController {
  constructor(@Inject(DecisionsService) private readonly decisions: DecisionsService) {}

  @Returns(decisionRegisterResponseSchema)
  @Get()
  @Access('authenticated')
  async search(@Ctx() ctx: RequestContext, @Query(new ZodPipe(decisionSearchSchema)) filters: z.infer<typeof decisionSearchSchema>) {
    return { decisions: await this.decisions.search(ctx, filters) };
  }
}
