import { Module } from '@nestjs/common';
import { BEARER_AUTHORITY } from '../../platform/auth/bearer.js';
import { IntegrationTokensController } from './integration-tokens.controller.js';
import { IntegrationTokensService } from './integration-tokens.service.js';

/** Integration tokens (#21), and the guard's authority on requests made with one (BEARER_AUTHORITY). */
@Module({
  controllers: [IntegrationTokensController],
  providers: [IntegrationTokensService, { provide: BEARER_AUTHORITY, useExisting: IntegrationTokensService }],
  exports: [IntegrationTokensService, BEARER_AUTHORITY],
})
export class IntegrationTokensModule {}
