import { Module } from '@nestjs/common';
import { MandatesController } from './mandates.controller.js';
import { MandatesService } from './mandates.service.js';

@Module({ controllers: [MandatesController], providers: [MandatesService], exports: [MandatesService] })
export class MandatesModule {}
