import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Access } from '../../platform/auth/access.js';
import { OpsService } from './ops.service.js';

@Controller()
export class OpsController {
  constructor(@Inject(OpsService) private readonly ops: OpsService) {}

  /** Prometheus metrics: for a scraper with METRICS_TOKEN as bearer token, or a logged-in administrator. */
  @Get('metrics')
  @Access('admin', 'metrics_scraper')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics() {
    return this.ops.metrics();
  }

  /** The job queue for administrators: counts and failed jobs with their reasons. */
  @Get('api/admin/jobs')
  @Access('admin')
  jobs() {
    return this.ops.jobs();
  }
}
