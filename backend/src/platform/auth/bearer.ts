import type { RequestContext } from './context.js';

/** What the guard knows of a request made with a bearer token: the route as the router names it, and its values. */
export interface BearerRequest {
  method: string;
  /** The route's pattern, e.g. `/api/public/:slug/cases`. */
  route: string;
  /** The path asked for (without the query), as recorded in the token's use log. */
  path: string;
  params: Readonly<Record<string, string | undefined>>;
}

/**
 * Decides a request made with an integration token (`Authorization: Bearer samrad_…`): the context it reads as, or
 * a thrown 401 (unknown, expired or revoked token) or 403 (a route its scopes do not open). Provided by the
 * integration-tokens module (the platform does not depend on modules); read afresh on every request (no cache),
 * so a revocation holds at once in every API process. Every use is recorded by it.
 */
export interface BearerAuthority {
  authorize(secret: string, request: BearerRequest): Promise<RequestContext>;
}

export const BEARER_AUTHORITY = Symbol('BEARER_AUTHORITY');
