import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { OpsService } from './ops.service.js';
import { jobsResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller()
export class OpsController {
  constructor(@Inject(OpsService) private readonly ops: OpsService) {}

  /** Prometheus metrics (installation-wide): for a scraper with METRICS_TOKEN as bearer token, or a logged-in operator. */
  @Get('metrics')
  @Access('operator', 'metrics_scraper')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics() {
    return this.ops.metrics();
  }

  /** The job queue: counts and failed jobs with their reasons; an operator sees every municipality's, an administrator their own. */
  @Returns(jobsResponseSchema)
  @Get('api/admin/jobs')
  @Access('admin')
  jobs(@Ctx() ctx: RequestContext) {
    return this.ops.jobs(ctx);
  }
}
