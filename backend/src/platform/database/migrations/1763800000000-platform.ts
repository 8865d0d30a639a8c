import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, users, sessions, the append-only audit trail, the outbox and caught mail. */
export class Platform1763800000000 implements MigrationInterface {
  name = 'Platform1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        org_number text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        email text NOT NULL,
        name text NOT NULL,
        title text NOT NULL DEFAULT '',
        password_hash text,
        status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','active','disabled')),
        is_admin boolean NOT NULL DEFAULT false,
        is_case_officer boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
      CREATE INDEX app_user_municipality_idx ON app_user (municipality_id);
      CREATE TABLE user_session (
        id_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX user_session_user_idx ON user_session (user_id);
      CREATE TABLE auth_token (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('invite','reset')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        success boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_attempt_email_at_idx ON login_attempt (lower(email), at);
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        actor_id uuid,
        action text NOT NULL CHECK (action IN ('create','update','delete')),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        changes jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_event_entity_idx ON audit_event (municipality_id, entity_type, entity_id, id);
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event er kun for tillegg: % er ikke tillatt', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        job text NOT NULL,
        payload jsonb NOT NULL,
        dedup_key text NOT NULL UNIQUE,
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      );
      CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL;
      CREATE TABLE job_done (
        key text PRIMARY KEY,
        done_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE caught_mail (
        id bigserial PRIMARY KEY,
        "to" text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE caught_mail; DROP TABLE job_done; DROP TABLE outbox;
      DROP TABLE audit_event; DROP FUNCTION audit_event_append_only();
      DROP TABLE login_attempt; DROP TABLE auth_token; DROP TABLE user_session;
      DROP TABLE app_user; DROP TABLE municipality;
    `);
  }
}
