import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { createDataSource } from './platform/database/data-source.js';
import { OutboxService } from './platform/queue/outbox.service.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module.js';
import { UsersModule } from './modules/users/users.module.js';

/**
 * The operator command's database and outbox: a small pool of its own, and the outbox without Redis
 * (the command only writes outbox rows; the running worker relays them and sends the mail).
 */
@Global()
@Module({})
class OperatorPlatformModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: OperatorPlatformModule,
      providers: [{ provide: DataSource, useFactory: async () => createDataSource(config, { poolSize: 2 }).initialize() }, OutboxService],
      exports: [DataSource, OutboxService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/** The application context of the operator commands (`npm run municipality`): the owning modules' services, no HTTP. */
@Module({})
export class OperatorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: OperatorModule,
      imports: [ConfigModule.forRoot(config), OperatorPlatformModule.forRoot(config), AuditModule, MunicipalitiesModule, UsersModule],
    };
  }
}
