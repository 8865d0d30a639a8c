import { Module } from '@nestjs/common';
import { CalendarTokensModule } from '../meetings/calendar-tokens.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { UserAccountsModule } from '../users/user-accounts.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService, PasswordLoginProvider } from './auth.service.js';
import { OidcLoginService } from './oidc-login.service.js';
import { OidcProvidersService } from './oidc-providers.service.js';
import { OidcController, OidcProvidersController } from './oidc.controller.js';

@Module({
  imports: [UserAccountsModule, CalendarTokensModule, MunicipalitiesModule],
  controllers: [AuthController, OidcController, OidcProvidersController],
  providers: [AuthService, PasswordLoginProvider, OidcLoginService, OidcProvidersService],
  exports: [AuthService],
})
export class AuthModule {}
