import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { AllocationController } from './allocation.controller.js';
import { AllocationService } from './allocation.service.js';

@Module({
  imports: [CasesModule, DecisionsModule],
  controllers: [AllocationController],
  providers: [AllocationService],
  exports: [AllocationService],
})
export class AllocationModule {}
