import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case lifecycle (shared/src/domain/case-lifecycle.ts): two new phases (before a body on the
 * route, in follow-up), the body a case is before, each phase a case entered with its date and actor
 * (`case_phase`, backfilled from the current status), and the reason given when a deciding vedtak
 * was made while input was still open.
 */
export class CaseLifecycle1763800000012 implements MigrationInterface {
  name = 'CaseLifecycle1763800000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_file DROP CONSTRAINT case_file_status_check;
      ALTER TABLE case_file ADD CONSTRAINT case_file_status_check
        CHECK (status IN ('draft','in_preparation','input_round','working_group','recommended','before_body','decided','follow_up','closed'));
      ALTER TABLE case_file ADD COLUMN phase_body_id uuid REFERENCES body(id);
      ALTER TABLE case_file ADD CONSTRAINT case_file_phase_body_check CHECK ((status = 'before_body') = (phase_body_id IS NOT NULL));
      CREATE TABLE case_phase (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        phase text NOT NULL CHECK (phase IN ('draft','in_preparation','input_round','working_group','recommended','before_body','decided','follow_up','closed')),
        body_id uuid REFERENCES body(id),
        entered_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id),
        reason text
      );
      CREATE INDEX case_phase_case_idx ON case_phase (case_id, entered_at);
      -- Existing cases: created as a draft, and in their current status since their last change.
      INSERT INTO case_phase (municipality_id, case_id, phase, entered_at, actor_id)
        SELECT municipality_id, id, 'draft', created_at, officer_id FROM case_file;
      INSERT INTO case_phase (municipality_id, case_id, phase, entered_at, actor_id)
        SELECT municipality_id, id, status, updated_at, NULL FROM case_file WHERE status <> 'draft';
      ALTER TABLE decision ADD COLUMN open_input_reason text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE decision DROP COLUMN open_input_reason;
      DROP TABLE case_phase;
      ALTER TABLE case_file DROP CONSTRAINT case_file_phase_body_check;
      ALTER TABLE case_file DROP COLUMN phase_body_id;
      UPDATE case_file SET status = CASE status WHEN 'before_body' THEN 'recommended' WHEN 'follow_up' THEN 'decided' ELSE status END;
      ALTER TABLE case_file DROP CONSTRAINT case_file_status_check;
      ALTER TABLE case_file ADD CONSTRAINT case_file_status_check
        CHECK (status IN ('draft','in_preparation','input_round','working_group','recommended','decided','closed'));
    `);
  }
}
