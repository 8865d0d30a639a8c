import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../auth/access.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { body } from '../http/zod.pipe.js';
import { QUEUE_NAME } from '../queue/jobs.js';
import { REDIS } from '../queue/queue.module.js';
import { CLOCK, type TestClock } from './clock.js';
import { promoteDueJobs } from './promote-due-jobs.js';
import { testClockMovedResponseSchema, testClockResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

const moveSchema = z.union([z.object({ advanceMs: z.number().int().min(0) }).strict(), z.object({ offsetMs: z.number().int() }).strict()]);

/**
 * The test clock (only with TEST_CLOCK=1, which production refuses): `GET` tells its time, `POST
 * {advanceMs}` moves it forward (`{offsetMs: 0}` back to the system clock) and promotes the delayed
 * jobs that are due by then, so a test sees a deadline pass without waiting for it.
 */
@Controller('api/test/clock')
export class TestClockController {
  private queue?: Queue;

  constructor(
    @Inject(CLOCK) private readonly clock: TestClock,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  @Returns(testClockResponseSchema)
  @Get()
  @Public()
  async get() {
    await this.clock.sync();
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offsetMs };
  }

  @Returns(testClockMovedResponseSchema)
  @Post()
  @Public()
  @HttpCode(200)
  async move(@Body(body(moveSchema)) input: z.infer<typeof moveSchema>) {
    if ('advanceMs' in input) await this.clock.advance(input.advanceMs);
    else await this.clock.set(input.offsetMs);
    this.queue ??= new Queue(QUEUE_NAME, { connection: this.redis, prefix: this.config.QUEUE_PREFIX });
    const promoted = await promoteDueJobs(this.db, this.queue, this.clock.now());
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offsetMs, promoted };
  }
}
