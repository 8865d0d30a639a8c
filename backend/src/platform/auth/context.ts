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
  /**
   * The public without an account (innsyn, `/api/public/…`): no roles, no bodies, no user. The read rules take
   * it as one more reader (`caseReadableSql`: a public case once it has left its draft).
   */
  anonymous?: true;
}

/** No user: the nil UUID matches no author, member or invitee. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/** The anonymous reader of one municipality's innsyn (never a session; never writes). */
export const anonymousReader = (municipalityId: string): RequestContext => ({
  userId: NO_USER,
  email: '',
  municipalityId,
  roles: new Set(),
  bodyIds: new Set(),
  csrfToken: '',
  sessionHash: '',
  language: 'nb',
  anonymous: true,
});

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
