import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their documents and route, recommendations and decisions, input rounds and submissions, comments, notifications. */
export class CaseWorkflow1763800000002 implements MigrationInterface {
  name = 'CaseWorkflow1763800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE number_counter (
        scope text NOT NULL,
        owner_id uuid NOT NULL,
        year int NOT NULL,
        last int NOT NULL,
        PRIMARY KEY (scope, owner_id, year)
      );
      CREATE TABLE case_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        archive_year int NOT NULL,
        archive_seq int NOT NULL,
        title text NOT NULL,
        mandate_item_id uuid REFERENCES mandate_item(id),
        officer_id uuid REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_preparation','input_round','working_group','recommended','decided','closed')),
        access text NOT NULL DEFAULT 'public' CHECK (access IN ('public','exempt')),
        legal_basis text,
        public_title text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_id, archive_year, archive_seq),
        CHECK (access = 'public' OR (legal_basis IS NOT NULL AND public_title IS NOT NULL))
      );
      CREATE INDEX case_file_mandate_item_idx ON case_file (mandate_item_id);
      CREATE TABLE case_section (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('background','facts','assessment','proposal')),
        position int NOT NULL,
        current_version int NOT NULL DEFAULT 1,
        UNIQUE (case_id, kind)
      );
      CREATE TABLE case_section_version (
        section_id uuid NOT NULL REFERENCES case_section(id) ON DELETE CASCADE,
        version int NOT NULL,
        text text NOT NULL,
        author_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (section_id, version)
      );
      CREATE TABLE case_route_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        body_id uuid NOT NULL REFERENCES body(id),
        position int NOT NULL,
        meeting_date date,
        committee_number text,
        UNIQUE (case_id, body_id)
      );
      CREATE TABLE recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL REFERENCES case_file(id),
        body_id uuid NOT NULL REFERENCES body(id),
        text text NOT NULL,
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, body_id)
      );
      CREATE FUNCTION recommendation_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'En innstilling kan ikke endres etter at den er registrert' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER recommendation_no_change BEFORE UPDATE OR DELETE ON recommendation
        FOR EACH ROW EXECUTE FUNCTION recommendation_immutable();
      CREATE TABLE decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL REFERENCES case_file(id),
        body_id uuid NOT NULL REFERENCES body(id),
        committee_number text,
        decided_on date NOT NULL,
        text text NOT NULL,
        motions jsonb NOT NULL DEFAULT '[]',
        recorded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, body_id)
      );
      CREATE INDEX decision_search_idx ON decision USING gin (to_tsvector('norwegian', text));
      CREATE TABLE input_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid REFERENCES case_file(id),
        mandate_item_id uuid REFERENCES mandate_item(id),
        title text NOT NULL,
        questions text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        late_policy text NOT NULL DEFAULT 'refuse' CHECK (late_policy IN ('refuse','accept_late')),
        publish_after_close boolean NOT NULL DEFAULT false,
        reminder_minutes int[] NOT NULL DEFAULT '{10080,1440}',
        closed_at timestamptz,
        created_by uuid REFERENCES app_user(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (closes_at > opens_at),
        CHECK (case_id IS NOT NULL OR mandate_item_id IS NOT NULL)
      );
      CREATE TABLE round_invitation (
        round_id uuid NOT NULL REFERENCES input_round(id) ON DELETE CASCADE,
        body_id uuid NOT NULL REFERENCES body(id),
        status text NOT NULL DEFAULT 'not_answered' CHECK (status IN ('not_answered','answered','no_comment')),
        extended_until timestamptz,
        PRIMARY KEY (round_id, body_id)
      );
      CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        round_id uuid REFERENCES input_round(id),
        case_id uuid REFERENCES case_file(id),
        mandate_item_id uuid REFERENCES mandate_item(id),
        body_id uuid REFERENCES body(id),
        author_id uuid NOT NULL REFERENCES app_user(id),
        capacity text NOT NULL,
        current_version int NOT NULL DEFAULT 1,
        late boolean NOT NULL DEFAULT false,
        idempotency_key text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (author_id, idempotency_key)
      );
      CREATE INDEX submission_round_idx ON submission (round_id);
      CREATE TABLE submission_version (
        submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
        version int NOT NULL,
        text text NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, version)
      );
      CREATE TABLE disposition (
        submission_id uuid PRIMARY KEY REFERENCES submission(id),
        outcome text NOT NULL CHECK (outcome IN ('adopted','partly_adopted','not_adopted','noted')),
        reason text NOT NULL,
        section_id uuid REFERENCES case_section(id),
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      );
      CREATE TABLE comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL REFERENCES case_file(id),
        section_id uuid REFERENCES case_section(id),
        submission_id uuid REFERENCES submission(id),
        parent_id uuid REFERENCES comment(id),
        author_id uuid NOT NULL REFERENCES app_user(id),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX comment_case_idx ON comment (case_id, created_at);
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        dedup_key text NOT NULL UNIQUE,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX notification_user_idx ON notification (user_id, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification; DROP TABLE comment; DROP TABLE disposition; DROP TABLE submission_version; DROP TABLE submission;
      DROP TABLE round_invitation; DROP TABLE input_round; DROP TABLE decision; DROP TABLE recommendation; DROP FUNCTION recommendation_immutable();
      DROP TABLE case_route_step; DROP TABLE case_section_version; DROP TABLE case_section; DROP TABLE case_file; DROP TABLE number_counter;
    `);
  }
}
