import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InputRoundsModule } from '../input-rounds/input-rounds.module.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [CasesModule, InputRoundsModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
