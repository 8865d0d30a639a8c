import { Controller, Get, Inject, Param } from '@nestjs/common';
import { auditHistoryResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { NotFound } from '../../platform/http/errors.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { AuditService } from './audit.service.js';

const ENTITY_TYPE = /^[a-z_]{1,40}$/;

@Controller('api/audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** An entity's history: who changed what, when. For the administration. */
  @Returns(auditHistoryResponseSchema)
  @Get(':entityType/:entityId')
  @Access('case_officer')
  async history(@Ctx() ctx: RequestContext, @Param('entityType') type: string, @Param('entityId', UuidPipe) id: string) {
    if (!ENTITY_TYPE.test(type)) throw new NotFound();
    return { events: await this.audit.history(ctx.municipalityId, type, id) };
  }
}
