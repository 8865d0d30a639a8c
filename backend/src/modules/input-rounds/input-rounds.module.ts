import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DispositionsService } from './dispositions.service.js';
import { InputRoundsController } from './input-rounds.controller.js';
import { InputRoundsService } from './input-rounds.service.js';
import { InputSummaryService } from './input-summary.service.js';
import { SubmissionsService } from './submissions.service.js';

/** Rounds (and the read rules), submissions, dispositions and «Innspill og behandling», one service each. */
@Module({
  imports: [CasesModule],
  controllers: [InputRoundsController],
  providers: [InputRoundsService, SubmissionsService, DispositionsService, InputSummaryService],
  exports: [InputRoundsService, SubmissionsService, InputSummaryService],
})
export class InputRoundsModule {}
