import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { REDIS } from '../queue/queue.module.js';
import { CLOCK, createClock } from './clock.js';
import { TestClockController } from './test-clock.controller.js';

/** The clock deadlines are read from; with TEST_CLOCK=1 also the test clock's endpoint. */
@Global()
@Module({})
export class ClockModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: CLOCK, inject: [REDIS], useFactory: (redis: Redis) => createClock(config, redis) }],
      controllers: config.TEST_CLOCK ? [TestClockController] : [],
      exports: [CLOCK],
    };
  }
}
