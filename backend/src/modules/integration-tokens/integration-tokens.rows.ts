/**
 * Typed rows of the tables the integration-tokens module owns and keeps on raw SQL (see
 * `platform/database/table-owners.ts`): the one home of their row types. Only this module writes them.
 */
export const ROW_TABLES = ['integration_token', 'integration_token_use'] as const;

/** A row of `integration_token`: a system's bearer token, stored as the SHA-256 of its secret only. */
export interface IntegrationTokenRow {
  id: string;
  municipality_id: string;
  name: string;
  system: string;
  scopes: string[];
  prefix: string;
  token_sha256: string;
  expires_at: Date;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** A row of `integration_token_use`: one request made with a token (append-only). */
export interface IntegrationTokenUseRow {
  id: string;
  token_id: string;
  method: string;
  route: string;
  allowed: boolean;
  at: Date;
}
