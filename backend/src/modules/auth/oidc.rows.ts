/**
 * Typed rows of the OpenID Connect tables the auth module owns and keeps on raw SQL (see
 * `platform/database/table-owners.ts` and the migration `1763800001000-oidc.ts`).
 */
export const ROW_TABLES = ['oidc_provider', 'oidc_national_id', 'oidc_login_state'] as const;

/** A row of `oidc_provider`: a municipality's log-in provider; the client secret is stored encrypted. */
export interface OidcProviderRow {
  id: string;
  municipality_id: string;
  name: string;
  kind: 'entra' | 'idporten' | 'feide' | 'generic';
  issuer: string;
  client_id: string;
  client_secret_enc: string | null;
  scopes: string;
  claim: string;
  allowed_roles: ('admin' | 'case_officer' | 'member' | 'participant')[];
  auto_create: boolean;
  default_role: 'participant' | 'case_officer' | null;
  enabled: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A row of `oidc_national_id`: a person's national identity number as its HMAC-SHA-256. */
export interface OidcNationalIdRow {
  user_id: string;
  municipality_id: string;
  pid_hmac: string;
  created_at: Date;
}

/** A row of `oidc_login_state`: a log-in under way (single use, short-lived). */
export interface OidcLoginStateRow {
  state_sha256: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  next_path: string | null;
  expires_at: Date;
}
