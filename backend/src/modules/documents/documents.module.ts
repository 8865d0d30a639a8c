import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { InputRoundsModule } from '../input-rounds/input-rounds.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';

/** Case documents as PDF/A files: generated, stored with their SHA-256 as versions, listed on the case. */
@Module({
  imports: [CasesModule, InputRoundsModule, MeetingsModule, AttachmentsModule, MunicipalitiesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
