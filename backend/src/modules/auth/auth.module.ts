import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { UserAccountsModule } from '../users/user-accounts.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService, PasswordLoginProvider } from './auth.service.js';

@Module({
  imports: [UserAccountsModule, MeetingsModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordLoginProvider],
  exports: [AuthService],
})
export class AuthModule {}
