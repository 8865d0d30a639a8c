import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppRole } from '@samrad/shared/contracts';
import type { Language } from '@samrad/shared/i18n';
import { Unauthorized } from '../http/errors.js';

/** Who is asking, resolved from the session on every request. */
export interface RequestContext {
  userId: string;
  /** The person's e-mail address (who runs the installation is named by it: see isOperator). */
  email: string;
  municipalityId: string;
  roles: ReadonlySet<AppRole>;
  /** Bodies the user is a current member of. */
  bodyIds: ReadonlySet<string>;
  csrfToken: string;
  sessionHash: string;
  /** The person's language: their own choice, else the municipality's målform (the API's messages follow it). */
  language: Language;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestContext;
  }
}

/** The logged-in user's context; the guard has already refused anonymous requests. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const req = host.switchToHttp().getRequest<{ auth?: RequestContext }>();
  if (!req.auth) throw new Unauthorized();
  return req.auth;
});
