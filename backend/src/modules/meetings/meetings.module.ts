import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

@Module({ imports: [CasesModule], controllers: [MeetingsController], providers: [MeetingsService] })
export class MeetingsModule {}
