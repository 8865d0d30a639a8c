import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { OpsController } from './ops.controller.js';
import { OpsService } from './ops.service.js';

@Global()
@Module({ controllers: [OpsController], providers: [OpsService], exports: [OpsService] })
export class OpsModule implements OnModuleInit {
  constructor(
    @Inject(OpsService) private readonly ops: OpsService,
    @Inject(HttpAdapterHost) private readonly adapter: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions?.url ?? 'unmatched';
      this.ops.httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      if (reply.statusCode >= 500) this.ops.httpErrors.inc({ route });
    });
  }
}
