import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InputRoundsModule } from '../input-rounds/input-rounds.module.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { ImpartialityService } from './impartiality.service.js';

@Module({
  imports: [CasesModule, InputRoundsModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, ImpartialityService],
  exports: [MeetingsService, ImpartialityService],
})
export class MeetingsModule {}
