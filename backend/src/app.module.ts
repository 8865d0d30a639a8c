import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthGuard } from './platform/auth/auth.guard.js';
import type { AppConfig } from './platform/config/config.js';
import { ClockModule } from './platform/clock/clock.module.js';
import { ConfigModule } from './platform/config/config.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { ErrorFilter } from './platform/http/error.filter.js';
import { QueueModule } from './platform/queue/queue.module.js';
import { CacheModule } from './platform/cache/cache.module.js';
import { LimitsModule } from './platform/limits/work-limits.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BodiesModule } from './modules/bodies/bodies.module.js';
import { DevModule } from './modules/dev/dev.module.js';
import { DocsModule } from './modules/docs/docs.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { MandatesModule } from './modules/mandates/mandates.module.js';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { DecisionsModule } from './modules/decisions/decisions.module.js';
import { SearchModule } from './modules/search/search.module.js';
import { InputRoundsModule } from './modules/input-rounds/input-rounds.module.js';
import { MeetingsModule } from './modules/meetings/meetings.module.js';
import { AllocationModule } from './modules/allocation/allocation.module.js';
import { AnalysisModule } from './modules/analysis/analysis.module.js';
import { TasksModule } from './modules/tasks/tasks.module.js';
import { OpsModule } from './modules/ops/ops.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { ArchiveModule } from './modules/archive/archive.module.js';
import { InnsynModule } from './modules/innsyn/innsyn.module.js';
import { IntegrationTokensModule } from './modules/integration-tokens/integration-tokens.module.js';
import { PersonalDataModule } from './modules/personal-data/personal-data.module.js';

@Module({
  imports: [
    DiscoveryModule,
    DatabaseModule,
    QueueModule,
    CacheModule,
    LimitsModule,
    MailModule,
    AuditModule,
    HealthModule,
    AuthModule,
    MunicipalitiesModule,
    UsersModule,
    BodiesModule,
    MandatesModule,
    NotificationsModule,
    CasesModule,
    InputRoundsModule,
    AttachmentsModule,
    DocumentsModule,
    ArchiveModule,
    InnsynModule,
    IntegrationTokensModule,
    PersonalDataModule,
    DecisionsModule,
    SearchModule,
    MeetingsModule,
    AllocationModule,
    AnalysisModule,
    TasksModule,
    OpsModule,
    DevModule,
    DocsModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
  ],
})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config), ClockModule.forRoot(config)] };
  }
}
