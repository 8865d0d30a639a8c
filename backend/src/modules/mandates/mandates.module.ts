import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module.js';
import { MandatesController } from './mandates.controller.js';
import { MandatesService } from './mandates.service.js';

@Module({ imports: [AnalysisModule], controllers: [MandatesController], providers: [MandatesService], exports: [MandatesService] })
export class MandatesModule {}
