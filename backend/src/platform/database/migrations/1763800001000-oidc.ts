import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID Connect log-in (#21):
 * - `oidc_provider`: a municipality's log-in providers (Entra ID, ID-porten, Feide or any standard provider), their
 *   client secret encrypted (AES-256-GCM with a key from OIDC_SECRET_KEY), the roles that may use each, and whether a
 *   first log-in creates an account (with its default role).
 * - `oidc_national_id`: a person's national identity number (ID-porten's `pid`), stored only as its HMAC-SHA-256
 *   keyed with OIDC_SECRET_KEY.
 * - `oidc_login_state`: a log-in under way (state, nonce, PKCE verifier), single use, ten minutes.
 * - `user_session` remembers the provider's session (`sid`, `sub`, the ID token for the log-out hint), so that
 *   log-out ends it at the provider too and the provider's back-channel log-out ends it here.
 * - `municipality.password_login`: whether the municipality's people may log in with a password.
 */
export class Oidc1763800001000 implements MigrationInterface {
  name = 'Oidc1763800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE municipality ADD COLUMN password_login boolean NOT NULL DEFAULT true;

      CREATE TABLE oidc_provider (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('entra', 'idporten', 'feide', 'generic')),
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret_enc text,
        scopes text NOT NULL,
        claim text NOT NULL,
        allowed_roles text[] NOT NULL CHECK (allowed_roles <@ ARRAY['admin', 'case_officer', 'member', 'participant']::text[]),
        auto_create boolean NOT NULL DEFAULT false,
        default_role text CHECK (default_role IN ('participant', 'case_officer')),
        enabled boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT auto_create OR default_role IS NOT NULL)
      );
      CREATE UNIQUE INDEX oidc_provider_name_key ON oidc_provider (municipality_id, lower(name));

      CREATE TABLE oidc_national_id (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        pid_hmac text NOT NULL CHECK (pid_hmac ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_id, pid_hmac)
      );

      CREATE TABLE oidc_login_state (
        state_sha256 text PRIMARY KEY CHECK (state_sha256 ~ '^[0-9a-f]{64}$'),
        provider_id uuid NOT NULL REFERENCES oidc_provider(id),
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        next_path text,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX oidc_login_state_expires ON oidc_login_state (expires_at);

      ALTER TABLE user_session
        ADD COLUMN oidc_provider_id uuid REFERENCES oidc_provider(id),
        ADD COLUMN oidc_sid text,
        ADD COLUMN oidc_sub text,
        ADD COLUMN oidc_id_token text;
      CREATE INDEX user_session_oidc ON user_session (oidc_provider_id, oidc_sub) WHERE oidc_provider_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_session DROP COLUMN oidc_provider_id, DROP COLUMN oidc_sid, DROP COLUMN oidc_sub, DROP COLUMN oidc_id_token;
      DROP TABLE oidc_login_state;
      DROP TABLE oidc_national_id;
      DROP TABLE oidc_provider;
      ALTER TABLE municipality DROP COLUMN password_login;
    `);
  }
}
