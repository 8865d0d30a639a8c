import { Module } from '@nestjs/common';
import { UserAccountsService } from './user-accounts.service.js';

/** The account writes other modules make on `app_user` (see `UserAccountsService`); imported by auth and notifications. */
@Module({ providers: [UserAccountsService], exports: [UserAccountsService] })
export class UserAccountsModule {}
