import { Module } from '@nestjs/common';
import { CalendarTokensService } from './calendar-tokens.service.js';

/** Calendar feed tokens' revocation, for the auth module (see `CalendarTokensService`). */
@Module({ providers: [CalendarTokensService], exports: [CalendarTokensService] })
export class CalendarTokensModule {}
