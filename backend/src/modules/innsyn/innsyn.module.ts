import { Module } from '@nestjs/common';
import { AllocationModule } from '../allocation/allocation.module.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { InputRoundsModule } from '../input-rounds/input-rounds.module.js';
import { MandatesModule } from '../mandates/mandates.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { InnsynController, SitemapController } from './innsyn.controller.js';
import { InnsynService } from './innsyn.service.js';

/** Innsyn without an account (`/api/public/…`, `/sitemap.xml`): a read model over the owners' services; owns no table. */
@Module({
  imports: [
    AllocationModule,
    AttachmentsModule,
    CasesModule,
    DecisionsModule,
    DocumentsModule,
    InputRoundsModule,
    MandatesModule,
    MeetingsModule,
    MunicipalitiesModule,
  ],
  controllers: [InnsynController, SitemapController],
  providers: [InnsynService],
})
export class InnsynModule {}
