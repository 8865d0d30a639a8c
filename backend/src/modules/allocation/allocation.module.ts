import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AllocationController } from './allocation.controller.js';
import { AllocationService } from './allocation.service.js';

@Module({ imports: [CasesModule], controllers: [AllocationController], providers: [AllocationService], exports: [AllocationService] })
export class AllocationModule {}
