import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AnalysisController } from './analysis.controller.js';
import { AnalysisService } from './analysis.service.js';

@Module({ imports: [CasesModule], controllers: [AnalysisController], providers: [AnalysisService] })
export class AnalysisModule {}
