import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';
import { FollowUpsController } from './follow-ups.controller.js';
import { FollowUpsService } from './follow-ups.service.js';

@Module({
  imports: [CasesModule],
  controllers: [DecisionsController, FollowUpsController],
  providers: [DecisionsService, FollowUpsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
