import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integration tokens (#21): a system's bearer token `samrad_…`, stored as the SHA-256 of its secret (the first
 * characters kept as `prefix`, to tell tokens apart in the list), with its scopes, expiry and revocation; and
 * `integration_token_use`, one small row per request made with a token (append-only, as the audit trail).
 */
export class IntegrationTokens1763800001020 implements MigrationInterface {
  name = 'IntegrationTokens1763800001020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integration_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        name text NOT NULL,
        system text NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read_public','read_municipality','export_archive']::text[]),
        prefix text NOT NULL,
        token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id)
      );
      CREATE INDEX integration_token_municipality ON integration_token (municipality_id, created_at);
      CREATE TABLE integration_token_use (
        id bigserial PRIMARY KEY,
        token_id uuid NOT NULL REFERENCES integration_token(id),
        method text NOT NULL,
        route text NOT NULL,
        allowed boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX integration_token_use_token ON integration_token_use (token_id, id);
      CREATE FUNCTION integration_token_use_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'integration_token_use er kun for tillegg: % er ikke tillatt', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER integration_token_use_no_update BEFORE UPDATE OR DELETE ON integration_token_use
        FOR EACH ROW EXECUTE FUNCTION integration_token_use_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE integration_token_use; DROP FUNCTION integration_token_use_append_only();
      DROP TABLE integration_token;
    `);
  }
}
