import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { withTimeout } from '../async/with-timeout.js';
import { Public } from '../auth/access.js';
import { REDIS } from '../queue/queue.module.js';
import { healthLiveResponseSchema, healthReadyResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';
import { Readiness } from './readiness.js';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(Readiness) private readonly readiness: Readiness,
  ) {}

  /** The process is up. */
  @Returns(healthLiveResponseSchema)
  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /** The process can serve: PostgreSQL and Redis both answer, and it is not shutting down. */
  @Returns(healthReadyResponseSchema)
  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.db.query('SELECT 1'), 2000).then(
        () => 'ok' as const,
        () => 'unavailable' as const,
      ),
      withTimeout(this.redis.ping(), 2000).then(
        () => 'ok' as const,
        () => 'unavailable' as const,
      ),
    ]);
    const ready = postgres === 'ok' && redis === 'ok' && !this.readiness.draining;
    void reply.status(ready ? 200 : 503);
    const status = this.readiness.draining ? 'draining' : ready ? 'ready' : 'unavailable';
    return { status, checks: { postgres, redis } };
  }
}
