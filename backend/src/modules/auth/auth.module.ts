import { Module } from '@nestjs/common';
import { CalendarTokensModule } from '../meetings/calendar-tokens.module.js';
import { UserAccountsModule } from '../users/user-accounts.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService, PasswordLoginProvider } from './auth.service.js';

@Module({
  imports: [UserAccountsModule, CalendarTokensModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordLoginProvider],
  exports: [AuthService],
})
export class AuthModule {}
