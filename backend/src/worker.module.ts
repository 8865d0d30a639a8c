import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { ClockModule } from './platform/clock/clock.module.js';
import { createDataSource } from './platform/database/data-source.js';
import { QueueModule } from './platform/queue/queue.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { WORKER_JOBS, WORKER_SERVICES } from './worker.jobs.js';

/** Jobs a worker runs at once. */
export const WORKER_CONCURRENCY = 5;
/**
 * A job holds at most two connections at a time: the claim of `once()` stays open while its effect
 * runs, and the effect may query too (a caught e-mail is stored in the database). With fewer than
 * two per job plus one for the outbox relay, five jobs could each hold a claim and wait for a
 * second connection that none of them will give back.
 */
export const WORKER_POOL_SIZE = WORKER_CONCURRENCY * 2 + 1;

const OWNS_DATA_SOURCE = Symbol('OWNS_DATA_SOURCE');

/** The worker's database: its own pool of WORKER_POOL_SIZE, or the one a test hands it (not closed here). */
@Global()
@Module({})
class WorkerDatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(OWNS_DATA_SOURCE) private readonly owns: boolean,
  ) {}

  static forRoot(config: AppConfig, db?: DataSource): DynamicModule {
    return {
      module: WorkerDatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => db ?? (await createDataSource(config, { poolSize: WORKER_POOL_SIZE }).initialize()),
        },
        { provide: OWNS_DATA_SOURCE, useValue: !db },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.owns && this.db.isInitialized) await this.db.destroy();
  }
}

/**
 * The worker's application context: configuration, clock, database, Redis and the outbox, the
 * services the jobs use, and one provider per job (WORKER_JOBS, found by their @JobHandler).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: { db?: DataSource } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(config),
        WorkerDatabaseModule.forRoot(config, options.db),
        QueueModule,
        DiscoveryModule,
        MailModule,
        AuditModule,
        NotificationsModule,
      ],
      providers: [...WORKER_SERVICES, ...WORKER_JOBS],
    };
  }
}
